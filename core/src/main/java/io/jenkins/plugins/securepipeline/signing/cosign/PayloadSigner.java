package io.jenkins.plugins.securepipeline.signing.cosign;

import java.io.IOException;

/**
 * Signs a cosign payload: ECDSA P-256 over the payload's SHA-256, ASN.1 DER. Implementations hold the private key
 * (in this process, or in AWS KMS) and never expose it.
 */
public interface PayloadSigner {
    /** A public name for the key (a file name or {@code awskms:///...}), for messages; never key material. */
    String keyName();

    byte[] sign(byte[] payload) throws IOException;
}
