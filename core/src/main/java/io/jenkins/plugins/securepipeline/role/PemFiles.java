package io.jenkins.plugins.securepipeline.role;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the PEM files a Roles Anywhere user has: certificates (leaf first, then its chain) and an unencrypted private
 * key as PKCS#8 ({@code PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY}), the
 * forms openssl and the credential helper produce. Errors name the file, never its content.
 */
public final class PemFiles {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)\\s*-----END \\1-----");
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
            (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
    private static final byte[] EC_PUBLIC_KEY_OID = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};

    private PemFiles() {}

    public static List<X509Certificate> readCertificates(String field, Path file) {
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Block block : blocks(field, file)) {
                if (block.type().equals("CERTIFICATE")) {
                    certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
                }
            }
        } catch (CertificateException e) {
            throw new InvalidRoleRequestException(field, file + " holds a certificate that cannot be parsed");
        }
        if (certificates.isEmpty()) {
            throw new InvalidRoleRequestException(field, file + " holds no PEM CERTIFICATE block");
        }
        return certificates;
    }

    public static PrivateKey readPrivateKey(String field, Path file) {
        for (Block block : blocks(field, file)) {
            switch (block.type()) {
                case "PRIVATE KEY":
                    return pkcs8(field, file, block.der());
                case "RSA PRIVATE KEY":
                    return pkcs8(field, file, sequence(concat(new byte[] {0x02, 0x01, 0x00}, RSA_ALGORITHM, octetString(block.der()))));
                case "EC PRIVATE KEY":
                    return pkcs8(field, file, sequence(concat(new byte[] {0x02, 0x01, 0x00},
                            sequence(concat(EC_PUBLIC_KEY_OID, namedCurve(field, file, block.der()))), octetString(block.der()))));
                case "ENCRYPTED PRIVATE KEY":
                    throw new InvalidRoleRequestException(field, file + " is encrypted; give an unencrypted key "
                            + "(openssl pkcs8 -in key.pem -nocrypt -topk8) kept in a protected credential");
                default:
                    // e.g. EC PARAMETERS before the key: skip
            }
        }
        throw new InvalidRoleRequestException(field, file + " holds no PEM private key block");
    }

    private static PrivateKey pkcs8(String field, Path file, byte[] der) {
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new InvalidRoleRequestException(field, file + " holds a private key that is neither RSA nor EC, or is damaged");
    }

    /** SEC1 ECPrivateKey: SEQUENCE { version, privateKey OCTET STRING, [0] parameters (the curve OID), ... }. */
    private static byte[] namedCurve(String field, Path file, byte[] sec1) {
        int position = 0;
        try {
            position = skipHeader(sec1, position); // SEQUENCE
            position = skipElement(sec1, position); // version
            position = skipElement(sec1, position); // private key
            if ((sec1[position] & 0xff) == 0xa0) {
                int inner = skipHeader(sec1, position);
                int end = skipElement(sec1, inner);
                byte[] oid = new byte[end - inner];
                System.arraycopy(sec1, inner, oid, 0, oid.length);
                return oid;
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            // fall through to the error below
        }
        throw new InvalidRoleRequestException(field, file + ": the EC key does not name its curve; convert it to PKCS#8 "
                + "(openssl pkcs8 -topk8 -nocrypt)");
    }

    private static int skipHeader(byte[] der, int position) {
        int lengthByte = der[position + 1] & 0xff;
        return position + 2 + (lengthByte < 0x80 ? 0 : lengthByte & 0x7f);
    }

    private static int skipElement(byte[] der, int position) {
        int lengthByte = der[position + 1] & 0xff;
        int length = lengthByte;
        int lengthBytes = 0;
        if (lengthByte >= 0x80) {
            lengthBytes = lengthByte & 0x7f;
            length = 0;
            for (int i = 0; i < lengthBytes; i++) {
                length = (length << 8) | (der[position + 2 + i] & 0xff);
            }
        }
        return position + 2 + lengthBytes + length;
    }

    private static byte[] sequence(byte[] content) {
        return tagged(0x30, content);
    }

    private static byte[] octetString(byte[] content) {
        return tagged(0x04, content);
    }

    private static byte[] tagged(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else if (length < 0x10000) {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length & 0xff);
        } else {
            out.write(0x83);
            out.write(length >> 16);
            out.write((length >> 8) & 0xff);
            out.write(length & 0xff);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private record Block(String type, byte[] der) {}

    private static List<Block> blocks(String field, Path file) {
        String text;
        try {
            if (Files.size(file) > 1 << 20) {
                throw new InvalidRoleRequestException(field, file + " is larger than 1 MiB; not a PEM file");
            }
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new InvalidRoleRequestException(field, "cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        List<Block> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(text);
        while (matcher.find()) {
            try {
                blocks.add(new Block(matcher.group(1), Base64.getMimeDecoder().decode(matcher.group(2))));
            } catch (IllegalArgumentException e) {
                throw new InvalidRoleRequestException(field, file + " holds a PEM block that is not valid base64");
            }
        }
        if (blocks.isEmpty()) {
            throw new InvalidRoleRequestException(field, file + " is not a PEM file");
        }
        return blocks;
    }
}
