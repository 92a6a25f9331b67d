package io.jenkins.plugins.securepipeline.signing;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Certificates and the private key that goes with them, as openssl and certificate helpers write them: a chain of
 * {@code CERTIFICATE} blocks (leaf first) and an unencrypted RSA or EC key (any curve) as PKCS#8
 * ({@code PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY}). This is what IAM Roles
 * Anywhere needs; {@link PemKeyReader} is the stricter reader for signing keys (P-256 only). Both read PEM with the
 * same block parser, and no message quotes the content.
 */
public final class X509Pem {
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
            (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
    private static final byte[] VERSION_0 = {Der.INTEGER, 1, 0};
    private static final int OBJECT_IDENTIFIER = 0x06;

    private X509Pem() {}

    public static List<X509Certificate> certificates(byte[] pem, String source) throws KeyFileException {
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (PemKeyReader.PemBlock block : PemKeyReader.PemBlock.parse(pem, source)) {
                if (block.label().equals("CERTIFICATE")) {
                    certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
                }
            }
        } catch (CertificateException e) {
            throw new KeyFileException(source, "holds a certificate that cannot be parsed");
        }
        if (certificates.isEmpty()) {
            throw new KeyFileException(source, "holds no PEM CERTIFICATE block");
        }
        return certificates;
    }

    public static PrivateKey privateKey(byte[] pem, String source) throws KeyFileException {
        for (PemKeyReader.PemBlock block : PemKeyReader.PemBlock.parse(pem, source)) {
            switch (block.label()) {
                case "PRIVATE KEY":
                    return fromPkcs8(block.der(), source);
                case "RSA PRIVATE KEY":
                case "EC PRIVATE KEY":
                    if (block.encryptedHeader()) {
                        throw encrypted(source);
                    }
                    return fromTraditional(block, source);
                case "ENCRYPTED PRIVATE KEY":
                    throw encrypted(source);
                default:
                    // e.g. EC PARAMETERS before the key: skip
            }
        }
        throw new KeyFileException(source, "holds no PEM private key block");
    }

    private static KeyFileException encrypted(String source) {
        return new KeyFileException(source, "is encrypted; give an unencrypted key (openssl pkcs8 -in key.pem -nocrypt "
                + "-topk8) kept in a protected credential");
    }

    /** PKCS#1 and SEC1 keys wrapped in the PKCS#8 PrivateKeyInfo the JDK reads. */
    private static PrivateKey fromTraditional(PemKeyReader.PemBlock block, String source) throws KeyFileException {
        byte[] key = block.der();
        byte[] pkcs8 = null;
        try {
            if (block.label().startsWith("RSA")) {
                pkcs8 = Der.encode(Der.SEQUENCE, VERSION_0, RSA_ALGORITHM, Der.encode(Der.OCTET_STRING, key));
            } else {
                pkcs8 = Der.encode(Der.SEQUENCE, VERSION_0,
                        Der.encode(Der.SEQUENCE, P256.EC_PUBLIC_KEY_OID_DER, namedCurve(key, source)),
                        Der.encode(Der.OCTET_STRING, key));
            }
            return fromPkcs8(pkcs8, source);
        } catch (IllegalArgumentException e) {
            throw new KeyFileException(source, block.label() + " is not valid DER");
        } finally {
            Arrays.fill(key, (byte) 0);
            if (pkcs8 != null) {
                Arrays.fill(pkcs8, (byte) 0);
            }
        }
    }

    /** SEC1 ECPrivateKey = SEQUENCE { version, privateKey OCTET STRING, [0] curve OID, [1] public key }. */
    private static byte[] namedCurve(byte[] sec1, String source) throws KeyFileException {
        for (Der.Element element : Der.sequence(sec1)) {
            if (element.tag() == Der.CONTEXT_0) {
                Der.Element parameters = Der.unwrap(element);
                if (parameters.tag() != OBJECT_IDENTIFIER) {
                    throw new KeyFileException(source, "the EC key spells out its curve's parameters instead of naming "
                            + "the curve; convert it with openssl ec -param_enc named_curve");
                }
                return parameters.encoded();
            }
        }
        throw new KeyFileException(source, "the EC key does not name its curve; convert it to PKCS#8 "
                + "(openssl pkcs8 -topk8 -nocrypt)");
    }

    private static PrivateKey fromPkcs8(byte[] der, String source) throws KeyFileException {
        try {
            for (String algorithm : new String[] {"RSA", "EC"}) {
                try {
                    return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
                } catch (GeneralSecurityException e) {
                    // try the next algorithm
                }
            }
        } finally {
            Arrays.fill(der, (byte) 0);
        }
        throw new KeyFileException(source, "holds a private key that is neither RSA nor EC, or is damaged");
    }
}
