package io.jenkins.plugins.securepipeline.signing.attest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securepipeline.image.Digest;
import io.jenkins.plugins.securepipeline.image.ImageReference;
import io.jenkins.plugins.securepipeline.image.ImageSource;
import io.jenkins.plugins.securepipeline.image.OciLayoutSource;
import io.jenkins.plugins.securepipeline.image.TestImages;
import io.jenkins.plugins.securepipeline.image.publish.ImagePromotion;
import io.jenkins.plugins.securepipeline.image.registry.ImagePusher;
import io.jenkins.plugins.securepipeline.image.registry.LocalRegistry;
import io.jenkins.plugins.securepipeline.image.registry.PushResult;
import io.jenkins.plugins.securepipeline.image.registry.RegistryClient;
import io.jenkins.plugins.securepipeline.signing.EcdsaP256Signer;
import io.jenkins.plugins.securepipeline.signing.EcdsaP256Verifier;
import io.jenkins.plugins.securepipeline.signing.SignatureVerifier;
import io.jenkins.plugins.securepipeline.signing.cosign.CosignSignaturePublisher;
import io.jenkins.plugins.securepipeline.signing.cosign.PayloadSigner;
import io.jenkins.plugins.securepipeline.signing.cosign.SignerPayloadSigner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attestations against the real registry: what we store must be what cosign stores and verify with an independent
 * implementation of DSSE and cosign's checks; attestations made independently (as cosign makes them) must verify
 * with ours; tampering, other keys, other subjects and unmet policies must fail with their reason.
 */
class AttestationConformanceTest {
    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    static final String CYCLONEDX = "{\n  \"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\", \"version\": 1,\n"
            + "  \"components\": [{\"type\": \"library\", \"name\": \"caf\u00e9\", \"version\": \"1.0\"}], \"ratio\": 1.50\n}\n";
    static final String SPDX = "{\"spdxVersion\":\"SPDX-2.3\",\"SPDXID\":\"SPDXRef-DOCUMENT\",\"name\":\"app\",\"packages\":[]}";

    @TempDir
    Path temp;

    private RegistryClient client;
    private IndependentDsse independent;
    private ImageReference image;
    private KeyPair key;
    private KeyPair otherKey;

    static KeyPair p256() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    @BeforeEach
    void pushAnImage() throws Exception {
        client = REGISTRY.client();
        independent = new IndependentDsse(REGISTRY.address(), REGISTRY.basicAuthorizationHeader());
        Path layout = temp.resolve("layout");
        TestImages.ociLayout(layout, "v1", new int[] {1000}, System.nanoTime());
        String repository = "attested/app" + (System.nanoTime() % 100000);
        try (ImageSource source = OciLayoutSource.directory(layout, "v1")) {
            PushResult result = new ImagePusher(client, 2, null)
                    .push(source, ImageReference.parse(REGISTRY.address() + "/" + repository + ":v1", "t"), null);
            image = ImageReference.parse(result.reference(), "image");
        }
        key = p256();
        otherKey = p256();
    }

    private static PayloadSigner signer(KeyPair pair) {
        return new SignerPayloadSigner(new EcdsaP256Signer((ECPrivateKey) pair.getPrivate(), "test-key"));
    }

    private static SignatureVerifier verifier(KeyPair pair) {
        return EcdsaP256Verifier.of((ECPublicKey) pair.getPublic());
    }

    private static SlsaProvenance provenance() {
        return new SlsaProvenance("https://jenkins.example.com/job/team/job/app/")
                .buildNumber("42").buildUrl("https://jenkins.example.com/job/team/job/app/42/")
                .source("https://github.com/example/app.git", "0123456789abcdef0123456789abcdef01234567")
                .parameter("TARGET", "prod").startedOn(Instant.parse("2026-01-02T03:04:05.678Z"))
                .baseImage("docker.io/library/eclipse-temurin", new Digest("a".repeat(64)));
    }

    private List<Predicate> allKinds() throws Exception {
        return List.of(Predicate.provenance(provenance()),
                Predicate.sbom(CYCLONEDX.getBytes(StandardCharsets.UTF_8), "bom.cdx.json"),
                Predicate.sbom(SPDX.getBytes(StandardCharsets.UTF_8), "bom.spdx.json"),
                Predicate.of("https://example.com/test-results/v1", "{\"passed\":12}".getBytes(StandardCharsets.UTF_8), "tests.json"));
    }

    private AttestationVerifier.Verification verifyWithOurs(KeyPair pair, AttestationPolicy policy) throws Exception {
        return new AttestationVerifier(client).verify(image, verifier(pair), policy);
    }

    @Test
    void paeIsExactlyTheDsseEncoding() {
        // The example in the DSSE protocol description.
        assertThat(new String(DsseEnvelope.pae("http://example.com/HelloWorld", "hello world".getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8)).isEqualTo("DSSEv1 29 http://example.com/HelloWorld 11 hello world");
        assertThat(DsseEnvelope.pae("", new byte[0])).isEqualTo("DSSEv1 0  0 ".getBytes(StandardCharsets.US_ASCII));
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            byte[] body = new byte[random.nextInt(300)];
            random.nextBytes(body);
            String type = "application/vnd.t\u00fcp-" + "\u20ac".repeat(random.nextInt(4)) + "+json";
            assertThat(DsseEnvelope.pae(type, body)).isEqualTo(IndependentDsse.pae(type, body));
        }
    }

    @Test
    void envelopeAndStatementBytesAreTheSpecifiedJson() throws Exception {
        byte[] statement = InTotoStatement.forImage("r.example/app", new Digest("b".repeat(64)), PredicateTypes.CYCLONEDX,
                CYCLONEDX.getBytes(StandardCharsets.UTF_8), "bom").toBytes();
        assertThat(new String(statement, StandardCharsets.UTF_8)).isEqualTo(
                "{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"name\":\"r.example/app\",\"digest\":{\"sha256\":\""
                        + "b".repeat(64) + "\"}}],\"predicateType\":\"https://cyclonedx.org/bom\",\"predicate\":"
                        + CYCLONEDX.strip() + "}");
        byte[] envelope = new DsseEnvelope(DsseEnvelope.IN_TOTO_PAYLOAD_TYPE, statement,
                List.of(new DsseEnvelope.Signature("", new byte[] {1, 2, 3}))).toBytes();
        assertThat(new String(envelope, StandardCharsets.UTF_8)).isEqualTo("{\"payloadType\":\"application/vnd.in-toto+json\","
                + "\"payload\":\"" + Base64.getEncoder().encodeToString(statement) + "\",\"signatures\":[{\"keyid\":\"\",\"sig\":\"AQID\"}]}");
        DsseEnvelope parsed = DsseEnvelope.parse(envelope, "env");
        assertThat(parsed.payload()).isEqualTo(statement);
        assertThat(parsed.signatures().get(0).sig()).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> DsseEnvelope.parse("{\"payloadType\":\"x\",\"payload\":\"\",\"signatures\":[]}"
                .getBytes(StandardCharsets.UTF_8), "env")).hasMessageContaining("signatures: empty");
        assertThatThrownBy(() -> Predicate.sbom("{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8), "x.json"))
                .hasMessageContaining("x.json: not a CycloneDX JSON");
        assertThatThrownBy(() -> Predicate.of("cyclonedx", "[1]".getBytes(StandardCharsets.UTF_8), "list.json"))
                .hasMessageContaining("list.json: expected a JSON object");
        assertThatThrownBy(() -> Predicate.of("not a uri", "{}".getBytes(StandardCharsets.UTF_8), "p.json"))
                .hasMessageContaining("'not a uri' is neither");
        assertThat(PredicateTypes.resolve("slsaprovenance1", "t")).isEqualTo("https://slsa.dev/provenance/v1");
        assertThat(PredicateTypes.resolve("spdxjson", "t")).isEqualTo("https://spdx.dev/Document");
    }

    @Test
    void ourAttestationsAreWhatCosignStoresAndVerifyIndependently() throws Exception {
        AttestationPublisher.Published published = new AttestationPublisher(client)
                .attach(image, signer(key), verifier(key), allKinds());
        assertThat(published.attestationReference()).isEqualTo(image.repositoryReference() + ":sha256-" + image.digest().hex() + ".att");
        assertThat(published.added()).containsExactly(PredicateTypes.SLSA_PROVENANCE_V1, PredicateTypes.CYCLONEDX,
                PredicateTypes.SPDX, "https://example.com/test-results/v1");

        JsonNode manifest = independent.manifest(image.repository(), IndependentDsse.attTag(image.digest().toString()));
        assertThat(manifest.get("mediaType").asText()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
        assertThat(manifest.get("config").get("mediaType").asText()).isEqualTo("application/vnd.oci.image.config.v1+json");
        List<JsonNode> layers = independent.attestationLayers(image.repository(), image.digest().toString());
        assertThat(layers).hasSize(4);
        for (JsonNode layer : layers) {
            assertThat(layer.get("mediaType").asText()).isEqualTo("application/vnd.dsse.envelope.v1+json");
            assertThat(IndependentDsse.JSON.convertValue(layer.get("annotations"), Map.class)).containsOnlyKeys(
                    "dev.cosignproject.cosign/signature", "predicateType").containsEntry("dev.cosignproject.cosign/signature", "");
        }
        assertThat(layers.get(1).get("annotations").get("predicateType").asText()).isEqualTo("https://cyclonedx.org/bom");

        JsonNode sbom = independent.verifiedStatements(image.repository(), image.digest().toString(),
                (ECPublicKey) key.getPublic(), "https://cyclonedx.org/bom").get(0);
        assertThat(sbom.get("_type").asText()).isEqualTo("https://in-toto.io/Statement/v1");
        assertThat(sbom.get("subject").get(0).get("name").asText()).isEqualTo(image.repositoryReference());
        assertThat(sbom.get("predicate")).isEqualTo(IndependentDsse.JSON.readTree(CYCLONEDX));
        assertThat(independent.verifiedStatements(image.repository(), image.digest().toString(),
                (ECPublicKey) key.getPublic(), "https://spdx.dev/Document")).hasSize(1);
        JsonNode slsa = independent.verifiedStatements(image.repository(), image.digest().toString(),
                (ECPublicKey) key.getPublic(), "https://slsa.dev/provenance/v1").get(0).get("predicate");
        assertThat(slsa.at("/runDetails/builder/id").asText()).isEqualTo("https://jenkins.example.com/job/team/job/app/");
        assertThat(slsa.at("/runDetails/metadata/invocationId").asText()).isEqualTo("https://jenkins.example.com/job/team/job/app/42/");
        assertThat(slsa.at("/runDetails/metadata/startedOn").asText()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(slsa.at("/buildDefinition/buildType").asText()).isEqualTo(SlsaProvenance.BUILD_TYPE);
        assertThat(slsa.at("/buildDefinition/externalParameters/source/repository").asText()).isEqualTo("https://github.com/example/app.git");
        assertThat(slsa.at("/buildDefinition/externalParameters/parameters/TARGET").asText()).isEqualTo("prod");
        assertThat(slsa.at("/buildDefinition/internalParameters/buildNumber").asText()).isEqualTo("42");
        assertThat(slsa.at("/buildDefinition/resolvedDependencies/0/uri").asText()).isEqualTo("git+https://github.com/example/app.git");
        assertThat(slsa.at("/buildDefinition/resolvedDependencies/0/digest/gitCommit").asText()).isEqualTo("0123456789abcdef0123456789abcdef01234567");
        assertThat(slsa.at("/buildDefinition/resolvedDependencies/1/digest/sha256").asText()).isEqualTo("a".repeat(64));
        assertThat(independent.verifiedStatements(image.repository(), image.digest().toString(),
                (ECPublicKey) otherKey.getPublic(), "https://cyclonedx.org/bom")).isEmpty();
    }

    @Test
    void ourVerifierChecksSignatureSubjectAndPolicyAndSaysWhatItChecked() throws Exception {
        new AttestationPublisher(client).attach(image, signer(key), verifier(key), allKinds());
        AttestationPolicy policy = new AttestationPolicy(Set.of("https://example.com/test-results/v1"), true,
                GlobPattern.compile("https://jenkins.example.com/job/team/**", "builder"),
                GlobPattern.compile("https://github.com/example/*", "source"), true);
        AttestationVerifier.Verification ok = verifyWithOurs(key, policy);
        assertThat(ok.verified()).as(ok.problems().toString()).isTrue();
        assertThat(ok.attestations()).isEqualTo(4);
        assertThat(ok.checked()).anySatisfy(line -> assertThat(line).contains("builder id https://jenkins.example.com/job/team/job/app/ matches"))
                .anySatisfy(line -> assertThat(line).contains("source repository https://github.com/example/app.git matches"))
                .anySatisfy(line -> assertThat(line).contains("SBOM: https://cyclonedx.org/bom present"))
                .anySatisfy(line -> assertThat(line).contains("required predicate type https://example.com/test-results/v1: present"));

        AttestationVerifier.Verification otherBuilder = verifyWithOurs(key, new AttestationPolicy(Set.of(), true,
                GlobPattern.compile("https://jenkins.example.com/job/other/*", "builder"), null, false));
        assertThat(otherBuilder.verified()).isFalse();
        assertThat(otherBuilder.problems()).anySatisfy(p -> assertThat(p).contains("does not match https://jenkins.example.com/job/other/*"));
        // '*' stops at '/': the job is in a sub-folder of team.
        assertThat(verifyWithOurs(key, new AttestationPolicy(Set.of(), true,
                GlobPattern.compile("https://jenkins.example.com/job/team/*", "builder"), null, false)).verified()).isFalse();
        AttestationVerifier.Verification otherSource = verifyWithOurs(key, new AttestationPolicy(Set.of(), false, null,
                GlobPattern.compile("https://github.com/evil/*", "source"), false));
        assertThat(otherSource.verified()).isFalse();
        assertThat(otherSource.problems()).anySatisfy(p -> assertThat(p).contains("source repository https://github.com/example/app.git does not match"));

        AttestationVerifier.Verification wrongKey = verifyWithOurs(otherKey, new AttestationPolicy(Set.of(), false, null, null, true));
        assertThat(wrongKey.verified()).isFalse();
        assertThat(wrongKey.predicateTypes()).isEmpty();
        assertThat(wrongKey.problems()).anySatisfy(p -> assertThat(p).contains("no signature verifies with the key"))
                .anySatisfy(p -> assertThat(p).contains("SBOM required"));
    }

    @Test
    void missingAttestationsOrRequirementsFailClosed() throws Exception {
        AttestationVerifier.Verification none = verifyWithOurs(key, AttestationPolicy.none());
        assertThat(none.verified()).isFalse();
        assertThat(none.problems()).singleElement().satisfies(p -> assertThat(p).contains("no attestations").contains(".att does not exist"));

        new AttestationPublisher(client).attach(image, signer(key), verifier(key), List.of(Predicate.provenance(provenance())));
        AttestationVerifier.Verification noSbom = verifyWithOurs(key, new AttestationPolicy(Set.of(), true, null, null, true));
        assertThat(noSbom.verified()).isFalse();
        assertThat(noSbom.problems()).anySatisfy(p -> assertThat(p).startsWith("SBOM required"));
        AttestationVerifier.Verification noProvenance;
        new AttestationPublisher(client).attach(image.withDigest(image.digest()), signer(key), verifier(key),
                List.of(Predicate.sbom(SPDX.getBytes(StandardCharsets.UTF_8), "spdx")));
        noProvenance = verifyWithOurs(key, new AttestationPolicy(Set.of(PredicateTypes.CYCLONEDX), false, null, null, true));
        assertThat(noProvenance.verified()).isFalse();
        assertThat(noProvenance.problems()).containsExactly(
                "required predicate type https://cyclonedx.org/bom: no verified attestation of that type");
    }

    @Test
    void independentlyMadeAttestationsVerifyWithOursAndForgeriesDoNot() throws Exception {
        String digest = image.digest().toString();
        String slsa = new String(provenance().toPredicateJson(), StandardCharsets.UTF_8);
        byte[] good = IndependentDsse.statement("https://in-toto.io/Statement/v0.1", image.repositoryReference(), digest,
                "https://slsa.dev/provenance/v1", slsa);
        byte[] goodEnvelope = IndependentDsse.envelope("application/vnd.in-toto+json", good,
                IndependentDsse.sign((ECPrivateKey) key.getPrivate(), IndependentDsse.pae("application/vnd.in-toto+json", good)));
        independent.publish(image.repository(), digest, List.of(goodEnvelope), "https://slsa.dev/provenance/v1");
        AttestationPolicy provenance = new AttestationPolicy(Set.of(), true,
                GlobPattern.compile("https://jenkins.example.com/**", "b"), GlobPattern.compile("https://github.com/example/app.git", "s"), false);
        assertThat(verifyWithOurs(key, provenance).verified()).isTrue();

        // Signed over the raw payload instead of the PAE.
        byte[] rawSigned = IndependentDsse.envelope("application/vnd.in-toto+json", good,
                IndependentDsse.sign((ECPrivateKey) key.getPrivate(), good));
        // Signed correctly, but the envelope's payload type was changed afterwards.
        byte[] otherType = IndependentDsse.envelope("application/json", good,
                IndependentDsse.sign((ECPrivateKey) key.getPrivate(), IndependentDsse.pae("application/json", good)));
        // A valid statement about another image.
        byte[] elsewhere = IndependentDsse.statement("https://in-toto.io/Statement/v1", image.repositoryReference(),
                "sha256:" + "e".repeat(64), "https://slsa.dev/provenance/v1", slsa);
        byte[] elsewhereEnvelope = IndependentDsse.envelope("application/vnd.in-toto+json", elsewhere,
                IndependentDsse.sign((ECPrivateKey) key.getPrivate(), IndependentDsse.pae("application/vnd.in-toto+json", elsewhere)));
        // The payload swapped after signing.
        byte[] swapped = IndependentDsse.envelope("application/vnd.in-toto+json",
                new String(good, StandardCharsets.UTF_8).replace("example/app", "example/evil").getBytes(StandardCharsets.UTF_8),
                IndependentDsse.sign((ECPrivateKey) key.getPrivate(), IndependentDsse.pae("application/vnd.in-toto+json", good)));
        independent.publish(image.repository(), digest, List.of(rawSigned, otherType, elsewhereEnvelope, swapped),
                "https://slsa.dev/provenance/v1");
        AttestationVerifier.Verification forged = verifyWithOurs(key, provenance);
        assertThat(forged.verified()).isFalse();
        assertThat(forged.problems()).contains(
                "attestation layer 0: no signature verifies with the key " + verifier(key).keyId(),
                "attestation layer 1: payload type application/json is not application/vnd.in-toto+json",
                "attestation layer 3: no signature verifies with the key " + verifier(key).keyId());
        assertThat(forged.problems()).anySatisfy(p -> assertThat(p).startsWith("attestation layer 2: the statement's subject is not"));
    }

    @Test
    void attachingTheSameAgainWithTheSameKeyAddsNothingAndAnotherKeyAppends() throws Exception {
        AttestationPublisher publisher = new AttestationPublisher(client);
        publisher.attach(image, signer(key), verifier(key), allKinds());
        AttestationPublisher.Published again = publisher.attach(image, signer(key), verifier(key), allKinds());
        assertThat(again.added()).isEmpty();
        assertThat(again.alreadyPresent()).hasSize(4);
        assertThat(independent.attestationLayers(image.repository(), image.digest().toString())).hasSize(4);
        SlsaProvenance changed = provenance().parameter("TARGET", "staging");
        assertThat(publisher.attach(image, signer(key), verifier(key), List.of(Predicate.provenance(changed))).added()).hasSize(1);
        assertThat(publisher.attach(image, signer(otherKey), verifier(otherKey), List.of(Predicate.provenance(changed))).added()).hasSize(1);
        assertThat(independent.attestationLayers(image.repository(), image.digest().toString())).hasSize(6);
        assertThat(verifyWithOurs(otherKey, new AttestationPolicy(Set.of(), true, null, null, false)).verified()).isTrue();
    }

    @Test
    void resigningWithTheSameKeyAddsNoSignatureLayer() throws Exception {
        CosignSignaturePublisher publisher = new CosignSignaturePublisher(client);
        // The signer here has no public key at hand: the verifier is derived from the private key.
        SignatureVerifier derived = EcdsaP256Verifier.forPrivateKey((ECPrivateKey) key.getPrivate());
        assertThat(derived.keyId()).isEqualTo(verifier(key).keyId());
        assertThat(publisher.sign(image, signer(key), null, derived).alreadyPresent()).isFalse();
        assertThat(publisher.sign(image, signer(key), null, derived).alreadyPresent()).isTrue();
        assertThat(client.getManifest(image.repository(), image.digest().signatureTag()).layers()).hasSize(1);
        assertThat(publisher.sign(image, signer(otherKey), null, verifier(otherKey)).alreadyPresent()).isFalse();
        assertThat(client.getManifest(image.repository(), image.digest().signatureTag()).layers()).hasSize(2);
    }

    @Test
    void aSignatureThatDoesNotMatchTheKeyIsNeverStored() throws Exception {
        assertThatThrownBy(() -> new AttestationPublisher(client).attach(image, signer(key), verifier(otherKey), allKinds()))
                .hasMessageContaining("does not verify with its public key");
        assertThat(independent.attestationLayers(image.repository(), image.digest().toString())).isEmpty();
        ImageReference missing = image.withDigest(new Digest("f".repeat(64)));
        assertThatThrownBy(() -> new AttestationPublisher(client).attach(missing, signer(key), verifier(key), allKinds()))
                .hasMessageContaining("the registry does not serve that manifest");
    }

    @Test
    void promotionCopiesAttestationsWithTheImage() throws Exception {
        new AttestationPublisher(client).attach(image, signer(key), verifier(key), allKinds());
        new CosignSignaturePublisher(client).sign(image, signer(key), null, verifier(key));
        ImageReference target = ImageReference.parse(REGISTRY.address() + "/promoted/app" + (System.nanoTime() % 100000) + ":release", "t");
        ImagePromotion.Promoted promoted = new ImagePromotion(client, client, new ImagePusher(client, 2, null)).copy(image, target);
        assertThat(promoted.signaturesCopied()).isEqualTo(1);
        assertThat(promoted.attestationsCopied()).isEqualTo(4);
        ImageReference copy = target.withDigest(image.digest());
        assertThat(new AttestationVerifier(client).verify(copy, verifier(key),
                new AttestationPolicy(Set.of(), true, null, null, true)).verified()).isTrue();
        // Copying again adds nothing.
        assertThat(new ImagePromotion(client, client, new ImagePusher(client, 2, null)).copy(image, target).attestationsCopied()).isZero();
    }

    @Test
    void globPatterns() {
        GlobPattern folder = GlobPattern.compile("https://ci.example/job/app/*", "p");
        assertThat(folder.matches("https://ci.example/job/app/main")).isTrue();
        assertThat(folder.matches("https://ci.example/job/app/main/x")).isFalse();
        assertThat(GlobPattern.compile("https://ci.example/**", "p").matches("https://ci.example/job/a/job/b/")).isTrue();
        assertThat(GlobPattern.compile("https://ci.example/job/a.b", "p").matches("https://ci.example/job/aXb")).isFalse();
        assertThat(GlobPattern.compile("repo-?", "p").matches("repo-1")).isTrue();
        assertThatThrownBy(() -> GlobPattern.compile(" ", "--builder-id")).hasMessageContaining("--builder-id");
    }

    @Test
    void sourceRepositoryFromForeignProvenanceComesFromTheSingleGitDependency() throws Exception {
        String foreign = "{\"buildDefinition\":{\"buildType\":\"https://example.com/other\",\"externalParameters\":{},"
                + "\"resolvedDependencies\":[{\"uri\":\"git+https://github.com/example/app@refs/heads/main\","
                + "\"digest\":{\"gitCommit\":\"0123456789abcdef0123456789abcdef01234567\"}}]},\"runDetails\":{\"builder\":{\"id\":\"https://b\"}}}";
        assertThat(AttestationVerifier.sourceRepository(io.jenkins.plugins.securepipeline.image.StrictJson.parseObject(
                foreign.getBytes(StandardCharsets.UTF_8), "p"))).isEqualTo("https://github.com/example/app");
    }
}
