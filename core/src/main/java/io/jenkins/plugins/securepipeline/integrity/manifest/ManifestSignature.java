package io.jenkins.plugins.securepipeline.integrity.manifest;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A signature over a manifest's canonical bytes.
 *
 * @param algorithm the scheme, e.g. {@code ecdsa-p256-sha256}
 * @param keyId     a hint naming the key ({@code awskms:///...} or a public key fingerprint); not signed, never trusted
 * @param value     the ASN.1 DER signature
 */
public record ManifestSignature(String algorithm, String keyId, byte[] value) {
    public ManifestSignature {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(keyId, "keyId");
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    public String valueBase64() {
        return Base64.getEncoder().encodeToString(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ManifestSignature that && algorithm.equals(that.algorithm) && keyId.equals(that.keyId)
                && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(algorithm, keyId, Arrays.hashCode(value));
    }

    @Override
    public String toString() {
        return "ManifestSignature[" + algorithm + ", " + keyId + "]";
    }
}
