package io.jenkins.plugins.securepipeline.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPublicKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemKeyReaderTest {
    @TempDir
    Path dir;

    @BeforeEach
    void keys() throws Exception {
        OpenSsl.makeKeys(dir, "prime256v1");
    }

    @Test
    void sec1AndPkcs8FilesFromOpensslGiveTheSameKeyAndCarryTheirPublicKey() throws Exception {
        PemKeyReader.KeyPair sec1 = PemKeyReader.readPrivateKey(dir.resolve("sec1.pem"));
        PemKeyReader.KeyPair pkcs8 = PemKeyReader.readPrivateKey(dir.resolve("pkcs8.pem"));
        ECPublicKey expectedPublic = PemKeyReader.readPublicKey(dir.resolve("public.pem"));
        assertThat(sec1.privateKey().getS()).isEqualTo(pkcs8.privateKey().getS());
        assertThat(sec1.publicKey()).hasValueSatisfying(k -> assertThat(k.getW()).isEqualTo(expectedPublic.getW()));
        assertThat(pkcs8.publicKey()).hasValueSatisfying(k -> assertThat(k.getW()).isEqualTo(expectedPublic.getW()));
        assertThat(EcdsaP256Signer.of(sec1).keyId()).isEqualTo(PublicKeyFingerprint.of(expectedPublic)).startsWith("sha256:");
    }

    @Test
    void ourSignatureVerifiesWithOpensslAndOpensslsWithOurs() throws Exception {
        byte[] message = "canonical manifest bytes".getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("message"), message);
        Signer signer = EcdsaP256Signer.of(PemKeyReader.readPrivateKey(dir.resolve("pkcs8.pem")));
        Files.write(dir.resolve("ours.sig"), signer.sign(message));
        assertThat(OpenSsl.run(dir, "dgst", "-sha256", "-verify", "public.pem", "-signature", "ours.sig", "message")).isZero();

        OpenSsl.run(dir, "dgst", "-sha256", "-sign", "sec1.pem", "-out", "theirs.sig", "message");
        SignatureVerifier verifier = EcdsaP256Verifier.of(PemKeyReader.readPublicKey(dir.resolve("public.pem")));
        assertThat(verifier.verify(message, Files.readAllBytes(dir.resolve("theirs.sig")))).isTrue();
        assertThat(verifier.verify("other bytes".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(dir.resolve("theirs.sig")))).isFalse();
        assertThat(verifier.verify(message, new byte[] {0x30, 0x02, 0x01})).isFalse();
    }

    @Test
    void otherCurvesAreRefused() throws Exception {
        Path other = Files.createDirectories(dir.resolve("p384"));
        OpenSsl.makeKeys(other, "secp384r1");
        assertThatThrownBy(() -> PemKeyReader.readPrivateKey(other.resolve("sec1.pem")))
                .isInstanceOf(KeyFileException.class).hasMessageEndingWith("EC PRIVATE KEY is not on curve P-256");
        assertThatThrownBy(() -> PemKeyReader.readPrivateKey(other.resolve("pkcs8.pem")))
                .hasMessageEndingWith("private key is not on curve P-256");
        assertThatThrownBy(() -> PemKeyReader.readPublicKey(other.resolve("public.pem")))
                .hasMessageEndingWith("public key is not on curve P-256");
    }

    @Test
    void encryptedAndForeignKeysAreNamedAndRefusedWithoutQuotingTheFile() throws Exception {
        OpenSsl.run(dir, "pkcs8", "-topk8", "-in", "sec1.pem", "-passout", "pass:test-only", "-out", "encrypted.pem");
        assertThatThrownBy(() -> PemKeyReader.readPrivateKey(dir.resolve("encrypted.pem")))
                .hasMessageContaining("encrypted PKCS#8 keys are not supported");
        OpenSsl.run(dir, "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024", "-out", "rsa.pem");
        assertThatThrownBy(() -> PemKeyReader.readPrivateKey(dir.resolve("rsa.pem")))
                .hasMessageEndingWith("not an EC private key in PKCS#8 form");
        String body = Files.readString(dir.resolve("pkcs8.pem"));
        String base64 = body.substring(body.indexOf('\n') + 1, body.indexOf("-----END")).strip();
        // A BEGIN line without its closing dashes must not turn the base64 into a quoted "label".
        Files.writeString(dir.resolve("broken.pem"), "-----BEGIN PRIVATE KEY\n" + base64 + "\n-----END PRIVATE KEY-----\n");
        assertThatThrownBy(() -> PemKeyReader.readPrivateKey(dir.resolve("broken.pem")))
                .hasMessageEndingWith("malformed PEM BEGIN line")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(base64.substring(0, 20)));
        Files.writeString(dir.resolve("public-only.pem"), Files.readString(dir.resolve("public.pem")));
        assertThatThrownBy(() -> PemKeyReader.readPrivateKey(dir.resolve("public-only.pem")))
                .hasMessageEndingWith("no PRIVATE KEY or EC PRIVATE KEY block found");
        assertThatThrownBy(() -> PemKeyReader.readPrivateKey(dir.resolve("absent.pem")))
                .hasMessageEndingWith("no such file or directory");
    }

    @Test
    void kmsKeyReferences() {
        assertThat(KmsKeyReference.parse("awskms:///alias/release-signing").keyId()).isEqualTo("alias/release-signing");
        assertThat(KmsKeyReference.parse("awskms:///arn:aws:kms:eu-west-1:111122223333:key/1234"))
                .hasToString("awskms:///arn:aws:kms:eu-west-1:111122223333:key/1234");
        assertThatThrownBy(() -> KmsKeyReference.parse("awskms://localhost:4566/alias/x")).hasMessageContaining("endpoint");
        assertThatThrownBy(() -> KmsKeyReference.parse("awskms:///")).hasMessageContaining("non-empty");
    }
}
