package io.jenkins.plugins.securepipeline.plugin.image;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.securepipeline.image.Digest;
import io.jenkins.plugins.securepipeline.image.ImageReference;
import io.jenkins.plugins.securepipeline.image.ImageSource;
import io.jenkins.plugins.securepipeline.image.SourceSpec;
import io.jenkins.plugins.securepipeline.image.registry.ImagePusher;
import io.jenkins.plugins.securepipeline.image.registry.PushProgress;
import io.jenkins.plugins.securepipeline.image.registry.PushResult;
import io.jenkins.plugins.securepipeline.image.registry.RegistryClient;
import io.jenkins.plugins.securepipeline.image.registry.RegistryCredentials;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.net.ProxySelector;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jenkins.MasterToSlaveFileCallable;

/**
 * Runs where the workspace is: reads the image from the workspace and streams its blobs straight to the registry,
 * so the bytes never pass through the controller. Only the short-lived registry credentials come in, and only the
 * digest and counts go back. JDK-only engine classes (image sources, registry client).
 */
final class PushFromWorkspace extends MasterToSlaveFileCallable<PushFromWorkspace.Pushed> {
    private static final long serialVersionUID = 1L;
    private static final long PROGRESS_EVERY_MILLIS = 5_000;

    private final String source;
    private final String target;
    private final boolean plainHttp;
    private final String username;
    private final char[] password;
    private final int parallelism;
    private final TaskListener listener;

    /** @param credentials the registry credentials, or null for anonymous access */
    PushFromWorkspace(String source, String target, boolean plainHttp, RegistryCredentials credentials,
            int parallelism, TaskListener listener) {
        this.source = source;
        this.target = target;
        this.plainHttp = plainHttp;
        this.username = credentials == null ? null : credentials.username();
        this.password = credentials == null ? null : credentials.passwordCopy();
        this.parallelism = parallelism;
        this.listener = listener;
    }

    /** What crosses back to the controller. */
    record Pushed(String reference, String digest, int blobsPushed, int blobsSkipped, long bytesPushed) implements Serializable {}

    @Override
    public Pushed invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        SourceSpec spec = SourceSpec.parse(source);
        Path root = workspace.toPath().toAbsolutePath().normalize();
        Path path = root.resolve(spec.path()).normalize();
        if (spec.path().isAbsolute() || !path.startsWith(root)) {
            throw new IOException("source: " + spec.path() + " is not inside the workspace");
        }
        RegistryCredentials credentials = null;
        if (username != null) {
            credentials = new RegistryCredentials(username, password);
            Arrays.fill(password, '\0');
        }
        try (RegistryClient registry = RegistryClient.withOwnHttpClient(ImageReference.parse(target, "target").registry(),
                plainHttp, credentials, ProxySelector.getDefault());
                ImageSource image = new SourceSpec(spec.transport(), path, spec.name()).open()) {
            PushResult result = new ImagePusher(registry, parallelism, new LogProgress(listener))
                    .push(image, ImageReference.parse(target, "target"), null);
            return new Pushed(result.reference(), result.digest().toString(), result.blobsPushed(), result.blobsSkipped(),
                    result.bytesPushed());
        }
    }

    /** A line every few seconds with the bytes sent so far: large pushes show they are alive, without flooding the log. */
    private static final class LogProgress implements PushProgress {
        private final TaskListener listener;
        private final Map<Digest, long[]> blobs = new ConcurrentHashMap<>();
        private long lastPrinted = System.currentTimeMillis();

        LogProgress(TaskListener listener) {
            this.listener = listener;
        }

        @Override
        public void blobPlanned(Digest digest, long total) {
            blobs.put(digest, new long[] {0, total});
        }

        @Override
        public synchronized void blobProgress(Digest digest, long sent, long total) {
            blobs.computeIfAbsent(digest, d -> new long[] {0, total})[0] = sent;
            long now = System.currentTimeMillis();
            if (now - lastPrinted >= PROGRESS_EVERY_MILLIS) {
                lastPrinted = now;
                long done = blobs.values().stream().mapToLong(b -> b[0]).sum();
                long all = blobs.values().stream().mapToLong(b -> b[1]).sum();
                listener.getLogger().println("pushSignedImage: " + (done >> 20) + " of " + (all >> 20) + " MiB sent");
            }
        }

        @Override
        public void blobDone(Digest digest, long total, BlobOutcome outcome) {
            blobs.computeIfAbsent(digest, d -> new long[] {0, total})[0] = total;
        }
    }
}
