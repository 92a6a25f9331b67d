package io.jenkins.plugins.securepipeline.template.guard.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
import io.jenkins.plugins.securepipeline.template.TemplateReader;
import io.jenkins.plugins.securepipeline.template.guard.GuardRuleException;
import io.jenkins.plugins.securepipeline.template.guard.GuardRuleResult;
import io.jenkins.plugins.securepipeline.template.guard.GuardStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Administrator rule packs: named rules, what is refused when saved, and every way a pack can fail to load. */
class GuardRulePackTest {
    private static final String ENCRYPTED = "rule QUEUE_ENCRYPTED {\n"
            + "  Resources.*[ Type == 'AWS::SQS::Queue' ] {\n"
            + "    Properties.KmsMasterKeyId exists << queues are encrypted with a customer key >>\n"
            + "  }\n"
            + "}\n";
    private static final String TEMPLATE = "Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n    Properties: {}\n";

    @TempDir
    Path dir;

    private static List<GuardRuleResult> evaluate(GuardRulePack.Loaded pack) throws Exception {
        TemplateNode template = new TemplateReader().read("t.yaml", TEMPLATE.getBytes(StandardCharsets.UTF_8), false);
        return pack.rules().evaluate(template);
    }

    @Test
    void folderPackNamesItsRulesAfterThePackAndFile() throws Exception {
        Files.createDirectories(dir.resolve("sqs"));
        Files.writeString(dir.resolve("sqs/queues.guard"), ENCRYPTED);
        Files.writeString(dir.resolve("README.md"), "not a rule file");

        GuardRulePack.Loaded loaded = GuardRulePack.of("org-baseline", dir.toString()).load(Duration.ofSeconds(5));

        assertThat(loaded.files()).isEqualTo(1);
        assertThat(loaded.sha256()).hasSize(64);
        List<GuardRuleResult> results = evaluate(loaded);
        assertThat(results).extracting(GuardRuleResult::id).containsExactly("org-baseline/sqs/queues.guard/QUEUE_ENCRYPTED");
        assertThat(results.get(0).status()).isEqualTo(GuardStatus.FAIL);
    }

    @Test
    void digestChangesWithAnyByteOfTheRules() throws Exception {
        Path rules = Files.writeString(dir.resolve("a.guard"), ENCRYPTED);
        String before = GuardRulePack.of("p", dir.toString()).load(Duration.ofSeconds(5)).sha256();
        Files.writeString(rules, ENCRYPTED.replace("exists", "!empty"));
        String after = GuardRulePack.of("p", dir.toString()).load(Duration.ofSeconds(5)).sha256();
        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void refusedWhenConfigured() {
        assertThatThrownBy(() -> GuardRulePack.of("has space", "/rules")).hasMessageContaining("rule pack name 'has space'");
        assertThatThrownBy(() -> GuardRulePack.of("s3.guard", "/rules")).hasMessageContaining("must not end in .guard");
        assertThatThrownBy(() -> GuardRulePack.of("p", "relative/rules")).hasMessageContaining("must be an absolute");
        assertThatThrownBy(() -> GuardRulePack.of("p", " ")).hasMessageContaining("location is required");
        assertThatThrownBy(() -> GuardRulePack.of("p", "http://rules.example.com/org.guard"))
                .hasMessageContaining("plain http is accepted only for this machine");
        assertThatThrownBy(() -> GuardRulePack.of("p", "ftp://rules.example.com/org.guard"))
                .hasMessageContaining("must be https");
        assertThatThrownBy(() -> GuardRulePack.of("p", "https://user:secret@rules.example.com/org.guard"))
                .hasMessageContaining("no user name or password").hasMessageNotContaining("secret");
        assertThat(GuardRulePack.of("p", "https://rules.example.com/org.guard").isUrl()).isTrue();
        assertThat(GuardRulePack.of("p", "http://127.0.0.1:8080/org.guard").isUrl()).isTrue();
        assertThat(GuardRulePack.of("p", "http://[::1]:8080/org.guard").isUrl()).isTrue();
    }

    @Test
    void aFolderThatGivesNoRulesIsAnError() throws Exception {
        assertThatThrownBy(() -> GuardRulePack.of("p", dir.toString()).load(Duration.ofSeconds(5)))
                .isInstanceOf(IOException.class).hasMessageContaining("no rule files");
        assertThatThrownBy(() -> GuardRulePack.of("p", dir.resolve("missing").toString()).load(Duration.ofSeconds(5)))
                .hasMessageContaining("is not a folder");
    }

    @Test
    void linksInAFolderAreNotFollowed() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret.guard"), ENCRYPTED);
        Path pack = Files.createDirectories(dir.resolve("pack"));
        Files.createSymbolicLink(pack.resolve("linked.guard"), outside.resolve("secret.guard"));
        assertThatThrownBy(() -> GuardRulePack.of("p", pack.toString()).load(Duration.ofSeconds(5)))
                .hasMessageContaining("no rule files");
    }

    @Test
    void aRuleThatDoesNotParseNamesThePackFileAndLine() throws Exception {
        Files.writeString(dir.resolve("bad.guard"), "rule a {\n  Resources.A ~ 'x'\n}\n");
        assertThatThrownBy(() -> GuardRulePack.of("org", dir.toString()).load(Duration.ofSeconds(5)))
                .isInstanceOf(GuardRuleException.class).hasMessageStartingWith("org/bad.guard:2:");
    }

    @Test
    void urlPackIsFetchedWithinLimits() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] rules = ENCRYPTED.getBytes(StandardCharsets.UTF_8);
        byte[] huge = new byte[2 * 1024 * 1024];
        server.createContext("/packs/org.guard", exchange -> answer(exchange, 200, rules));
        server.createContext("/packs/huge.guard", exchange -> answer(exchange, 200, huge));
        server.createContext("/packs/gone.guard", exchange -> answer(exchange, 404, new byte[0]));
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/packs/";
            GuardRulePack.Loaded loaded = GuardRulePack.of("web", base + "org.guard?token=abc").load(Duration.ofSeconds(5));
            assertThat(evaluate(loaded)).extracting(GuardRuleResult::id).containsExactly("web/org.guard/QUEUE_ENCRYPTED");

            assertThatThrownBy(() -> GuardRulePack.of("web", base + "gone.guard").load(Duration.ofSeconds(5)))
                    .hasMessage("cannot fetch Guard rule pack 'web' " + base + "gone.guard: HTTP 404");
            assertThatThrownBy(() -> GuardRulePack.of("web", base + "huge.guard").load(Duration.ofSeconds(5)))
                    .hasMessageContaining("is larger than 1048576 bytes");
        } finally {
            server.stop(0);
        }
        assertThatThrownBy(() -> GuardRulePack.of("web", "http://127.0.0.1:" + server.getAddress().getPort()
                + "/packs/org.guard?token=abc").load(Duration.ofSeconds(5)))
                .hasMessageContaining("cannot fetch Guard rule pack 'web' from http://127.0.0.1:")
                .hasMessageNotContaining("token");
    }

    @Test
    void urlPackGoesThroughTheProxyItIsGiven() throws Exception {
        HttpServer proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        proxy.createContext("/", exchange -> {
            asked.add(exchange.getRequestURI().toString());
            answer(exchange, 200, ENCRYPTED.getBytes(StandardCharsets.UTF_8));
        });
        proxy.start();
        try {
            // Nothing listens on port 1: only a fetch through the proxy can succeed.
            GuardRulePack.Loaded loaded = GuardRulePack.of("web", "http://127.0.0.1:1/org.guard")
                    .load(Duration.ofSeconds(5), java.net.ProxySelector.of(proxy.getAddress()));
            assertThat(loaded.files()).isEqualTo(1);
            assertThat(asked).containsExactly("http://127.0.0.1:1/org.guard");
        } finally {
            proxy.stop(0);
        }
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
