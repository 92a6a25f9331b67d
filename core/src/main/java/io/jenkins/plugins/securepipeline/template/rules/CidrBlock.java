package io.jenkins.plugins.securepipeline.template.rules;

import java.math.BigInteger;
import java.util.Locale;

/**
 * An IPv4 or IPv6 CIDR block, parsed rather than compared as text: {@code ::/0}, {@code 0000::/0},
 * {@code 0:0:0:0:0:0:0:0/0} and {@code 10.0.0.0/0} all cover the whole internet, and {@code ::1/128} is loopback
 * however it is spelled. Parsing is done here (no {@code InetAddress}, which may look names up in DNS).
 *
 * @param address the network address as an unsigned number
 * @param prefix the prefix length
 * @param ipv6 true for IPv6
 */
public record CidrBlock(BigInteger address, int prefix, boolean ipv6) {
    private static final BigInteger LOOPBACK_V6 = BigInteger.ONE;
    private static final BigInteger LOOPBACK_V4_NET = BigInteger.valueOf(127L << 24);

    /** The block, or null when the text is not a CIDR block (an unknown value, a typo, a prefix list). */
    public static CidrBlock parse(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        if (slash < 0 || !trimmed.substring(slash + 1).matches("\\d{1,3}")) {
            return null;
        }
        String host = trimmed.substring(0, slash);
        int prefix = Integer.parseInt(trimmed.substring(slash + 1));
        if (host.contains(":")) {
            BigInteger address = ipv6(host);
            return address == null || prefix > 128 ? null : new CidrBlock(address, prefix, true);
        }
        Long address = ipv4(host);
        return address == null || prefix > 32 ? null : new CidrBlock(BigInteger.valueOf(address), prefix, false);
    }

    /** Prefix length 0: every address of its family, the whole internet. */
    public boolean everyAddress() {
        return prefix == 0;
    }

    /** Wholly inside 127.0.0.0/8 or exactly ::1: traffic that never leaves the host. */
    public boolean loopback() {
        if (ipv6) {
            return prefix == 128 && address.equals(LOOPBACK_V6);
        }
        return prefix >= 8 && address.shiftRight(24).equals(LOOPBACK_V4_NET.shiftRight(24));
    }

    private static Long ipv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        long value = 0;
        for (String part : parts) {
            if (!part.matches("\\d{1,3}") || Integer.parseInt(part) > 255) {
                return null;
            }
            value = value << 8 | Integer.parseInt(part);
        }
        return value;
    }

    /** Eight groups of up to four hex digits, one "::" for a run of zero groups, optionally an IPv4 tail. */
    private static BigInteger ipv6(String host) {
        String text = host.toLowerCase(Locale.ROOT);
        int zone = text.indexOf('%');
        if (zone >= 0) {
            return null;
        }
        int[] groups = new int[8];
        String[] halves = text.split("::", -1);
        if (halves.length > 2) {
            return null;
        }
        int[] head = groups(halves[0]);
        int[] tail = halves.length == 2 ? groups(halves[1]) : new int[0];
        if (head == null || tail == null) {
            return null;
        }
        if (halves.length == 1 ? head.length != 8 : head.length + tail.length > 7) {
            return null;
        }
        System.arraycopy(head, 0, groups, 0, head.length);
        System.arraycopy(tail, 0, groups, 8 - tail.length, tail.length);
        BigInteger value = BigInteger.ZERO;
        for (int group : groups) {
            value = value.shiftLeft(16).or(BigInteger.valueOf(group));
        }
        return value;
    }

    private static int[] groups(String part) {
        if (part.isEmpty()) {
            return new int[0];
        }
        String[] pieces = part.split(":", -1);
        boolean ipv4Tail = pieces[pieces.length - 1].contains(".");
        int[] groups = new int[pieces.length + (ipv4Tail ? 1 : 0)];
        for (int i = 0; i < pieces.length; i++) {
            String piece = pieces[i];
            if (ipv4Tail && i == pieces.length - 1) {
                Long v4 = ipv4(piece);
                if (v4 == null) {
                    return null;
                }
                groups[i] = (int) (v4 >> 16);
                groups[i + 1] = (int) (v4 & 0xffff);
            } else if (piece.matches("[0-9a-f]{1,4}")) {
                groups[i] = Integer.parseInt(piece, 16);
            } else {
                return null;
            }
        }
        return groups;
    }
}
