package io.jenkins.plugins.securepipeline.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretMaskTest {
    // Shaped like an AWS secret key and session token: '/', '+' and '=' are what encoders change.
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYzEXAMPLEKEY";
    private static final String TOKEN = "IQoJb3JpZ2luX2VjEHAaCXVzLWVhc3QtMSJHMEUCIQD/abc+def==";
    private final SecretMask mask = SecretMask.of(List.of(SECRET_KEY, TOKEN));

    @Test
    void literalValuesAreMasked() {
        assertThat(mask.mask("key=" + SECRET_KEY + " token " + TOKEN)).isEqualTo("key=**** token ****");
    }

    @Test
    void percentEncodedInEitherCaseAndPartlyEncodedAreMasked() {
        String upper = URLEncoder.encode(SECRET_KEY, StandardCharsets.UTF_8);
        assertThat(upper).contains("%2F").contains("%2B");
        assertThat(mask.mask("a=" + upper)).isEqualTo("a=****");
        assertThat(mask.mask("a=" + upper.toLowerCase().replace("wjalrxutnfemi", "wJalrXUtnFEMI")
                .replace("%2f", "%2f"))).doesNotContain("MDENG");
        // Only the '+' encoded, the '/' left as it is (URI path encoders do that).
        assertThat(mask.mask(SECRET_KEY.replace("+", "%2b"))).isEqualTo(SecretMask.MASK);
    }

    @Test
    void jsonEscapedIsMasked() {
        String json = "{\"SecretAccessKey\":\"" + SECRET_KEY.replace("/", "\\/").replace("+", "\\u002B") + "\"}";
        assertThat(mask.mask(json)).isEqualTo("{\"SecretAccessKey\":\"****\"}");
    }

    @Test
    void base64AloneAndInsideLongerBase64IsMasked() {
        String alone = Base64.getEncoder().encodeToString(SECRET_KEY.getBytes(StandardCharsets.US_ASCII));
        assertThat(mask.containsSecret(alone)).isTrue();
        for (String prefix : List.of("", "a", "ab", "abc", "user:")) {
            for (String suffix : List.of("", "x", "xy")) {
                String encoded = Base64.getEncoder().encodeToString((prefix + TOKEN + suffix).getBytes(StandardCharsets.US_ASCII));
                assertThat(mask.containsSecret(encoded)).as("prefix '%s' suffix '%s'", prefix, suffix).isTrue();
                String urlSafe = Base64.getUrlEncoder().encodeToString((prefix + SECRET_KEY + suffix).getBytes(StandardCharsets.US_ASCII));
                assertThat(mask.containsSecret(urlSafe)).as("url-safe, prefix '%s'", prefix).isTrue();
            }
        }
    }

    @Test
    void ordinaryTextAndShortValuesAreLeftAlone() {
        SecretMask withShort = SecretMask.of(List.of("abc", SECRET_KEY));
        assertThat(withShort.mask("abc is not masked")).isEqualTo("abc is not masked");
        assertThat(mask.mask("nothing secret here / + =")).isEqualTo("nothing secret here / + =");
        assertThat(SecretMask.of(List.of()).isEmpty()).isTrue();
        assertThat(SecretMask.of(List.of()).mask("x")).isEqualTo("x");
        assertThat(mask.mask(null)).isNull();
    }

    @Test
    void aPrefixOfAnotherSecretDoesNotLeaveTheRestVisible() {
        SecretMask nested = SecretMask.of(List.of("ABCDEFGH", "ABCDEFGHIJKLMNOP"));
        assertThat(nested.mask("x ABCDEFGHIJKLMNOP y")).isEqualTo("x **** y");
    }

    @Test
    void regularExpressionCharactersInValuesAreLiteral() {
        SecretMask special = SecretMask.of(List.of("a.b*c+d?(e)"));
        assertThat(special.mask("a.b*c+d?(e)")).isEqualTo(SecretMask.MASK);
        assertThat(special.mask("aXbbbc+d?(e)")).isEqualTo("aXbbbc+d?(e)");
    }
}
