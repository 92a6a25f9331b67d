package io.jenkins.plugins.securepipeline.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
    @TempDir
    Path dir;

    private static AuditEvent event(int n) {
        return new AuditEvent(Instant.parse("2026-11-23T10:00:00Z").plusSeconds(n), "assumeCrossAccountRole",
                AuditOutcome.ALLOWED, "rule prod-deployers matched", "alice", "team/app#" + n,
                Map.of("roleArn", "arn:aws:iam::111122223333:role/deployer", "account", "111122223333"));
    }

    @Test
    void eventsAreAppendedAndReadBackWithAnIntactChain() throws IOException {
        AuditLog log = new AuditLog(dir.resolve("nested/audit.jsonl"));
        log.append(event(1));
        log.append(event(2));
        log.append(event(3));

        AuditLogContents contents = AuditLog.read(log.file());
        assertThat(contents.problems()).isEmpty();
        assertThat(contents.intact()).isTrue();
        assertThat(contents.events()).containsExactly(event(1), event(2), event(3));
        assertThat(Files.readAllLines(log.file()).get(0)).contains("\"previous\":\"" + AuditLog.GENESIS + "\"");
    }

    @Test
    void anEditedLineBreaksTheChainAtTheLineAfterIt() throws IOException {
        AuditLog log = new AuditLog(dir.resolve("audit.jsonl"));
        for (int i = 1; i <= 4; i++) {
            log.append(event(i));
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(log.file()));
        lines.set(1, lines.get(1).replace("\"ALLOWED\"", "\"DENIED\""));
        Files.write(log.file(), lines);

        assertThat(AuditLog.read(log.file()).problems()).singleElement().asString().startsWith("line 3: chain broken");
    }

    @Test
    void aRemovedLineIsDetected() throws IOException {
        AuditLog log = new AuditLog(dir.resolve("audit.jsonl"));
        for (int i = 1; i <= 4; i++) {
            log.append(event(i));
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(log.file()));
        lines.remove(0);
        Files.write(log.file(), lines);

        assertThat(AuditLog.read(log.file()).problems()).singleElement().asString().startsWith("line 1: chain broken");
    }

    @Test
    void aCutOffLastLineIsReportedAndRefusesFurtherAppends() throws IOException {
        AuditLog log = new AuditLog(dir.resolve("audit.jsonl"));
        log.append(event(1));
        Files.writeString(log.file(), "{\"time\":\"2026", StandardOpenOption.APPEND);

        AuditLogContents contents = AuditLog.read(log.file());
        assertThat(contents.events()).hasSize(1);
        assertThat(contents.problems()).containsExactly("line 2: incomplete, the writer stopped mid-line");
        assertThatThrownBy(() -> log.append(event(2))).isInstanceOf(IOException.class)
                .hasMessageContaining("does not end with a complete line");
    }

    @Test
    void garbageLinesAreReportedNotThrown() throws IOException {
        Path file = dir.resolve("audit.jsonl");
        Files.write(file, "not json\n\u0000\u0001binary\n".getBytes(StandardCharsets.ISO_8859_1));
        AuditLogContents contents = AuditLog.read(file);
        assertThat(contents.events()).isEmpty();
        assertThat(contents.problems()).hasSize(2).allSatisfy(p -> assertThat(p).contains("not an audit event"));
    }

    @Test
    void concurrentWritersKeepOneValidChain() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                // a separate AuditLog per write, as separate processes would have
                writes.add(pool.submit(() -> {
                    new AuditLog(file).append(event(n));
                    return null;
                }));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            pool.shutdownNow();
        }
        AuditLogContents contents = AuditLog.read(file);
        assertThat(contents.problems()).isEmpty();
        assertThat(contents.events()).hasSize(200);
    }

    @Test
    void aMissingLogReadsAsEmpty() throws IOException {
        assertThat(AuditLog.read(dir.resolve("none.jsonl")).events()).isEmpty();
    }
}
