package io.jenkins.plugins.securepipeline.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys and certificates as openssl writes them; the happy paths with real signatures are in RolesAnywhereTest. */
class X509PemTest {
    @TempDir
    Path temp;

    @Test
    void readsEcKeysOnOtherCurvesThanP256() throws Exception {
        OpenSsl.makeKeys(temp, "secp384r1");
        ECPrivateKey sec1 = (ECPrivateKey) X509Pem.privateKey(Files.readAllBytes(temp.resolve("sec1.pem")), "sec1.pem");
        ECPrivateKey pkcs8 = (ECPrivateKey) X509Pem.privateKey(Files.readAllBytes(temp.resolve("pkcs8.pem")), "pkcs8.pem");
        assertThat(sec1.getS()).isEqualTo(pkcs8.getS());
        assertThat(sec1.getParams().getCurve().getField().getFieldSize()).isEqualTo(384);
    }

    @Test
    void readsRsaKeysInBothForms() throws Exception {
        OpenSsl.run(temp, "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "pkcs8.pem");
        OpenSsl.run(temp, "rsa", "-in", "pkcs8.pem", "-traditional", "-out", "pkcs1.pem");
        assertThat(Files.readString(temp.resolve("pkcs1.pem"))).contains("BEGIN RSA PRIVATE KEY");
        RSAPrivateKey pkcs1 = (RSAPrivateKey) X509Pem.privateKey(Files.readAllBytes(temp.resolve("pkcs1.pem")), "pkcs1.pem");
        RSAPrivateKey pkcs8 = (RSAPrivateKey) X509Pem.privateKey(Files.readAllBytes(temp.resolve("pkcs8.pem")), "pkcs8.pem");
        assertThat(pkcs1.getPrivateExponent()).isEqualTo(pkcs8.getPrivateExponent());
    }

    @Test
    void encryptedKeysAreRefusedInEitherForm() throws Exception {
        OpenSsl.run(temp, "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "plain.pem");
        OpenSsl.run(temp, "pkcs8", "-topk8", "-in", "plain.pem", "-passout", "pass:secret-pass", "-out", "pkcs8.pem");
        OpenSsl.run(temp, "rsa", "-in", "plain.pem", "-traditional", "-aes128", "-passout", "pass:secret-pass",
                "-out", "traditional.pem");
        assertThat(Files.readString(temp.resolve("traditional.pem"))).contains("Proc-Type: 4,ENCRYPTED");
        for (String file : new String[] {"pkcs8.pem", "traditional.pem"}) {
            assertThatThrownBy(() -> X509Pem.privateKey(Files.readAllBytes(temp.resolve(file)), file))
                    .isInstanceOf(KeyFileException.class)
                    .hasMessageStartingWith(file + ": is encrypted");
        }
    }

    @Test
    void anEcKeyThatDoesNotNameItsCurveIsAClearError() throws Exception {
        OpenSsl.makeKeys(temp, "prime256v1");
        // openssl ec -param_enc explicit writes the curve's parameters instead of its name.
        OpenSsl.run(temp, "ec", "-in", "sec1.pem", "-param_enc", "explicit", "-no_public", "-out", "explicit.pem");
        byte[] explicit = Files.readAllBytes(temp.resolve("explicit.pem"));
        assertThatThrownBy(() -> X509Pem.privateKey(explicit, "explicit.pem"))
                .isInstanceOf(KeyFileException.class)
                .hasMessage("explicit.pem: the EC key spells out its curve's parameters instead of naming the curve; "
                        + "convert it with openssl ec -param_enc named_curve");
    }

    @Test
    void damagedOrMissingBlocksAreNamedWithoutTheirContent() {
        byte[] damaged = ("-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD9\n-----END RSA PRIVATE KEY-----\n")
                .getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> X509Pem.privateKey(damaged, "key.pem"))
                .isInstanceOf(KeyFileException.class)
                .hasMessageStartingWith("key.pem: ")
                .hasMessageNotContaining("MIIBOgIBAAJBAKj34GkxFhD9");
        byte[] noCertificate = ("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n")
                .getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> X509Pem.certificates(noCertificate, "cert.pem"))
                .hasMessage("cert.pem: holds no PEM CERTIFICATE block");
        assertThatThrownBy(() -> X509Pem.certificates("not pem".getBytes(StandardCharsets.US_ASCII), "cert.pem"))
                .hasMessageStartingWith("cert.pem: not a PEM file");
    }
}
