package io.jenkins.plugins.securepipeline.image.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securepipeline.image.Descriptor;
import io.jenkins.plugins.securepipeline.image.Digest;
import io.jenkins.plugins.securepipeline.image.ImageReference;
import io.jenkins.plugins.securepipeline.image.ImageSource;
import io.jenkins.plugins.securepipeline.image.InvalidImageException;
import io.jenkins.plugins.securepipeline.image.ManifestDocument;
import io.jenkins.plugins.securepipeline.image.OciLayoutSource;
import io.jenkins.plugins.securepipeline.image.SourceSpec;
import io.jenkins.plugins.securepipeline.image.TestImages;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Pushes real images into a real distribution registry, directly and through the ECR-like fault-injecting proxy. */
class RegistryPushTest {
    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    @TempDir
    Path temp;

    private ImageReference target(String registry, String repositoryAndTag) throws InvalidImageException {
        return ImageReference.parse(registry + "/" + repositoryAndTag, "target");
    }

    @Test
    void pushesAnOciLayoutReadsItBackAndSkipsEverythingTheSecondTime() throws Exception {
        Path layout = temp.resolve("layout");
        ManifestDocument manifest = TestImages.ociLayout(layout, "v1", new int[] {200_000, 50_000}, 21);
        RegistryClient client = REGISTRY.client();
        Map<Digest, Long> lastProgress = new ConcurrentHashMap<>();
        PushProgress progress = (digest, sent, total) -> lastProgress.merge(digest, sent, Math::max);
        try (ImageSource source = OciLayoutSource.directory(layout, "v1")) {
            PushResult first = new ImagePusher(client, 4, progress).push(source, target(REGISTRY.address(), "team/app:v1"), null);
            assertThat(first.digest()).isEqualTo(manifest.digest());
            assertThat(first.blobsPushed()).isEqualTo(3);
            assertThat(first.blobsSkipped()).isZero();
            assertThat(first.bytesPushed()).isEqualTo(manifest.blobs().stream().mapToLong(Descriptor::size).sum());
            assertThat(first.reference()).isEqualTo(REGISTRY.address() + "/team/app@" + manifest.digest());
            for (Descriptor blob : manifest.blobs()) {
                assertThat(lastProgress).containsEntry(blob.digest(), blob.size());
            }

            PushResult second = new ImagePusher(client, 4, null).push(source, target(REGISTRY.address(), "team/app:v1"), null);
            assertThat(second.digest()).isEqualTo(manifest.digest());
            assertThat(second.blobsPushed()).isZero();
            assertThat(second.blobsSkipped()).isEqualTo(3);
        }
        ManifestDocument served = client.getManifest("team/app", "v1");
        assertThat(served.bytes()).isEqualTo(manifest.bytes());
        try (InputStream in = client.openBlob("team/app", manifest.layers().get(0))) {
            assertThat(Digest.of(in.readAllBytes())).isEqualTo(manifest.layers().get(0).digest());
        }
    }

    @Test
    void pushesAMultiPlatformIndexWithItsChildren() throws Exception {
        Path layout = temp.resolve("multi");
        ManifestDocument index = TestImages.multiPlatformLayout(layout, "multi", 22);
        RegistryClient client = REGISTRY.client();
        try (ImageSource source = OciLayoutSource.directory(layout, "multi")) {
            PushResult result = new ImagePusher(client, 2, null).push(source, target(REGISTRY.address(), "multi/app:1"), null);
            assertThat(result.digest()).isEqualTo(index.digest());
            // 2 configs + 3 distinct layers (the first layer is shared by both platforms)
            assertThat(result.blobsPushed()).isEqualTo(5);

            // Again: the index and both children are served, so nothing is sent.
            PushResult again = new ImagePusher(client, 2, null).push(source, target(REGISTRY.address(), "multi/app:1"), null);
            assertThat(again.blobsPushed()).isZero();
            assertThat(again.blobsSkipped()).isEqualTo(5);
        }
        for (Descriptor child : index.manifests()) {
            assertThat(client.getManifest("multi/app", child.digest().toString())).isNotNull();
        }
        assertThat(client.getManifest("multi/app", "1").digest()).isEqualTo(index.digest());
    }

    @Test
    void pushesALegacyDockerSaveArchive() throws Exception {
        Path tar = temp.resolve("docker.tar");
        TestImages.dockerArchive(tar, new int[] {10_000, 20_000}, true, 23);
        try (ImageSource source = SourceSpec.parse("docker-archive:" + tar).open()) {
            PushResult result = new ImagePusher(REGISTRY.client(), 4, null).push(source, target(REGISTRY.address(), "legacy/app:1"), null);
            assertThat(result.digest()).isEqualTo(source.root().digest());
            assertThat(result.blobsPushed()).isEqualTo(3);
        }
    }

    @Test
    void mountsBlobsFromAnotherRepositoryOfTheSameRegistry() throws Exception {
        Path layout = temp.resolve("layout");
        TestImages.ociLayout(layout, "v1", new int[] {30_000}, 24);
        RegistryClient client = REGISTRY.client();
        try (ImageSource source = OciLayoutSource.directory(layout, "v1")) {
            new ImagePusher(client, 4, null).push(source, target(REGISTRY.address(), "dev/app:1"), null);
            PushResult promoted = new ImagePusher(client, 4, null).push(source, target(REGISTRY.address(), "prod/app:1"), "dev/app");
            assertThat(promoted.blobsPushed()).isZero();
            assertThat(promoted.blobsSkipped()).isEqualTo(2);
        }
    }

    @Test
    void wrongCredentialsAreRefusedWithoutPrintingThePassword() throws Exception {
        Path layout = temp.resolve("layout");
        TestImages.ociLayout(layout, "v1", new int[] {100}, 25);
        RegistryClient client = new RegistryClient(REGISTRY.address(), true,
                new RegistryCredentials(LocalRegistry.USER, "wrong-password-xyz".toCharArray()), RegistryClient.newHttpClient());
        try (ImageSource source = OciLayoutSource.directory(layout, "v1")) {
            assertThatThrownBy(() -> new ImagePusher(client, 1, null).push(source, target(REGISTRY.address(), "a/b:1"), null))
                    .isInstanceOf(RegistryException.class)
                    .hasMessageContaining("HTTP 401")
                    .hasMessageNotContaining("wrong-password-xyz");
        }
    }

    @Test
    void ecrLikeProxyRejectsChunkedPatchesAndOurUploadsNeverChunk() throws Exception {
        try (FaultInjectingProxy proxy = new FaultInjectingProxy(REGISTRY)) {
            // The proxy really does refuse a second chunk, as ECR mishandles it.
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> start = http.send(HttpRequest.newBuilder(URI.create("http://" + proxy.address() + "/v2/chunk/test/blobs/uploads/"))
                    .header("Authorization", REGISTRY.credentials().basicAuthorization())
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(start.statusCode()).isEqualTo(202);
            URI location = URI.create("http://" + proxy.address()).resolve(start.headers().firstValue("Location").orElseThrow());
            HttpResponse<String> chunk = http.send(HttpRequest.newBuilder(location)
                    .header("Authorization", REGISTRY.credentials().basicAuthorization())
                    .header("Content-Range", "0-9")
                    .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(new byte[10])).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(chunk.statusCode()).isEqualTo(416);

            Path layout = temp.resolve("layout");
            ManifestDocument manifest = TestImages.ociLayout(layout, "v1", new int[] {300_000, 10}, 26);
            try (ImageSource source = OciLayoutSource.directory(layout, "v1")) {
                PushResult result = new ImagePusher(proxy.client(REGISTRY.credentials()), 4, null)
                        .push(source, target(proxy.address(), "ecr/app:1"), null);
                assertThat(result.digest()).isEqualTo(manifest.digest());
            }
            List<FaultInjectingProxy.Seen> patches = proxy.seen().stream()
                    .filter(s -> s.method().equals("PATCH") && s.path().startsWith("/v2/ecr/")).toList();
            assertThat(patches).hasSize(3).allSatisfy(p -> assertThat(p.contentRange()).isNull());
        }
    }

    @Test
    void aServerErrorMidUploadRestartsThatBlobAndThePushSucceeds() throws Exception {
        try (FaultInjectingProxy proxy = new FaultInjectingProxy(REGISTRY)) {
            Path layout = temp.resolve("layout");
            ManifestDocument manifest = TestImages.ociLayout(layout, "v1", new int[] {400_000}, 27);
            proxy.failNextPatches.set(1);
            Map<Digest, List<Long>> restarts = new ConcurrentHashMap<>();
            PushProgress progress = (digest, sent, total) -> {
                if (sent == 0) {
                    restarts.computeIfAbsent(digest, d -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(sent);
                }
            };
            try (ImageSource source = OciLayoutSource.directory(layout, "v1")) {
                PushResult result = new ImagePusher(proxy.client(REGISTRY.credentials()), 1, progress)
                        .push(source, target(proxy.address(), "retry/app:1"), null);
                assertThat(result.digest()).isEqualTo(manifest.digest());
                assertThat(result.blobsPushed()).isEqualTo(2);
            }
            assertThat(proxy.seen().stream().filter(s -> s.method().equals("PATCH")).count()).isEqualTo(3);
            assertThat(restarts.values().stream().mapToInt(List::size).sum()).isEqualTo(3);
        }
    }

    @Test
    void persistentServerErrorsFailThePushAndLeaveNoTag() throws Exception {
        try (FaultInjectingProxy proxy = new FaultInjectingProxy(REGISTRY)) {
            Path layout = temp.resolve("layout");
            TestImages.ociLayout(layout, "v1", new int[] {50_000}, 28);
            proxy.failNextPatches.set(100);
            try (ImageSource source = OciLayoutSource.directory(layout, "v1")) {
                assertThatThrownBy(() -> new ImagePusher(proxy.client(REGISTRY.credentials()), 2, null)
                        .push(source, target(proxy.address(), "broken/app:1"), null))
                        .isInstanceOf(RegistryException.class)
                        .hasMessageContaining("HTTP 500")
                        .hasMessageContaining("injected failure mid-upload");
            }
            assertThat(REGISTRY.client().getManifest("broken/app", "1")).isNull();
        }
    }

    @Test
    void aCorruptLocalLayerFailsAtOnceWithoutRetriesOrTag() throws Exception {
        try (FaultInjectingProxy proxy = new FaultInjectingProxy(REGISTRY)) {
            Path layout = temp.resolve("layout");
            ManifestDocument manifest = TestImages.ociLayout(layout, "v1", new int[] {100_000}, 29);
            Path layer = TestImages.blob(layout, manifest.layers().get(0).digest());
            byte[] bytes = Files.readAllBytes(layer);
            bytes[100] ^= 1;
            Files.write(layer, bytes);
            try (ImageSource source = OciLayoutSource.directory(layout, "v1")) {
                assertThatThrownBy(() -> new ImagePusher(proxy.client(REGISTRY.credentials()), 1, null)
                        .push(source, target(proxy.address(), "corrupt/app:1"), null))
                        .isInstanceOf(InvalidImageException.class)
                        .hasMessageContaining(manifest.layers().get(0).digest().hex());
            }
            assertThat(proxy.seen().stream().filter(s -> s.method().equals("PATCH")
                    && s.path().startsWith("/v2/corrupt/")).count()).isLessThanOrEqualTo(2);
            assertThat(REGISTRY.client().getManifest("corrupt/app", "1")).isNull();
        }
    }

    @Test
    void blobRedirectsToAnotherHostNeverCarryCredentials() throws Exception {
        Path layout = temp.resolve("layout");
        ManifestDocument manifest = TestImages.ociLayout(layout, "v1", new int[] {80_000}, 30);
        try (ImageSource source = OciLayoutSource.directory(layout, "v1")) {
            new ImagePusher(REGISTRY.client(), 2, null).push(source, target(REGISTRY.address(), "redirect/app:1"), null);
        }
        try (FaultInjectingProxy proxy = new FaultInjectingProxy(REGISTRY)) {
            proxy.redirectBlobGets = true;
            RegistryClient client = proxy.client(REGISTRY.credentials());
            Descriptor layer = manifest.layers().get(0);
            try (InputStream in = client.openBlob("redirect/app", layer)) {
                assertThat(Digest.of(in.readAllBytes())).isEqualTo(layer.digest());
            }
            assertThat(proxy.storageRequests()).isEqualTo(1);
            assertThat(proxy.storageAuthorizations()).isEmpty();
            assertThat(proxy.seen()).anySatisfy(s -> {
                assertThat(s.path()).endsWith(layer.digest().toString());
                assertThat(s.authorizationScheme()).isEqualTo("Basic");
            });
        }
    }

    @Test
    void bearerTokenAuthFetchesScopedTokensFromTheRealm() throws Exception {
        try (FaultInjectingProxy proxy = new FaultInjectingProxy(REGISTRY)) {
            proxy.bearerAuth = true;
            Path layout = temp.resolve("layout");
            ManifestDocument manifest = TestImages.ociLayout(layout, "v1", new int[] {10_000}, 31);
            try (ImageSource source = OciLayoutSource.directory(layout, "v1")) {
                PushResult result = new ImagePusher(proxy.client(REGISTRY.credentials()), 2, null)
                        .push(source, target(proxy.address(), "bearer/app:1"), null);
                assertThat(result.digest()).isEqualTo(manifest.digest());
            }
            assertThat(proxy.tokenRequests()).isBetween(1, 3);
            assertThat(proxy.seen()).anySatisfy(s -> assertThat(s.authorizationScheme()).isEqualTo("Bearer"));

            RegistryClient wrong = proxy.client(new RegistryCredentials(LocalRegistry.USER, "nope-nope".toCharArray()));
            assertThatThrownBy(() -> wrong.getManifest("bearer/app", "1"))
                    .isInstanceOf(RegistryException.class)
                    .hasMessageContaining("refused the credentials")
                    .hasMessageNotContaining("nope-nope");
        }
    }

    @Test
    void anImageTheTagAlreadyServesIsOneReadWithOneToken() throws Exception {
        try (FaultInjectingProxy proxy = new FaultInjectingProxy(REGISTRY)) {
            proxy.bearerAuth = true;
            Path layout = temp.resolve("layout");
            ManifestDocument manifest = TestImages.ociLayout(layout, "v1", new int[] {30_000, 20_000}, 32);
            try (ImageSource source = OciLayoutSource.directory(layout, "v1")) {
                new ImagePusher(proxy.client(REGISTRY.credentials()), 2, null)
                        .push(source, target(proxy.address(), "again/app:1"), null);
                int tokensBefore = proxy.tokenRequests();
                int seenBefore = proxy.seen().size();

                Map<Digest, PushProgress.BlobOutcome> outcomes = new ConcurrentHashMap<>();
                PushProgress progress = new PushProgress() {
                    @Override
                    public void blobProgress(Digest digest, long sent, long total) {}

                    @Override
                    public void blobDone(Digest digest, long total, PushProgress.BlobOutcome outcome) {
                        outcomes.put(digest, outcome);
                    }
                };
                PushResult again = new ImagePusher(proxy.client(REGISTRY.credentials()), 2, progress)
                        .push(source, target(proxy.address(), "again/app:1"), null);

                assertThat(again.digest()).isEqualTo(manifest.digest());
                assertThat(again.blobsPushed()).isZero();
                assertThat(again.blobsSkipped()).isEqualTo(3);
                assertThat(again.bytesPushed()).isZero();
                assertThat(outcomes).hasSize(3).containsValue(PushProgress.BlobOutcome.EXISTED)
                        .doesNotContainValue(PushProgress.BlobOutcome.UPLOADED);
                List<FaultInjectingProxy.Seen> requests = proxy.seen().subList(seenBefore, proxy.seen().size());
                assertThat(requests).filteredOn(s -> s.authorizationScheme() != null)
                        .singleElement()
                        .satisfies(s -> {
                            assertThat(s.method()).isEqualTo("GET");
                            assertThat(s.path()).isEqualTo("/v2/again/app/manifests/1");
                        });
                assertThat(proxy.tokenRequests() - tokensBefore).as("a new client: one push-scope token").isEqualTo(1);
            }
        }
    }

    @Test
    void aTagServingAnotherImageIsPushedInFullAndMoved() throws Exception {
        Path first = temp.resolve("first");
        Path second = temp.resolve("second");
        TestImages.ociLayout(first, "v1", new int[] {10_000}, 33);
        ManifestDocument replacement = TestImages.ociLayout(second, "v1", new int[] {12_000}, 34);
        RegistryClient client = REGISTRY.client();
        try (ImageSource source = OciLayoutSource.directory(first, "v1")) {
            new ImagePusher(client, 2, null).push(source, target(REGISTRY.address(), "moved/app:1"), null);
        }
        try (ImageSource source = OciLayoutSource.directory(second, "v1")) {
            PushResult result = new ImagePusher(client, 2, null).push(source, target(REGISTRY.address(), "moved/app:1"), null);
            assertThat(result.blobsPushed()).isEqualTo(2);
            assertThat(result.digest()).isEqualTo(replacement.digest());
        }
        assertThat(client.getManifest("moved/app", "1").digest()).isEqualTo(replacement.digest());
    }
}
