package io.jenkins.plugins.securepipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuardTestCommandTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CapturedRun.execute(SecurePipelineCommand.newCommandLine(), out, err, args);
    }

    @Test
    void metAndUnmetExpectations() throws Exception {
        Path rules = Files.writeString(dir.resolve("r.guard"), "rule HAS_QUEUE {\n  Resources.*[ Type == 'AWS::SQS::Queue' ]"
                + " !empty\n}\n");
        Path tests = Files.writeString(dir.resolve("r_tests.yaml"), String.join("\n",
                "- name: a queue",
                "  input: {Resources: {Q: {Type: AWS::SQS::Queue}}}",
                "  expectations: {rules: {HAS_QUEUE: PASS}}",
                "- name: no queue",
                "  input: {Resources: {T: {Type: AWS::SNS::Topic}}}",
                "  expectations: {rules: {HAS_QUEUE: PASS}}",
                ""));
        assertThat(run("guard-test", "-r", rules.toString(), "-t", tests.toString())).isEqualTo(ExitCodes.BLOCKED);
        assertThat(out.toString()).contains("PASS a queue: HAS_QUEUE = PASS",
                "FAIL no queue: HAS_QUEUE expected PASS, evaluated FAIL", "2 expectation(s), 1 failed");
    }

    @Test
    void unreadableTestFile() throws Exception {
        Path rules = Files.writeString(dir.resolve("r.guard"), "rule A {\n  Resources exists\n}\n");
        Path tests = Files.writeString(dir.resolve("t.yaml"), "name: not a list\n");
        assertThat(run("guard-test", "-r", rules.toString(), "-t", tests.toString())).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("a rule test file is a list of cases");
    }
}
