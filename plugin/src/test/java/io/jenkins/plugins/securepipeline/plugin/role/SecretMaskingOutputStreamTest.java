package io.jenkins.plugins.securepipeline.plugin.role;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretMaskingOutputStreamTest {
    private static String through(List<String> secrets, String... writes) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (SecretMaskingOutputStream out = new SecretMaskingOutputStream(sink, secrets)) {
            for (String write : writes) {
                out.write(write.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }
        return sink.toString(StandardCharsets.UTF_8);
    }

    @Test
    void masksEveryOccurrenceOfEverySecret() throws IOException {
        assertEquals("key=**** token=**** again ****\n",
                through(List.of("wJalrXUtnFEMI", "FwoGZXIvYXdz"), "key=wJalrXUtnFEMI token=FwoGZXIvYXdz again wJalrXUtnFEMI\n"));
    }

    @Test
    void aSecretSplitAcrossWritesIsStillMasked() throws IOException {
        assertEquals("secret=****\n", through(List.of("wJalrXUtnFEMI"), "secret=wJalr", "XUtnFEMI", "\n"));
    }

    @Test
    void aLastLineWithoutNewlineIsEmittedOnClose() throws IOException {
        assertEquals("tail ****", through(List.of("wJalrXUtnFEMI"), "tail wJalrXUtnFEMI"));
    }

    @Test
    void otherTextIsUntouchedIncludingNonAscii() throws IOException {
        assertEquals("déploiement réussi ✓\n", through(List.of("wJalrXUtnFEMI"), "déploiement réussi ✓\n"));
    }

    @Test
    void tooShortValuesAreNotMaskedSoTheLogStaysReadable() throws IOException {
        assertEquals("a b c\n", through(List.of("a", ""), "a b c\n"));
    }
}
