package io.jenkins.plugins.securepipeline.cli.image;

import java.io.Console;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * How much a transfer tells on standard error while it runs: a redrawn bar on a terminal that can show one, a plain
 * line every few seconds elsewhere (CI logs, {@code TERM=dumb}), nothing with {@code --no-progress}, and with
 * {@code --quiet} neither progress nor warnings (errors and the result are still printed).
 */
final class ProgressOptions {
    @Option(names = "--no-progress", description = "Do not show transfer progress on standard error.")
    boolean noProgress;

    @Option(names = {"-q", "--quiet"}, description = "No progress and no warnings on standard error; errors and the result only.")
    boolean quiet;

    /** Progress for a text run, or null when none is wanted. */
    TransferProgress progress(PrintWriter err, ImageCommandSupport.Format format) {
        if (quiet || noProgress || format != ImageCommandSupport.Format.text) {
            return null;
        }
        return new TransferProgress(err, redrawable(System.getenv()));
    }

    void warn(PrintWriter err, String warning) {
        if (!quiet) {
            err.println(warning);
        }
    }

    /**
     * A bar redrawn with carriage returns needs a terminal that understands them: not a pipe or a file (no console),
     * not {@code TERM=dumb} (Emacs shells, some CI runners) and not an unset TERM.
     */
    static boolean redrawable(Map<String, String> environment) {
        String term = environment.get("TERM");
        if (term == null || term.isBlank() || term.equals("dumb")) {
            return false;
        }
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Java 22 and later have a Console even when output is redirected; they tell with isTerminal().
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
