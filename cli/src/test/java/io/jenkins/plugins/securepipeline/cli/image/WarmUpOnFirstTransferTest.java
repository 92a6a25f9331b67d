package io.jenkins.plugins.securepipeline.cli.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securepipeline.image.Digest;
import io.jenkins.plugins.securepipeline.image.registry.PushProgress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarmUpOnFirstTransferTest {
    private static final Digest A = new Digest("a".repeat(64));

    @Test
    void everyCallReachesTheProgressItWraps() {
        List<String> calls = new ArrayList<>();
        PushProgress recording = new PushProgress() {
            @Override
            public void blobPlanned(Digest digest, long total) {
                calls.add("planned " + total);
            }

            @Override
            public void blobProgress(Digest digest, long sent, long total) {
                calls.add("progress " + sent);
            }

            @Override
            public void blobDone(Digest digest, long total, BlobOutcome outcome) {
                calls.add("done " + outcome);
            }
        };
        WarmUpOnFirstTransfer progress = new WarmUpOnFirstTransfer(recording);
        progress.blobPlanned(A, 10);
        progress.blobProgress(A, 0, 10);
        progress.blobProgress(A, 10, 10);
        progress.blobDone(A, 10, PushProgress.BlobOutcome.UPLOADED);
        assertThat(calls).containsExactly("planned 10", "progress 0", "progress 10", "done UPLOADED");
    }

    @Test
    void withoutADisplayNothingFails() {
        // --format json and --quiet pass no progress display: the wrapper stands alone.
        WarmUpOnFirstTransfer progress = new WarmUpOnFirstTransfer(null);
        progress.blobPlanned(A, 10);
        progress.blobProgress(A, 0, 10);
        progress.blobDone(A, 10, PushProgress.BlobOutcome.EXISTED);
    }
}
