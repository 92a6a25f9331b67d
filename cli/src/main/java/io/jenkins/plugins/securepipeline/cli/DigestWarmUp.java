package io.jenkins.plugins.securepipeline.cli;

import io.jenkins.plugins.securepipeline.integrity.DigestAlgorithm;
import java.security.MessageDigest;
import java.util.Set;

/**
 * Gets the JVM's optimizing compiler to compile the SHA-256 code, with the CPU's SHA instructions in it, while the
 * command line is still being read. Until then every byte is hashed by the interpreter or by code without those
 * instructions, some tens of times slower: without this the first few MiB of a hash run cost about a tenth of a second.
 * The digest is fed many small pieces, because the compiler goes by how often the code is called. Nothing waits for
 * it: a run that hashes little never notices it, and it stops by itself after about 2 MiB.
 */
public final class DigestWarmUp {
    /**
     * The commands that hash file contents in bulk from the start. Image commands start it when the first blob is
     * sent (image.WarmUpOnFirstTransfer): they may find everything in place and hash nothing.
     */
    static final Set<String> COMMANDS = Set.of("hash", "verify-hash");

    private static final int PIECES = 8_000;
    private static final int PIECE_SIZE = 256;

    private DigestWarmUp() {}

    /** Starts the warm-up on a daemon thread of its own. */
    public static void start() {
        Thread thread = new Thread(DigestWarmUp::run, "digest-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void run() {
        MessageDigest digest = DigestAlgorithm.SHA256.newMessageDigest();
        byte[] piece = new byte[PIECE_SIZE];
        for (int i = 0; i < PIECES; i++) {
            digest.update(piece, 0, PIECE_SIZE);
        }
        digest.digest();
    }
}
