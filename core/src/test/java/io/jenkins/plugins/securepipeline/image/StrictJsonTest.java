package io.jenkins.plugins.securepipeline.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrictJsonTest {
    private static Object parse(String text) throws InvalidImageException {
        return StrictJson.parse(text.getBytes(StandardCharsets.UTF_8), "doc.json");
    }

    @Test
    void parsesAndWritesBackTheSameDocument() throws InvalidImageException {
        String text = "{\"a\":[1,2.5,-3e2,true,false,null],\"b\":{\"c\":\"x\\\"y\\n\\u00e9\"}}";
        Object value = parse(text);
        assertThat(value).isInstanceOf(Map.class);
        assertThat(((List<?>) ((Map<?, ?>) value).get("a")).get(1)).isEqualTo(new BigDecimal("2.5"));
        assertThat(new String(StrictJson.write(value), StandardCharsets.UTF_8))
                .isEqualTo("{\"a\":[1,2.5,-300,true,false,null],\"b\":{\"c\":\"x\\\"y\\né\"}}");
    }

    @Test
    void refusesWhatLenientParsersAccept() {
        assertThatThrownBy(() -> parse("{\"a\":1,\"a\":2}")).hasMessageContaining("doc.json").hasMessageContaining("duplicate key");
        assertThatThrownBy(() -> parse("{\"a\":1,}")).hasMessageContaining("expected a string key");
        assertThatThrownBy(() -> parse("{\"a\":01}")).hasMessageContaining("offset 6");
        assertThatThrownBy(() -> parse("{} {}")).hasMessageContaining("unexpected data after");
        assertThatThrownBy(() -> parse("{'a':1}")).hasMessageContaining("expected a string key");
        assertThatThrownBy(() -> parse("[" .repeat(100) + "]".repeat(100))).hasMessageContaining("nested deeper");
        assertThatThrownBy(() -> StrictJson.parse(new byte[] {'"', (byte) 0xff, '"'}, "doc.json"))
                .hasMessageContaining("not valid UTF-8");
        assertThatThrownBy(() -> parse("\"a\u0001\"")).hasMessageContaining("control character");
    }

    @Test
    void fieldErrorsNameTheFileAndPath() throws InvalidImageException {
        JsonFields json = StrictJson.parseObject("{\"a\":{\"b\":[{\"c\":1}]}}".getBytes(StandardCharsets.UTF_8), "m.json");
        assertThatThrownBy(() -> json.object("a").objects("b").get(0).string("c"))
                .hasMessage("m.json: a.b[0].c: must be a string");
        assertThatThrownBy(() -> json.string("missing")).hasMessage("m.json: missing: missing (a string is required)");
    }
}
