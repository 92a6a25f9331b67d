package io.jenkins.plugins.securepipeline.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs a configured command line in the test's JVM with its standard output and error captured for the assertions. */
public final class CapturedRun {
    private CapturedRun() {}

    public static int execute(CommandLine cli, StringWriter out, StringWriter err, String... args) {
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
