package io.jenkins.plugins.securepipeline.template.guard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rust's literal braces on Java's engine: a '{' that opens no repetition matches itself. */
class GuardRegexTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "^{{resolve:secretsmanager:.*}}$|{{resolve:secretsmanager:db}}|true",
        "^a{2}$|aa|true",
        "^a{2}$|a{2}|false",
        "^a{1,$|a{1,|true",
        "^a{1,3}$|aaa|true",
        "^a{,3}$|aa|true",
        "^a{,1}$|aa|false",
        "^a{,x}$|a{,x}|true",
        "^[{]x}$|{x}|true",
        "^\\{x\\}$|{x}|true",
    })
    void bracesThatOpenNoRepetitionAreLiteral(String expression, String text, boolean matches) {
        assertThat(GuardRegex.compile(expression).matcher(text).find()).isEqualTo(matches);
    }
}
