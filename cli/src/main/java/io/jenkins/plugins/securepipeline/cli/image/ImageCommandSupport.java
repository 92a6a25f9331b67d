package io.jenkins.plugins.securepipeline.cli.image;

import io.jenkins.plugins.securepipeline.cli.ExitCodes;
import io.jenkins.plugins.securepipeline.image.InvalidImageException;
import io.jenkins.plugins.securepipeline.image.StrictJson;
import io.jenkins.plugins.securepipeline.net.NetworkFailure;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
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

    /**
     * Runs a command body: usage errors exit 2, unreadable input files 3, registry/signing/image failures 5, all with
     * a one-line reason.
     */
    static int run(CommandLine.Model.CommandSpec spec, String command, Body body) {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return body.run();
        } catch (UsageException e) {
            err.println(command + ": " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        } catch (InvalidInputException | InputException e) {
            err.println(command + ": " + e.getMessage());
            err.flush();
            return ExitCodes.INVALID_INPUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println(command + ": interrupted");
            err.flush();
            return ExitCodes.REGISTRY_OR_SIGNING_FAILURE;
        } catch (NetworkFailure e) {
            err.println(command + ": " + e.getMessage() + advice(e));
            err.flush();
            return ExitCodes.REGISTRY_OR_SIGNING_FAILURE;
        } catch (InvalidImageException e) {
            err.println(command + ": " + e.getMessage());
            err.flush();
            return ExitCodes.REGISTRY_OR_SIGNING_FAILURE;
        } catch (Exception e) {
            // Registry and signing failures carry their own sentence; never a Java class name instead of one.
            err.println(command + ": " + (e.getMessage() == null || e.getMessage().isBlank()
                    ? "failed without an explanation (an I/O or internal error)" : e.getMessage()));
            err.flush();
            return ExitCodes.REGISTRY_OR_SIGNING_FAILURE;
        }
    }

    /** What the user can do about a network failure, in terms of this command's options. */
    static String advice(NetworkFailure failure) {
        return switch (failure.kind()) {
            case PLAIN_HTTP_ON_TLS -> "; if this registry speaks plain HTTP (a local test registry), add --insecure-http";
            case TIMEOUT -> "; a slow registry may need a longer --timeout";
            case UNKNOWN_HOST -> "; check the registry host name";
            default -> "";
        };
    }

    /**
     * @param result the JSON form: field names and values scripts rely on
     * @param text the same for people: whole sentences, nothing left as {@code null} or a Java list
     */
    static void print(PrintWriter out, Format format, Map<String, Object> result, List<String> text) throws IOException {
        if (format == Format.json) {
            // The engine's own JSON writer: one compact line, and no JSON library to start up for a short command.
            out.println(new String(StrictJson.write(result), java.nio.charset.StandardCharsets.UTF_8));
        } else {
            text.forEach(out::println);
        }
        out.flush();
    }

    /** "1 blob", "3 blobs". */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** The blob counts of a push or copy as a sentence. */
    static String transferSentence(int pushed, long bytes, int skipped) {
        return "Uploaded " + count(pushed, "blob") + " (" + count(bytes, "byte") + "); " + count(skipped, "blob")
                + (skipped == 1 ? " was" : " were") + " already there.";
    }
}
