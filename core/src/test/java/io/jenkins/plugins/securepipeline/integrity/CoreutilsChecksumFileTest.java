package io.jenkins.plugins.securepipeline.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoreutilsChecksumFileTest {
    private static final String H256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final String H512 = "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd"
            + "454d4423643ce80e2a9ac94fa54ca49f";

    private static List<ChecksumEntry> read(String text) throws Exception {
        return read(text, ChecksumLimits.DEFAULT);
    }

    private static List<ChecksumEntry> read(String text, ChecksumLimits limits) throws Exception {
        return CoreutilsChecksumFile.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "SUMS", limits);
    }

    @Test
    void gnuTextAndBinaryModesAndALeadingStarInTheName() throws Exception {
        List<ChecksumEntry> entries = read(H256 + "  a.jar\n" + H256 + " *b.jar\n" + H256 + "  *star\n" + H256 + " **bin-star\n");
        assertThat(entries).extracting(ChecksumEntry::name).containsExactly("a.jar", "b.jar", "*star", "*bin-star");
        assertThat(entries.get(0).digest()).hasToString("sha256:" + H256);
    }

    @Test
    void bsdTagFormatWithParenthesesInTheNameAndMixedAlgorithms() throws Exception {
        List<ChecksumEntry> entries = read("SHA256 (a (1).jar) = " + H256 + "\nSHA512 (b) = " + H512 + "\n");
        assertThat(entries).extracting(ChecksumEntry::name).containsExactly("a (1).jar", "b");
        assertThat(entries.get(1).digest().algorithm()).isEqualTo(DigestAlgorithm.SHA512);
    }

    @Test
    void escapedNamesAsCoreutilsWritesThemAndLiteralBackslashesOtherwise() throws Exception {
        List<ChecksumEntry> entries = read("\\" + H256 + "  new\\nline\\\\back\\rcr\n"
                + "\\SHA256 (x\\\\y) = " + H256 + "\n" + H256 + "  literal\\back\n");
        assertThat(entries).extracting(ChecksumEntry::name).containsExactly("new\nline\\back\rcr", "x\\y", "literal\\back");
    }

    @Test
    void writesWhatItReadsByteForByte() throws Exception {
        String gnu = H256 + "  a b.jar\n" + "\\" + H256 + "  new\\nline\\\\back\n" + H512 + "  *star\n";
        String bsd = "SHA256 (a b.jar) = " + H256 + "\n" + "\\SHA256 (new\\nline\\\\back) = " + H256 + "\n"
                + "SHA512 (*star) = " + H512 + "\n";
        for (String text : List.of(gnu, bsd)) {
            ChecksumFormat format = text == gnu ? ChecksumFormat.GNU : ChecksumFormat.BSD;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CoreutilsChecksumFile.write(read(text), format, out);
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(text);
        }
    }

    @Test
    void crlfLineEndsCommentsAndBlankLinesAreAccepted() throws Exception {
        assertThat(read("# built by job 42\r\n" + H256 + "  a.jar\r\n\r\n")).extracting(ChecksumEntry::name).containsExactly("a.jar");
    }

    @Test
    void malformedLinesFailTheWholeFileWithTheirLineNumber() {
        assertThatThrownBy(() -> read(H256 + "  a\n" + H256 + " b\n")).isInstanceOf(ChecksumFileException.class)
                .hasMessage("SUMS line 2: expected two spaces or ' *' between digest and name");
        assertThatThrownBy(() -> read(H256 + "  a\nnot a checksum\n")).hasMessageStartingWith("SUMS line 2: expected a hex digest");
        assertThatThrownBy(() -> read("900150983cd24fb0d6963f7d28e17f72  a\n")).hasMessageContaining("line 1: MD5 and SHA-1");
        assertThatThrownBy(() -> read("MD5 (a) = 900150983cd24fb0d6963f7d28e17f72\n")).hasMessageContaining("MD5 digests are not accepted");
        assertThatThrownBy(() -> read("SHA256 (a) = " + H512 + "\n")).hasMessageContaining("line 1: sha256 digest must have 64");
        assertThatThrownBy(() -> read("\\" + H256 + "  a\\tb\n")).hasMessageContaining("unknown escape '\\t'");
        assertThatThrownBy(() -> read("")).hasMessage("SUMS: no checksum lines found");
    }

    @Test
    void unsafeNamesAreRefusedWithTheirLineNumber() {
        assertThatThrownBy(() -> read(H256 + "  ok\n" + H256 + "  ../../etc/passwd\n")).hasMessageStartingWith("SUMS line 2: ")
                .hasMessageContaining("'..' is not allowed");
        assertThatThrownBy(() -> read(H256 + "  /etc/passwd\n")).hasMessageContaining("line 1: absolute path");
        assertThatThrownBy(() -> read(H256 + "  a\n" + H256 + "  ./a\n")).hasMessage("SUMS line 2: 'a' is already listed on line 1");
    }

    @Test
    void binaryInputIsRecognisedEarly() {
        assertThatThrownBy(() -> read(H256 + "  a\n" + "x\0y\n")).hasMessage("SUMS line 2: contains a NUL byte (binary file?)");
        byte[] invalidUtf8 = (H256 + "  a\n" + H256 + "  \u00ff\n").getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> CoreutilsChecksumFile.read(new ByteArrayInputStream(invalidUtf8), "SUMS", ChecksumLimits.DEFAULT))
                .hasMessage("SUMS line 2: is not valid UTF-8 (binary file?)");
        assertThatThrownBy(() -> read(H256 + "  " + "x".repeat(20_000) + "\n"))
                .hasMessage("SUMS line 1: line is longer than 16384 bytes (binary file?)");
    }

    @Test
    void tenMillionLinesStopAtTheEntryCapWithoutReadingTheRest() {
        byte[] line = (H256 + "  f").getBytes(StandardCharsets.US_ASCII);
        InputStream tenMillionLines = new InputStream() {
            private long produced;
            private final long total = 10_000_000L * (line.length + 8);

            @Override
            public int read() {
                throw new UnsupportedOperationException("bulk reads only");
            }

            @Override
            public int read(byte[] into, int offset, int length) {
                if (produced >= total) {
                    return -1;
                }
                int count = 0;
                while (count < length && produced < total) {
                    long lineIndex = produced / (line.length + 8);
                    int column = (int) (produced % (line.length + 8));
                    byte b = column < line.length ? line[column]
                            : column == line.length + 7 ? (byte) '\n' : (byte) ('0' + (lineIndex / pow10(6 - (column - line.length))) % 10);
                    into[offset + count++] = b;
                    produced++;
                }
                return count;
            }
        };
        assertThatThrownBy(() -> CoreutilsChecksumFile.read(tenMillionLines, "huge.sha256", ChecksumLimits.DEFAULT))
                .isInstanceOf(ChecksumFileException.class)
                .hasMessage("huge.sha256 line 200001: more than 200000 entries");
    }

    private static long pow10(int exponent) {
        long value = 1;
        for (int i = 0; i < exponent; i++) {
            value *= 10;
        }
        return value;
    }

    @Test
    void totalSizeIsCapped() {
        String lines = (H256 + "  a\n") + (H256 + "  b\n");
        assertThatThrownBy(() -> read(lines, new ChecksumLimits(100, 1024, 10)))
                .hasMessageContaining("checksum file is larger than 100 bytes");
    }
}
