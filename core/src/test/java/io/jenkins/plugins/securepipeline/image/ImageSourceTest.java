package io.jenkins.plugins.securepipeline.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageSourceTest {
    @TempDir
    Path temp;

    private static byte[] readAll(ImageSource source, Descriptor blob) throws IOException {
        try (InputStream in = source.openBlob(blob, null)) {
            return in.readAllBytes();
        }
    }

    @Test
    void readsAnOciLayoutDirectoryByName() throws IOException {
        ManifestDocument written = TestImages.ociLayout(temp.resolve("layout"), "v1", new int[] {1000, 2000}, 1);
        try (ImageSource source = SourceSpec.parse("oci:" + temp.resolve("layout") + ":v1").open()) {
            ManifestDocument root = source.root();
            assertThat(root.digest()).isEqualTo(written.digest());
            assertThat(root.bytes()).isEqualTo(written.bytes());
            assertThat(root.layers()).hasSize(2);
            for (Descriptor blob : root.blobs()) {
                source.requireBlob(blob);
                assertThat(Digest.of(readAll(source, blob))).isEqualTo(blob.digest());
            }
        }
    }

    @Test
    void anUnnamedSourceWithOneImageNeedsNoName() throws IOException {
        TestImages.ociLayout(temp.resolve("layout"), "v1", new int[] {100}, 2);
        try (ImageSource source = SourceSpec.parse("oci:" + temp.resolve("layout")).open()) {
            assertThat(source.root().layers()).hasSize(1);
        }
    }

    @Test
    void anUnknownNameListsTheNamesPresent() throws IOException {
        TestImages.ociLayout(temp.resolve("layout"), "v1", new int[] {100}, 3);
        assertThatThrownBy(() -> SourceSpec.parse("oci:" + temp.resolve("layout") + ":v2").open())
                .isInstanceOf(InvalidImageException.class)
                .hasMessageContaining("index.json")
                .hasMessageContaining("no image(s) named 'v2'")
                .hasMessageContaining("[v1]");
    }

    @Test
    void aTamperedLayerFailsWhileStreaming() throws IOException {
        Path layout = temp.resolve("layout");
        ManifestDocument manifest = TestImages.ociLayout(layout, "v1", new int[] {5000}, 4);
        Descriptor layer = manifest.layers().get(0);
        byte[] bytes = Files.readAllBytes(TestImages.blob(layout, layer.digest()));
        bytes[bytes.length / 2] ^= 1;
        Files.write(TestImages.blob(layout, layer.digest()), bytes);
        try (ImageSource source = OciLayoutSource.directory(layout, "v1")) {
            source.requireBlob(layer); // same size: only the content check can notice
            assertThatThrownBy(() -> readAll(source, layer))
                    .isInstanceOf(InvalidImageException.class)
                    .hasMessageContaining(layer.digest().hex())
                    .hasMessageContaining("its descriptor says " + layer.digest());
        }
    }

    @Test
    void aMissingOrTruncatedLayerIsFoundBeforeAnyUpload() throws IOException {
        Path layout = temp.resolve("layout");
        ManifestDocument manifest = TestImages.ociLayout(layout, "v1", new int[] {5000, 10}, 5);
        Descriptor first = manifest.layers().get(0);
        Descriptor second = manifest.layers().get(1);
        Files.write(TestImages.blob(layout, first.digest()), new byte[10]);
        Files.delete(TestImages.blob(layout, second.digest()));
        try (ImageSource source = OciLayoutSource.directory(layout, "v1")) {
            assertThatThrownBy(() -> source.requireBlob(first)).hasMessageContaining("10 bytes, its descriptor says " + first.size());
            assertThatThrownBy(() -> source.requireBlob(second)).hasMessageContaining("missing blob")
                    .hasMessageContaining(second.digest().hex());
        }
    }

    @Test
    void aTamperedManifestIsRefused() throws IOException {
        Path layout = temp.resolve("layout");
        ManifestDocument manifest = TestImages.ociLayout(layout, "v1", new int[] {100}, 6);
        Path file = TestImages.blob(layout, manifest.digest());
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 2] = ' ';
        Files.write(file, bytes);
        try (ImageSource source = OciLayoutSource.directory(layout, "v1")) {
            assertThatThrownBy(source::root).hasMessageContaining("content does not match its descriptor");
        }
    }

    @Test
    void badIndexJsonNamesTheFileAndField() throws IOException {
        Path layout = temp.resolve("layout");
        TestImages.ociLayout(layout, "v1", new int[] {100}, 7);
        String index = Files.readString(layout.resolve("index.json"));
        Files.writeString(layout.resolve("index.json"), index.replace("\"digest\":\"sha256:", "\"digest\":\"sha512:"));
        assertThatThrownBy(() -> OciLayoutSource.directory(layout, "v1"))
                .hasMessageContaining("index.json")
                .hasMessageContaining("manifests[0].digest")
                .hasMessageContaining("not a sha256 digest");
        Files.writeString(layout.resolve("index.json"), "{\"schemaVersion\":2,\"schemaVersion\":2,\"manifests\":[]}");
        assertThatThrownBy(() -> OciLayoutSource.directory(layout, "v1")).hasMessageContaining("duplicate key \"schemaVersion\"");
        Files.writeString(layout.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\""
                + MediaTypes.OCI_MANIFEST + "\",\"size\":-1,\"digest\":\"sha256:" + "a".repeat(64) + "\"}]}");
        assertThatThrownBy(() -> OciLayoutSource.directory(layout, "v1")).hasMessageContaining("manifests[0].size: must not be negative");
    }

    @Test
    void oversizedDocumentsAreRefusedWithoutReadingThem() throws IOException {
        Path layout = temp.resolve("layout");
        TestImages.ociLayout(layout, "v1", new int[] {100}, 8);
        try (OutputStream out = Files.newOutputStream(layout.resolve("index.json"))) {
            out.write(new byte[ManifestDocument.MAX_BYTES + 1]);
        }
        assertThatThrownBy(() -> OciLayoutSource.directory(layout, "v1")).hasMessageContaining("over the 4194304 byte limit");
    }

    @Test
    void anOciArchiveReadsLikeTheDirectory() throws IOException {
        Path layout = temp.resolve("layout");
        ManifestDocument written = TestImages.ociLayout(layout, "latest", new int[] {3000, 70_000}, 9);
        Path tar = temp.resolve("image.tar");
        TestImages.tarDirectory(layout, tar);
        try (ImageSource source = SourceSpec.parse("oci-archive:" + tar + ":latest").open()) {
            assertThat(source.root().digest()).isEqualTo(written.digest());
            for (Descriptor blob : source.root().blobs()) {
                assertThat(Digest.of(readAll(source, blob))).isEqualTo(blob.digest());
            }
        }
    }

    @Test
    void aMultiPlatformIndexListsItsChildren() throws IOException {
        Path layout = temp.resolve("layout");
        ManifestDocument index = TestImages.multiPlatformLayout(layout, "multi", 10);
        try (ImageSource source = OciLayoutSource.directory(layout, "multi")) {
            ManifestDocument root = source.root();
            assertThat(root.isIndex()).isTrue();
            assertThat(root.digest()).isEqualTo(index.digest());
            assertThat(root.manifests()).hasSize(2);
            ManifestDocument arm = source.manifest(root.manifests().get(1));
            assertThat(arm.layers()).hasSize(2);
            assertThat(root.manifests().get(1).platform()).containsEntry("architecture", "arm64");
        }
    }

    @Test
    void aLegacyDockerSaveArchiveKeepsLayerBytesAndDigests() throws IOException {
        Path tar = temp.resolve("docker.tar");
        TestImages.dockerArchive(tar, new int[] {4000, 9000, 6000}, true, 11);
        try (ImageSource source = SourceSpec.parse("docker-archive:" + tar).open()) {
            ManifestDocument root = source.root();
            assertThat(root.mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
            assertThat(root.layers()).extracting(Descriptor::mediaType)
                    .containsExactly(MediaTypes.OCI_LAYER_TAR, MediaTypes.OCI_LAYER_TAR, MediaTypes.OCI_LAYER_GZIP);
            // The gzip layer is pushed as it is: its digest is the digest of the file in the archive.
            byte[] gzipLayer = TestImages.gzipLayer(6000, 13);
            assertThat(root.layers().get(2).digest()).isEqualTo(Digest.of(gzipLayer));
            assertThat(root.layers().get(2).size()).isEqualTo(gzipLayer.length);
            for (Descriptor blob : root.blobs()) {
                assertThat(Digest.of(readAll(source, blob))).isEqualTo(blob.digest());
            }
            assertThat(StrictJson.parseObject(readAll(source, root.config()), "config").object("rootfs")
                    .strings("diff_ids")).hasSize(3);
        }
    }

    @Test
    void aDockerSaveArchiveWhoseLayerDisagreesWithTheConfigIsRefused() throws IOException {
        Path tar = temp.resolve("docker.tar");
        byte[] layer = TestImages.tarOfOneFile("a", TestImages.randomBytes(100, 1));
        byte[] config = TestImages.config(List.of(Digest.of(new byte[] {1})), "amd64");
        try (OutputStream out = Files.newOutputStream(tar)) {
            TestImages.TarWriter writer = new TestImages.TarWriter(out);
            writer.file("c.json", config);
            writer.file("l/layer.tar", layer);
            writer.file("manifest.json", "[{\"Config\":\"c.json\",\"Layers\":[\"l/layer.tar\"]}]".getBytes(StandardCharsets.UTF_8));
            writer.finish();
        }
        assertThatThrownBy(() -> DockerArchiveSource.open(tar))
                .hasMessageContaining("l/layer.tar")
                .hasMessageContaining("rootfs.diff_ids[0]");
    }

    @Test
    void symlinkedLayersInADockerSaveArchiveAreFollowed() throws IOException {
        Path tar = temp.resolve("docker.tar");
        byte[] layer = TestImages.tarOfOneFile("a", TestImages.randomBytes(100, 1));
        byte[] config = TestImages.config(List.of(Digest.of(layer), Digest.of(layer)), "amd64");
        try (OutputStream out = Files.newOutputStream(tar)) {
            TestImages.TarWriter writer = new TestImages.TarWriter(out);
            writer.file("c.json", config);
            writer.file("one/layer.tar", layer);
            writer.symlink("two/layer.tar", "../one/layer.tar");
            writer.file("manifest.json", "[{\"Config\":\"c.json\",\"Layers\":[\"one/layer.tar\",\"two/layer.tar\"]}]"
                    .getBytes(StandardCharsets.UTF_8));
            writer.finish();
        }
        try (ImageSource source = DockerArchiveSource.open(tar)) {
            assertThat(source.root().layers()).extracting(Descriptor::digest).containsExactly(Digest.of(layer), Digest.of(layer));
        }
    }

    @Test
    void notATarIsAClearError() throws IOException {
        Path file = temp.resolve("junk.tar");
        Files.write(file, TestImages.randomBytes(2048, 5));
        assertThatThrownBy(() -> SourceSpec.parse("docker-archive:" + file).open())
                .hasMessageContaining("junk.tar").hasMessageContaining("bad checksum");
        assertThatThrownBy(() -> SourceSpec.parse("oci-archive:" + temp.resolve("missing.tar")).open())
                .hasMessageContaining("no such file");
        assertThatThrownBy(() -> SourceSpec.parse("docker:foo")).hasMessageContaining("unknown transport");
    }

    @Test
    void aCompressedArchiveSaysUnpackItFirst() throws IOException {
        Path gzipped = temp.resolve("image.tar.gz");
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gzipped))) {
            out.write(new byte[4096]);
        }
        assertThatThrownBy(() -> SourceSpec.parse("docker-archive:" + gzipped).open())
                .hasMessage(gzipped + ": is gzip-compressed; unpack it first (e.g. gunzip), an image archive is read as a plain tar");
        Path zstd = Files.write(temp.resolve("image.tar.zst"), new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 0, 0});
        assertThatThrownBy(() -> SourceSpec.parse("oci-archive:" + zstd).open()).hasMessageContaining("zstd-compressed");
    }
}
