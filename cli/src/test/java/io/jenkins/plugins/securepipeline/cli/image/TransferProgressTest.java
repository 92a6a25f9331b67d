package io.jenkins.plugins.securepipeline.cli.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securepipeline.image.Digest;
import io.jenkins.plugins.securepipeline.image.registry.PushProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TransferProgressTest {
    private static final Digest A = new Digest("a".repeat(64));
    private static final Digest B = new Digest("b".repeat(64));

    @Test
    void onATerminalItRedrawsOneBarLine() {
        StringWriter err = new StringWriter();
        TransferProgress progress = new TransferProgress(new PrintWriter(err), true);
        progress.blobPlanned(A, 1_000_000);
        progress.blobPlanned(B, 1_000_000);
        progress.blobProgress(A, 500_000, 1_000_000);
        progress.blobDone(B, 1_000_000, PushProgress.BlobOutcome.EXISTED);
        progress.finish();
        assertThat(err.toString()).startsWith("\r[").contains("% 1.5 MB / 2.0 MB, 1 of 2 blobs done").endsWith(System.lineSeparator());
        assertThat(err.toString().chars().filter(c -> c == '\n').count()).isEqualTo(1);
    }

    @Test
    void elsewhereItWritesPlainLinesWithoutCarriageReturns() {
        StringWriter err = new StringWriter();
        TransferProgress progress = new TransferProgress(new PrintWriter(err), false);
        for (int i = 0; i <= 10; i++) {
            progress.blobProgress(A, i * 100_000L, 1_000_000);
        }
        progress.blobDone(A, 1_000_000, PushProgress.BlobOutcome.UPLOADED);
        progress.finish();
        // Lines come at most every 5 s; a fast push shows only the final state.
        assertThat(err.toString()).isEqualTo("push: 1.0 MB / 1.0 MB, 1 of 1 blobs done" + System.lineSeparator());
    }

    @Test
    void aRunThatFailsBeforeSendingAnythingPrintsNoProgress() {
        StringWriter err = new StringWriter();
        TransferProgress progress = new TransferProgress(new PrintWriter(err), false);
        progress.blobPlanned(A, 1_000_000);
        progress.finish();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aDumbOrUnknownTerminalGetsPlainLines() {
        assertThat(ProgressOptions.redrawable(java.util.Map.of("TERM", "dumb"))).isFalse();
        assertThat(ProgressOptions.redrawable(java.util.Map.of())).isFalse();
    }
}
