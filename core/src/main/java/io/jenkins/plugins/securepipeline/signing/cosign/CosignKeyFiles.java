package io.jenkins.plugins.securepipeline.signing.cosign;

import io.jenkins.plugins.securepipeline.files.UserFileException;
import io.jenkins.plugins.securepipeline.files.UserFiles;
import io.jenkins.plugins.securepipeline.image.InvalidImageException;
import io.jenkins.plugins.securepipeline.image.JsonFields;
import io.jenkins.plugins.securepipeline.image.StrictJson;
import io.jenkins.plugins.securepipeline.signing.KeyFileException;
import io.jenkins.plugins.securepipeline.signing.PemKeyReader;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * Reads cosign signing keys: plain PEM ({@code PRIVATE KEY} PKCS#8, {@code EC PRIVATE KEY} SEC1, through the
 * {@code signing} package's {@link PemKeyReader}) and cosign's own encrypted format ({@code ENCRYPTED SIGSTORE PRIVATE KEY}, formerly {@code ENCRYPTED COSIGN PRIVATE KEY}): JSON
 * holding scrypt parameters and salt, a NaCl secretbox nonce and the ciphertext of a PKCS#8 key. Only P-256 keys are
 * accepted. Messages name the file and the problem, never key bytes or the passphrase.
 */
public final class CosignKeyFiles {
    private static final int MAX_KEY_FILE = 64 * 1024;
    // Bounds on attacker-chosen scrypt parameters: cosign writes N=32768 r=8 p=1; this allows up to 1 GiB of work.
    private static final int MAX_SCRYPT_N = 1 << 20;
    private static final int MAX_SCRYPT_R = 32;
    private static final int MAX_SCRYPT_P = 16;
    private static final BigInteger P256_ORDER =
            new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    private CosignKeyFiles() {}

    public static ECPrivateKey readPrivateKey(Path file, char[] passphrase) throws IOException {
        return readKeyPair(file, passphrase).privateKey();
    }

    /**
     * The private key and, when the file carries it (plain PEM from openssl does), its public half: what a signer of
     * checksum manifests names the key by. Cosign's encrypted keys hold the private key only.
     */
    public static PemKeyReader.KeyPair readKeyPair(Path file, char[] passphrase) throws IOException {
        String source = file.toString();
        byte[] bytes = readBounded(file);
        Pem pem = Pem.read(bytes, source);
        switch (pem.label) {
            case "PRIVATE KEY":
            case "EC PRIVATE KEY":
                // Plain PEM keys are the signing package's job; only cosign's own format is read here.
                try {
                    return PemKeyReader.readPrivateKey(bytes, source);
                } catch (KeyFileException e) {
                    throw new InvalidImageException(e.getMessage());
                }
            case "ENCRYPTED SIGSTORE PRIVATE KEY":
            case "ENCRYPTED COSIGN PRIVATE KEY":
                if (passphrase == null) {
                    throw new InvalidImageException(source + ": the key is encrypted; give its passphrase with --key-password-file");
                }
                byte[] pkcs8 = decrypt(pem.der, passphrase, source);
                try {
                    return new PemKeyReader.KeyPair(requireP256(privateKeyFromPkcs8(pkcs8, source), source),
                            java.util.Optional.empty());
                } finally {
                    Arrays.fill(pkcs8, (byte) 0);
                }
            case "ENCRYPTED PRIVATE KEY":
                throw new InvalidImageException(source + ": PKCS#8 encrypted keys are not supported; use cosign's "
                        + "format (cosign generate-key-pair) or an unencrypted key");
            default:
                throw new InvalidImageException(source + ": PEM block '" + pem.label + "' is not a private key");
        }
    }

    public static ECPublicKey readPublicKey(Path file) throws IOException {
        try {
            return PemKeyReader.readPublicKey(readBounded(file), file.toString());
        } catch (KeyFileException e) {
            throw new InvalidImageException(e.getMessage());
        }
    }

    /** @throws UserFileException (an IOException) when the file is missing, not a regular file or too large */
    private static byte[] readBounded(Path file) throws IOException {
        return UserFiles.read(file, MAX_KEY_FILE);
    }

    private static ECPrivateKey privateKeyFromPkcs8(byte[] der, String source) throws InvalidImageException {
        try {
            return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new InvalidImageException(source + ": not an EC private key");
        }
    }

    private static <K extends ECKey> K requireP256(K key, String source) throws InvalidImageException {
        if (!key.getParams().getOrder().equals(P256_ORDER)) {
            throw new InvalidImageException(source + ": only NIST P-256 keys are supported (cosign's key type)");
        }
        return key;
    }

    /** Decrypts cosign's encrypted key JSON; returns the PKCS#8 DER (the caller wipes it). */
    static byte[] decrypt(byte[] jsonBytes, char[] passphrase, String source) throws InvalidImageException {
        JsonFields json = StrictJson.parseObject(jsonBytes, source);
        JsonFields kdf = json.object("kdf");
        if (!"scrypt".equals(kdf.string("name"))) {
            throw kdf.error("name", "unsupported key derivation " + kdf.string("name") + " (scrypt expected)");
        }
        JsonFields params = kdf.object("params");
        long n = params.nonNegativeLong("N");
        long r = params.nonNegativeLong("r");
        long p = params.nonNegativeLong("p");
        if (n < 2 || n > MAX_SCRYPT_N || Long.bitCount(n) != 1 || r < 1 || r > MAX_SCRYPT_R || p < 1 || p > MAX_SCRYPT_P) {
            throw params.error("N", "scrypt parameters out of the accepted range (N a power of two up to 2^20, r<=32, p<=16)");
        }
        byte[] salt = base64(kdf, "salt");
        JsonFields cipher = json.object("cipher");
        if (!"nacl/secretbox".equals(cipher.string("name"))) {
            throw cipher.error("name", "unsupported cipher " + cipher.string("name") + " (nacl/secretbox expected)");
        }
        byte[] nonce = base64(cipher, "nonce");
        if (nonce.length != 24) {
            throw cipher.error("nonce", "must be 24 bytes");
        }
        byte[] box = base64(json, "ciphertext");
        if (box.length < 16) {
            throw json.error("ciphertext", "too short");
        }
        byte[] password = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(passphrase)).array();
        int passwordLength = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(passphrase)).limit();
        byte[] exact = Arrays.copyOf(password, passwordLength);
        Arrays.fill(password, (byte) 0);
        byte[] key = SCrypt.generate(exact, salt, (int) n, (int) r, (int) p, 32);
        Arrays.fill(exact, (byte) 0);
        try {
            return secretboxOpen(box, nonce, key, source);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** NaCl secretbox open: XSalsa20 keystream, its first 32 bytes key Poly1305 over the ciphertext. */
    private static byte[] secretboxOpen(byte[] box, byte[] nonce, byte[] key, String source) throws InvalidImageException {
        XSalsa20Engine salsa = new XSalsa20Engine();
        salsa.init(false, new ParametersWithIV(new KeyParameter(key), nonce));
        byte[] macKey = new byte[32];
        salsa.processBytes(new byte[32], 0, 32, macKey, 0);
        Poly1305 mac = new Poly1305();
        mac.init(new KeyParameter(macKey));
        mac.update(box, 16, box.length - 16);
        byte[] tag = new byte[16];
        mac.doFinal(tag, 0);
        Arrays.fill(macKey, (byte) 0);
        if (!java.security.MessageDigest.isEqual(tag, Arrays.copyOf(box, 16))) {
            throw new InvalidImageException(source + ": wrong passphrase, or the key file is corrupted");
        }
        byte[] plain = new byte[box.length - 16];
        salsa.processBytes(box, 16, plain.length, plain, 0);
        return plain;
    }

    private static byte[] base64(JsonFields json, String field) throws InvalidImageException {
        try {
            return Base64.getDecoder().decode(json.string(field));
        } catch (IllegalArgumentException e) {
            throw json.error(field, "not valid base64");
        }
    }

    /** One PEM block; the file must hold exactly one. */
    private record Pem(String label, byte[] der) {
        static Pem read(byte[] bytes, String source) throws InvalidImageException {
            String text = new String(bytes, StandardCharsets.US_ASCII);
            int begin = text.indexOf("-----BEGIN ");
            if (begin < 0) {
                throw new InvalidImageException(source + ": not a PEM file");
            }
            int labelEnd = text.indexOf("-----", begin + 11);
            if (labelEnd < 0) {
                throw new InvalidImageException(source + ": malformed PEM header");
            }
            String label = text.substring(begin + 11, labelEnd);
            String endMarker = "-----END " + label + "-----";
            int end = text.indexOf(endMarker, labelEnd);
            if (end < 0) {
                throw new InvalidImageException(source + ": PEM block '" + label + "' has no END line");
            }
            if (text.indexOf("-----BEGIN ", end) >= 0) {
                throw new InvalidImageException(source + ": more than one PEM block; give a file with one key");
            }
            String body = text.substring(labelEnd + 5, end).replaceAll("\\s", "");
            try {
                return new Pem(label, Base64.getDecoder().decode(body));
            } catch (IllegalArgumentException e) {
                throw new InvalidImageException(source + ": PEM block '" + label + "' is not valid base64");
            }
        }
    }
}
