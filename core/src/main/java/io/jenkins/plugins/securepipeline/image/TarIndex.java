package io.jenkins.plugins.securepipeline.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The entries of an uncompressed tar file (ustar, GNU long names, pax headers) with their offsets, so blobs can be
 * streamed straight out of an {@code oci-archive} or {@code docker save} file without unpacking it to disk.
 */
public final class TarIndex {
    private static final int BLOCK = 512;
    private static final int MAX_ENTRIES = 200_000;
    private static final int MAX_NAME_RECORD = 64 * 1024;

    /** One regular file or symbolic link in the archive. */
    public record Entry(String name, long offset, long size, boolean symlink, String linkTarget) {}

    private final Path file;
    private final Map<String, Entry> entries;

    private TarIndex(Path file, Map<String, Entry> entries) {
        this.file = file;
        this.entries = entries;
    }

    public static TarIndex read(Path file) throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = channel.size();
            refuseCompressed(channel, file);
            long position = 0;
            String longName = null;
            String longLink = null;
            Map<String, String> pax = Map.of();
            ByteBuffer header = ByteBuffer.allocate(BLOCK);
            while (true) {
                if (position + BLOCK > length) {
                    throw new InvalidImageException(file + ": truncated tar archive (no end-of-archive marker)");
                }
                header.clear();
                readFully(channel, header, position);
                byte[] h = header.array();
                if (isZero(h)) {
                    break;
                }
                verifyChecksum(h, file, position);
                long size = pax.containsKey("size") ? parsePaxSize(pax.get("size"), file) : parseSize(h, file, position);
                char type = (char) h[156];
                long dataOffset = position + BLOCK;
                if (dataOffset + size > length) {
                    throw new InvalidImageException(file + ": tar entry at offset " + position + " runs past the end of the file");
                }
                if (type == 'L' || type == 'K' || type == 'x') {
                    if (size > MAX_NAME_RECORD) {
                        throw new InvalidImageException(file + ": tar extension header at offset " + position + " is too large");
                    }
                    ByteBuffer data = ByteBuffer.allocate((int) size);
                    readFully(channel, data, dataOffset);
                    if (type == 'L') {
                        longName = cString(data.array(), 0, (int) size);
                    } else if (type == 'K') {
                        longLink = cString(data.array(), 0, (int) size);
                    } else {
                        pax = parsePax(data.array(), file);
                    }
                } else if (type != 'g') {
                    String name = pax.containsKey("path") ? pax.get("path")
                            : longName != null ? longName : ustarName(h);
                    String link = pax.containsKey("linkpath") ? pax.get("linkpath")
                            : longLink != null ? longLink : cString(h, 157, 100);
                    name = normalize(name);
                    if (type == '0' || type == '\0' || type == '7') {
                        put(entries, new Entry(name, dataOffset, size, false, null), file);
                    } else if (type == '2') {
                        put(entries, new Entry(name, dataOffset, 0, true, link), file);
                    }
                    longName = null;
                    longLink = null;
                    pax = Map.of();
                }
                position = dataOffset + (size + BLOCK - 1) / BLOCK * BLOCK;
            }
        }
        return new TarIndex(file, entries);
    }

    private static void put(Map<String, Entry> entries, Entry entry, Path file) throws InvalidImageException {
        if (entries.size() >= MAX_ENTRIES) {
            throw new InvalidImageException(file + ": more than " + MAX_ENTRIES + " tar entries");
        }
        // A later entry with the same name replaces an earlier one when tar extracts; do the same.
        entries.put(entry.name(), entry);
    }

    public Path file() {
        return file;
    }

    /** The regular file at {@code name}, following symbolic links inside the archive, or null. */
    public Entry find(String name) {
        String current = normalize(name);
        for (int hops = 0; hops < 8; hops++) {
            Entry entry = entries.get(current);
            if (entry == null || !entry.symlink()) {
                return entry;
            }
            String target = entry.linkTarget();
            if (!target.startsWith("/")) {
                int slash = current.lastIndexOf('/');
                target = (slash < 0 ? "" : current.substring(0, slash + 1)) + target;
            }
            current = normalize(target);
        }
        return null;
    }

    /** Streams one entry's bytes; each call opens its own channel so blobs can be read in parallel. */
    public InputStream open(Entry entry) throws IOException {
        SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ);
        channel.position(entry.offset());
        return new BoundedInputStream(Channels.newInputStream(channel), entry.size());
    }

    /** Reads a small entry whole, refusing anything over {@code limit} bytes. */
    public byte[] readSmall(Entry entry, int limit) throws IOException {
        if (entry.size() > limit) {
            throw new InvalidImageException(file + "!" + entry.name() + ": " + entry.size()
                    + " bytes, over the " + limit + " byte limit for this document");
        }
        try (InputStream in = open(entry)) {
            return in.readAllBytes();
        }
    }

    static String normalize(String name) {
        String result = name;
        while (result.startsWith("./")) {
            result = result.substring(2);
        }
        while (result.startsWith("/")) {
            result = result.substring(1);
        }
        StringBuilder out = new StringBuilder();
        for (String part : result.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                int slash = out.lastIndexOf("/");
                out.setLength(Math.max(slash, 0));
                continue;
            }
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(part);
        }
        return out.toString();
    }

    /**
     * {@code docker save | gzip} output is common; blobs are streamed from the archive in place, so it must be a
     * plain tar. Say so instead of "not a tar archive".
     */
    private static void refuseCompressed(FileChannel channel, Path file) throws IOException {
        ByteBuffer magic = ByteBuffer.allocate(4);
        while (magic.hasRemaining() && channel.read(magic, magic.position()) > 0) {
            // read what there is of the first four bytes
        }
        byte[] m = magic.array();
        String compression = null;
        if (magic.position() >= 2 && (m[0] & 0xff) == 0x1f && (m[1] & 0xff) == 0x8b) {
            compression = "gzip";
        } else if (magic.position() >= 4 && (m[0] & 0xff) == 0x28 && (m[1] & 0xff) == 0xb5 && (m[2] & 0xff) == 0x2f
                && (m[3] & 0xff) == 0xfd) {
            compression = "zstd";
        } else if (magic.position() >= 3 && m[0] == 'B' && m[1] == 'Z' && m[2] == 'h') {
            compression = "bzip2";
        } else if (magic.position() >= 4 && (m[0] & 0xff) == 0xfd && m[1] == '7' && m[2] == 'z' && m[3] == 'X') {
            compression = "xz";
        }
        if (compression != null) {
            throw new InvalidImageException(file + ": is " + compression + "-compressed; unpack it first (e.g. "
                    + (compression.equals("gzip") ? "gunzip" : compression.equals("zstd") ? "unzstd"
                            : compression.equals("bzip2") ? "bunzip2" : "unxz")
                    + "), an image archive is read as a plain tar");
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new IOException("unexpected end of file");
            }
            at += n;
        }
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static void verifyChecksum(byte[] h, Path file, long position) throws InvalidImageException {
        long expected = parseOctal(h, 148, 8, file, position, "checksum");
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xff);
        }
        if (sum != expected) {
            throw new InvalidImageException(file + ": tar header at offset " + position + " has a bad checksum (not a tar file?)");
        }
    }

    private static long parseSize(byte[] h, Path file, long position) throws InvalidImageException {
        if ((h[124] & 0x80) != 0) {
            // GNU base-256 encoding for entries of 8 GiB and more.
            long value = 0;
            for (int i = 125; i < 136; i++) {
                value = (value << 8) | (h[i] & 0xff);
            }
            if (value < 0) {
                throw new InvalidImageException(file + ": tar header at offset " + position + " has a bad size");
            }
            return value;
        }
        return parseOctal(h, 124, 12, file, position, "size");
    }

    private static long parseOctal(byte[] h, int offset, int length, Path file, long position, String field)
            throws InvalidImageException {
        long value = 0;
        boolean digits = false;
        for (int i = offset; i < offset + length; i++) {
            byte b = h[i];
            if (b == 0 || b == ' ') {
                if (digits) {
                    break;
                }
                continue;
            }
            if (b < '0' || b > '7') {
                throw new InvalidImageException(file + ": tar header at offset " + position + " has a bad " + field);
            }
            digits = true;
            value = value * 8 + (b - '0');
        }
        return value;
    }

    private static long parsePaxSize(String text, Path file) throws InvalidImageException {
        try {
            long size = Long.parseLong(text.trim());
            if (size < 0) {
                throw new NumberFormatException();
            }
            return size;
        } catch (NumberFormatException e) {
            throw new InvalidImageException(file + ": bad pax size " + Digest.shorten(text));
        }
    }

    private static Map<String, String> parsePax(byte[] data, Path file) throws InvalidImageException {
        Map<String, String> records = new LinkedHashMap<>();
        int at = 0;
        while (at < data.length) {
            int space = at;
            while (space < data.length && data[space] != ' ') {
                space++;
            }
            int length;
            try {
                length = Integer.parseInt(new String(data, at, space - at, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                throw new InvalidImageException(file + ": malformed pax header");
            }
            if (length <= 0 || at + length > data.length || space >= at + length) {
                throw new InvalidImageException(file + ": malformed pax header");
            }
            String record = new String(data, space + 1, at + length - space - 2, StandardCharsets.UTF_8);
            int eq = record.indexOf('=');
            if (eq > 0) {
                records.put(record.substring(0, eq), record.substring(eq + 1));
            }
            at += length;
        }
        return records;
    }

    private static String ustarName(byte[] h) {
        String name = cString(h, 0, 100);
        boolean ustar = h[257] == 'u' && h[258] == 's' && h[259] == 't' && h[260] == 'a' && h[261] == 'r';
        String prefix = ustar ? cString(h, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String cString(byte[] bytes, int offset, int length) {
        int end = offset;
        while (end < offset + length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
    }
}
