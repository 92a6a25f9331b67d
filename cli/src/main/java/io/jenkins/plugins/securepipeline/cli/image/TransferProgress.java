package io.jenkins.plugins.securepipeline.cli.image;

import io.jenkins.plugins.securepipeline.image.Digest;
import io.jenkins.plugins.securepipeline.image.registry.PushProgress;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shows push progress on standard error: a redrawn bar on a terminal, a plain line every few seconds otherwise
 * (CI logs, Jenkins), so logs are readable and not flooded with carriage returns.
 */
final class TransferProgress implements PushProgress {
    private static final long BAR_INTERVAL_NANOS = 100_000_000L;
    private static final long LINE_INTERVAL_NANOS = 5_000_000_000L;
    private static final int BAR_WIDTH = 30;

    private final PrintWriter err;
    private final boolean terminal;
    private final Map<Digest, long[]> blobs = new ConcurrentHashMap<>();
    private final Map<Digest, Boolean> done = new ConcurrentHashMap<>();
    private long lastPrint = System.nanoTime();
    private boolean drewBar;

    TransferProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void blobPlanned(Digest digest, long total) {
        blobs.putIfAbsent(digest, new long[] {0, total});
    }

    @Override
    public void blobProgress(Digest digest, long sent, long total) {
        blobs.put(digest, new long[] {sent, total});
        maybePrint(false);
    }

    @Override
    public void blobDone(Digest digest, long total, BlobOutcome outcome) {
        blobs.put(digest, new long[] {total, total});
        done.put(digest, Boolean.TRUE);
        maybePrint(false);
    }

    /** Final state, always printed; ends the bar's line. */
    void finish() {
        maybePrint(true);
        if (terminal && drewBar) {
            err.println();
        }
        err.flush();
    }

    private synchronized void maybePrint(boolean force) {
        long now = System.nanoTime();
        long interval = terminal ? BAR_INTERVAL_NANOS : LINE_INTERVAL_NANOS;
        if (!force && now - lastPrint < interval) {
            return;
        }
        lastPrint = now;
        long sent = 0;
        long total = 0;
        for (long[] blob : blobs.values()) {
            sent += blob[0];
            total += blob[1];
        }
        if (total == 0 && !force || force && sent == 0 && done.isEmpty()) {
            // Nothing to show yet, or a run that failed before sending anything: a "0.0 MB" line would only distract.
            return;
        }
        String summary = String.format("%s / %s, %d of %d blobs done", megabytes(sent), megabytes(total), done.size(), blobs.size());
        if (terminal) {
            int filled = total == 0 ? BAR_WIDTH : (int) (BAR_WIDTH * sent / total);
            err.print("\r[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] "
                    + (total == 0 ? 100 : 100 * sent / total) + "% " + summary + "   ");
            drewBar = true;
        } else {
            err.println("push: " + summary);
        }
        err.flush();
    }

    private static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1_000_000.0);
    }
}
