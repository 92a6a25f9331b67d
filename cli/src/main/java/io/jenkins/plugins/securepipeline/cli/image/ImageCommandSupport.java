package io.jenkins.plugins.securepipeline.cli.image;

import io.jenkins.plugins.securepipeline.cli.ExitCodes;
import io.jenkins.plugins.securepipeline.image.InvalidImageException;
import io.jenkins.plugins.securepipeline.image.StrictJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;

/** What the image commands share: running with the exit-code contract, and printing the result. */
final class ImageCommandSupport {
    enum Format { text, json }

    @FunctionalInterface
    interface Body {
        int run() throws Exception;
    }

    private ImageCommandSupport() {}

    /** Runs a command body: usage errors exit 2, registry/signing/image failures exit 5, all with a one-line reason. */
    static int run(CommandLine.Model.CommandSpec spec, String command, Body body) {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return body.run();
        } catch (UsageException e) {
            err.println(command + ": " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        } catch (InputException e) {
            err.println(command + ": " + e.getMessage());
            err.flush();
            return ExitCodes.INVALID_INPUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println(command + ": interrupted");
            err.flush();
            return ExitCodes.REGISTRY_OR_SIGNING_FAILURE;
        } catch (InvalidImageException e) {
            err.println(command + ": " + e.getMessage());
            err.flush();
            return ExitCodes.REGISTRY_OR_SIGNING_FAILURE;
        } catch (IOException | RuntimeException e) {
            err.println(command + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            err.flush();
            return ExitCodes.REGISTRY_OR_SIGNING_FAILURE;
        } catch (Exception e) {
            err.println(command + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
            err.flush();
            return ExitCodes.REGISTRY_OR_SIGNING_FAILURE;
        }
    }

    static void print(PrintWriter out, Format format, Map<String, Object> result) throws IOException {
        if (format == Format.json) {
            // The engine's own JSON writer: one compact line, and no JSON library to start up for a short command.
            out.println(new String(StrictJson.write(result), java.nio.charset.StandardCharsets.UTF_8));
        } else {
            result.forEach((key, value) -> out.println(key + ": " + value));
        }
        out.flush();
    }

    static boolean onTerminal() {
        return System.console() != null;
    }
}
