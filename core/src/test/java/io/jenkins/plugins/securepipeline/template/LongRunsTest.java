package io.jenkins.plugins.securepipeline.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Long unbroken runs (one-line base64) reach the tree unchanged, with the positions the file has. */
class LongRunsTest {
    private static final String RUN = run(LongRuns.MIN_RUN + 1234, 7);

    /** Base64-like text of the given length: letters, digits, '+', '/' and '=' (fixed seed). */
    private static String run(int length, long seed) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=";
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static TemplateNode yaml(String text) throws TemplateParseException {
        return new TemplateReader().read("t.yaml", text.getBytes(StandardCharsets.UTF_8), false);
    }

    @Test
    void everyScalarStyleKeepsTheWholeRun() throws Exception {
        TemplateNode root = yaml("plain: " + RUN + "\n"
                + "double: \"" + RUN + "\"\n"
                + "single: '" + RUN + "'\n"
                + "words: x-" + RUN + " and more\n"
                + "flow: [a, " + RUN + ", b]\n"
                + "block: |\n  " + RUN + "\n  second line\n"
                + RUN + ": as a key\n"
                + "# a comment " + RUN + "\n"
                + "last: done\n");
        assertThat(root.get("plain").text()).isEqualTo(RUN);
        assertThat(root.get("double").text()).isEqualTo(RUN);
        assertThat(root.get("single").text()).isEqualTo(RUN);
        assertThat(root.get("words").text()).isEqualTo("x-" + RUN + " and more");
        assertThat(root.get("flow").items()).extracting(TemplateNode::text).containsExactly("a", RUN, "b");
        assertThat(root.get("block").text()).isEqualTo(RUN + "\nsecond line\n");
        assertThat(root.get(RUN).text()).isEqualTo("as a key");
        assertThat(root.get("last").text()).isEqualTo("done");
        assertThat(root.get("last").line()).isEqualTo(11);
    }

    @Test
    void twoRunsInOneValueAndAnEscapeBeforeARun() throws Exception {
        String other = run(LongRuns.MIN_RUN, 8);
        TemplateNode root = yaml("two: \"" + RUN + "\\t" + other + "\"\nescaped: \"\\x41" + RUN + "\"\n");
        assertThat(root.get("two").text()).isEqualTo(RUN + "\t" + other);
        assertThat(root.get("escaped").text()).isEqualTo("A" + RUN);
    }

    @Test
    void columnsAfterARunAreTheFilesColumns() throws Exception {
        TemplateNode root = yaml("flow: {A: " + RUN + ", B: after}\n");
        // "flow: {A: " is 10 characters, then the run, then ", B: " (5): B's value starts at column 16 + the run.
        assertThat(root.path("flow", "B").column()).isEqualTo(10 + RUN.length() + 5 + 1);
        assertThat(root.path("flow", "B").line()).isEqualTo(1);
        assertThatThrownBy(() -> yaml("flow: {A: " + RUN + ", B: [}\n"))
                .isInstanceOfSatisfying(TemplateParseException.class, e -> {
                    assertThat(e.getMessage()).contains("t.yaml");
                    assertThat(e.getMessage()).doesNotContain("LongRun");
                });
    }

    @Test
    void shortRunsAndTextThatLooksLikeAStandInAreLeftAlone() throws Exception {
        String shorter = run(LongRuns.MIN_RUN - 1, 9);
        String text = "a: " + shorter + "\nb: LongRunabcdefghijklQ00000000\n";
        assertThat(LongRuns.of(text).text()).isSameAs(text);
        TemplateNode root = yaml(text + "c: " + RUN + "\n");
        assertThat(root.get("a").text()).isEqualTo(shorter);
        assertThat(root.get("b").text()).isEqualTo("LongRunabcdefghijklQ00000000");
        assertThat(root.get("c").text()).isEqualTo(RUN);
    }

    @Test
    void theStandInTextIsShortAndKeepsTheLines() {
        LongRuns runs = LongRuns.of("a: " + RUN + "\nb: 1\n");
        assertThat(runs.text().length()).isLessThan(100);
        assertThat(runs.text()).startsWith("a: LongRun").endsWith("\nb: 1\n");
    }
}
