package io.jenkins.plugins.securepipeline.signing;

import io.jenkins.plugins.securepipeline.files.UserFileException;
import io.jenkins.plugins.securepipeline.files.UserFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Reads ECDSA P-256 keys from PEM: private keys as PKCS#8 ({@code PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY},
 * what {@code openssl ecparam -genkey} writes), public keys as SubjectPublicKeyInfo ({@code PUBLIC KEY}). Encrypted
 * formats are named and refused; the image-signing engine adds cosign's encrypted format next to these. Decoded
 * private key bytes are wiped after use, and no message ever quotes the file's content.
 */
public final class PemKeyReader {
    private static final long MAX_KEY_FILE_BYTES = 64 * 1024;

    private PemKeyReader() {}

    /** A private key and, when the file carries it (SEC1 and OpenSSL's PKCS#8 do), the matching public key. */
    public record KeyPair(ECPrivateKey privateKey, Optional<ECPublicKey> publicKey) {}

    public static KeyPair readPrivateKey(Path file) throws KeyFileException {
        return readPrivateKey(read(file), file.toString());
    }

    public static ECPublicKey readPublicKey(Path file) throws KeyFileException {
        return readPublicKey(read(file), file.toString());
    }

    public static KeyPair readPrivateKey(byte[] pem, String source) throws KeyFileException {
        List<PemBlock> blocks = PemBlock.parse(pem, source);
        for (PemBlock block : blocks) {
            switch (block.label()) {
                case "PRIVATE KEY":
                    return fromPkcs8(block, source);
                case "EC PRIVATE KEY":
                    if (block.encryptedHeader()) {
                        throw new KeyFileException(source, "the EC PRIVATE KEY is encrypted with a passphrase "
                                + "(Proc-Type: 4,ENCRYPTED), which is not supported; use an unencrypted key or AWS KMS");
                    }
                    return fromSec1(block, source);
                case "ENCRYPTED PRIVATE KEY":
                    throw new KeyFileException(source, "encrypted PKCS#8 keys are not supported; use an unencrypted "
                            + "key held in a Jenkins credential, or AWS KMS");
                case "ENCRYPTED SIGSTORE PRIVATE KEY":
                case "ENCRYPTED COSIGN PRIVATE KEY":
                    throw new KeyFileException(source, "cosign encrypted keys are not supported here yet");
                default:
                    // e.g. "EC PARAMETERS", which openssl ecparam writes before the key: not needed, P-256 is checked.
            }
        }
        throw new KeyFileException(source, "no PRIVATE KEY or EC PRIVATE KEY block found");
    }

    public static ECPublicKey readPublicKey(byte[] pem, String source) throws KeyFileException {
        for (PemBlock block : PemBlock.parse(pem, source)) {
            if (block.label().equals("PUBLIC KEY")) {
                return publicKeyFromSpki(block.der(), source);
            }
        }
        throw new KeyFileException(source, "no PUBLIC KEY block found");
    }

    static ECPublicKey publicKeyFromSpki(byte[] spki, String source) throws KeyFileException {
        PublicKey key;
        try {
            key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new KeyFileException(source, "not an EC public key", e);
        }
        ECPublicKey ecKey = (ECPublicKey) key;
        if (!P256.isP256(ecKey)) {
            throw new KeyFileException(source, "public key is not on curve P-256");
        }
        return ecKey;
    }

    private static KeyPair fromPkcs8(PemBlock block, String source) throws KeyFileException {
        byte[] der = block.der();
        try {
            ECPrivateKey key = toEcPrivateKey(der, source);
            // PKCS#8 = SEQUENCE { version, AlgorithmIdentifier, OCTET STRING { SEC1 } }: look inside for the public key.
            List<Der.Element> elements = Der.sequence(der);
            Optional<ECPublicKey> publicKey = elements.size() >= 3 && elements.get(2).tag() == Der.OCTET_STRING
                    ? sec1PublicKey(elements.get(2).content(), source)
                    : Optional.empty();
            return new KeyPair(key, publicKey);
        } catch (IllegalArgumentException e) {
            throw new KeyFileException(source, "PRIVATE KEY is not valid DER");
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    private static KeyPair fromSec1(PemBlock block, String source) throws KeyFileException {
        byte[] sec1 = block.der();
        byte[] pkcs8 = null;
        try {
            // SEC1 ECPrivateKey = SEQUENCE { INTEGER 1, OCTET STRING key, [0] curve OID OPTIONAL, [1] BIT STRING public OPTIONAL }
            List<Der.Element> elements = Der.sequence(sec1);
            for (Der.Element element : elements) {
                if (element.tag() == Der.CONTEXT_0 && !Arrays.equals(Der.unwrap(element).encoded(), P256.CURVE_OID_DER)) {
                    throw new KeyFileException(source, "EC PRIVATE KEY is not on curve P-256");
                }
            }
            // The JDK reads EC private keys only as PKCS#8: wrap SEC1 in PrivateKeyInfo with the P-256 identifiers.
            pkcs8 = Der.encode(Der.SEQUENCE, new byte[] {Der.INTEGER, 1, 0},
                    Der.encode(Der.SEQUENCE, P256.EC_PUBLIC_KEY_OID_DER, P256.CURVE_OID_DER),
                    Der.encode(Der.OCTET_STRING, sec1));
            return new KeyPair(toEcPrivateKey(pkcs8, source), sec1PublicKey(sec1, source));
        } catch (IllegalArgumentException e) {
            throw new KeyFileException(source, "EC PRIVATE KEY is not valid DER");
        } finally {
            Arrays.fill(sec1, (byte) 0);
            if (pkcs8 != null) {
                Arrays.fill(pkcs8, (byte) 0);
            }
        }
    }

    private static Optional<ECPublicKey> sec1PublicKey(byte[] sec1, String source) throws KeyFileException {
        for (Der.Element element : Der.sequence(sec1)) {
            if (element.tag() == Der.CONTEXT_1) {
                Der.Element bitString = Der.unwrap(element);
                byte[] spki = Der.encode(Der.SEQUENCE,
                        Der.encode(Der.SEQUENCE, P256.EC_PUBLIC_KEY_OID_DER, P256.CURVE_OID_DER), bitString.encoded());
                return Optional.of(publicKeyFromSpki(spki, source));
            }
        }
        return Optional.empty();
    }

    private static ECPrivateKey toEcPrivateKey(byte[] pkcs8, String source) throws KeyFileException {
        PrivateKey key;
        try {
            key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            // The JDK's message is not repeated: it is generic, but key parsing is no place to take chances.
            throw new KeyFileException(source, "not an EC private key in PKCS#8 form");
        }
        ECPrivateKey ecKey = (ECPrivateKey) key;
        if (!P256.isP256(ecKey)) {
            throw new KeyFileException(source, "private key is not on curve P-256");
        }
        return ecKey;
    }

    private static byte[] read(Path file) throws KeyFileException {
        try {
            return UserFiles.read(file, MAX_KEY_FILE_BYTES);
        } catch (UserFileException e) {
            throw new KeyFileException(file.toString(), e.problem());
        }
    }

    /** One {@code -----BEGIN X-----} ... {@code -----END X-----} block. */
    record PemBlock(String label, boolean encryptedHeader, String base64, String source) {
        byte[] der() throws KeyFileException {
            try {
                return Base64.getMimeDecoder().decode(base64);
            } catch (IllegalArgumentException e) {
                throw new KeyFileException(source, label + " block is not valid base64");
            }
        }

        static List<PemBlock> parse(byte[] pem, String source) throws KeyFileException {
            String text = new String(pem, StandardCharsets.US_ASCII);
            List<PemBlock> blocks = new java.util.ArrayList<>();
            int position = 0;
            while (true) {
                int begin = text.indexOf("-----BEGIN ", position);
                if (begin < 0) {
                    break;
                }
                int labelEnd = text.indexOf("-----", begin + 11);
                if (labelEnd < 0) {
                    throw new KeyFileException(source, "unterminated PEM BEGIN line");
                }
                String label = text.substring(begin + 11, labelEnd);
                if (!label.matches("[A-Z0-9 ]{1,40}")) {
                    // Never echo it: a broken BEGIN line can make the "label" run into the key's base64.
                    throw new KeyFileException(source, "malformed PEM BEGIN line");
                }
                String endMarker = "-----END " + label + "-----";
                int end = text.indexOf(endMarker, labelEnd);
                if (end < 0) {
                    throw new KeyFileException(source, "PEM block " + label + " has no END line");
                }
                String body = text.substring(labelEnd + 5, end);
                boolean encrypted = body.contains("Proc-Type:") && body.contains("ENCRYPTED");
                // RFC 1421 headers (Proc-Type, DEK-Info) end at a blank line; the base64 follows.
                int headersEnd = body.indexOf("\n\n");
                if (body.contains(":") && headersEnd >= 0) {
                    body = body.substring(headersEnd + 2);
                }
                blocks.add(new PemBlock(label, encrypted, body.strip(), source));
                position = end + endMarker.length();
            }
            if (blocks.isEmpty()) {
                throw new KeyFileException(source, "not a PEM file (no -----BEGIN line)");
            }
            return blocks;
        }
    }
}
