package io.jenkins.plugins.securepipeline.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tar entries as GNU tar, bsdtar and Go's archive/tar write them (long names, pax headers), and broken archives. */
class TarIndexTest {
    @TempDir
    Path temp;

    /** A header block built by hand, so the extension records can be written exactly. */
    private static byte[] header(String name, long size, char type) {
        byte[] h = new byte[512];
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(n, 0, h, 0, Math.min(n.length, 100));
        put(h, 100, "0000644");
        put(h, 108, "0000000");
        put(h, 116, "0000000");
        put(h, 124, String.format("%011o", size));
        put(h, 136, "00000000000");
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        h[156] = (byte) type;
        put(h, 257, "ustar");
        put(h, 263, "00");
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format("%06o", sum));
        h[154] = 0;
        return h;
    }

    private static void put(byte[] h, int offset, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, h, offset, bytes.length);
    }

    private static void entry(OutputStream out, String name, char type, byte[] data) throws IOException {
        out.write(header(name, data.length, type));
        out.write(data);
        out.write(new byte[(int) ((512 - data.length % 512) % 512)]);
    }

    private static String paxRecord(String key, String value) {
        String body = " " + key + "=" + value + "\n";
        int length = body.length();
        while (Integer.toString(length).length() + body.length() != length) {
            length = Integer.toString(length).length() + body.length();
        }
        return length + body;
    }

    @Test
    void readsGnuLongNamesAndPaxPaths() throws IOException {
        String longName = "blobs/sha256/" + "a".repeat(64) + "/" + "b".repeat(60);
        String paxName = "dir/" + "c".repeat(120) + ".json";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        entry(bytes, "././@LongLink", 'L', (longName + "\0").getBytes(StandardCharsets.UTF_8));
        entry(bytes, "truncated", '0', "long".getBytes(StandardCharsets.UTF_8));
        entry(bytes, "PaxHeaders/x", 'x', paxRecord("path", paxName).getBytes(StandardCharsets.UTF_8));
        entry(bytes, "short", '0', "pax".getBytes(StandardCharsets.UTF_8));
        entry(bytes, "./plain.txt", '0', "plain".getBytes(StandardCharsets.UTF_8));
        bytes.write(new byte[1024]);
        Path tar = Files.write(temp.resolve("t.tar"), bytes.toByteArray());
        TarIndex index = TarIndex.read(tar);
        assertThat(read(index, longName)).isEqualTo("long");
        assertThat(read(index, paxName)).isEqualTo("pax");
        assertThat(read(index, "plain.txt")).isEqualTo("plain");
        assertThat(index.find("truncated")).isNull();
    }

    private static String read(TarIndex index, String name) throws IOException {
        TarIndex.Entry entry = index.find(name);
        assertThat(entry).as(name).isNotNull();
        try (InputStream in = index.open(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void truncatedArchivesAndEntriesPastTheEndAreRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(header("big", 10_000, '0'));
        bytes.write(new byte[512]);
        Path tar = Files.write(temp.resolve("short.tar"), bytes.toByteArray());
        assertThatThrownBy(() -> TarIndex.read(tar)).hasMessageContaining("runs past the end of the file");
        Path noEnd = Files.write(temp.resolve("noend.tar"), header("x", 0, '0'));
        assertThatThrownBy(() -> TarIndex.read(noEnd)).hasMessageContaining("no end-of-archive marker");
    }

    @Test
    void aDockerSaveArchiveWithAnOciLayoutInsideIsPushedAsDockerBuiltIt() throws IOException {
        Path layout = temp.resolve("layout");
        ManifestDocument manifest = TestImages.ociLayout(layout, "app:1", new int[] {2000}, 71);
        Files.writeString(layout.resolve("manifest.json"), "[{\"Config\":\"blobs/sha256/x\",\"Layers\":[]}]");
        Path tar = temp.resolve("docker25.tar");
        TestImages.tarDirectory(layout, tar);
        try (ImageSource source = DockerArchiveSource.open(tar)) {
            assertThat(source).isInstanceOf(OciLayoutSource.class);
            assertThat(source.root().digest()).isEqualTo(manifest.digest());
            assertThat(source.describe()).startsWith("docker-archive:");
        }
    }
}
