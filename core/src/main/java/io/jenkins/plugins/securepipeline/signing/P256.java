package io.jenkins.plugins.securepipeline.signing;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.interfaces.ECKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;

/** NIST P-256 (secp256r1, prime256v1): recognising it, and its DER object identifier. */
final class P256 {
    /** DER of OID 1.2.840.10045.3.1.7 (prime256v1), tag and length included. */
    static final byte[] CURVE_OID_DER = {0x06, 0x08, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x03, 0x01, 0x07};
    /** DER of OID 1.2.840.10045.2.1 (id-ecPublicKey), tag and length included. */
    static final byte[] EC_PUBLIC_KEY_OID_DER = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};

    private static final ECParameterSpec SPEC = spec();

    private P256() {}

    private static ECParameterSpec spec() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM does not support NIST P-256", e);
        }
    }

    static boolean isP256(ECKey key) {
        ECParameterSpec params = key.getParams();
        return params != null
                && params.getCurve().equals(SPEC.getCurve())
                && params.getGenerator().equals(SPEC.getGenerator())
                && params.getOrder().equals(SPEC.getOrder())
                && params.getCofactor() == SPEC.getCofactor();
    }
}
