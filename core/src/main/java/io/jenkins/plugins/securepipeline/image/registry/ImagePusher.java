package io.jenkins.plugins.securepipeline.image.registry;

import io.jenkins.plugins.securepipeline.image.Descriptor;
import io.jenkins.plugins.securepipeline.image.Digest;
import io.jenkins.plugins.securepipeline.image.ImageReference;
import io.jenkins.plugins.securepipeline.image.ImageSource;
import io.jenkins.plugins.securepipeline.image.ManifestDocument;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pushes an image (single manifest or multi-platform index) from an {@link ImageSource} into one repository. When
 * the repository already serves the image under the target reference, that one read is the whole push. Otherwise:
 * every blob first (several at a time, skipping those the repository has, mounting when allowed), child manifests by
 * digest, the root manifest under the tag last, and finally reads the tag back to prove the registry serves exactly
 * the bytes we pushed. Any failure leaves the tag untouched or unverified and throws: there is no partial success.
 */
public final class ImagePusher {
    /** The same default as crane's; skopeo uses 6. Two cores and one network link gain little beyond this. */
    public static final int DEFAULT_PARALLELISM = 4;
    private static final int MAX_INDEX_DEPTH = 2;

    private final RegistryClient registry;
    private final int parallelism;
    private final PushProgress progress;

    public ImagePusher(RegistryClient registry, int parallelism, PushProgress progress) {
        if (parallelism < 1 || parallelism > 32) {
            throw new IllegalArgumentException("parallelism must be between 1 and 32");
        }
        this.registry = registry;
        this.parallelism = parallelism;
        this.progress = progress == null ? PushProgress.NONE : progress;
    }

    /**
     * @param target the repository and tag (or, for a push by digest only, a digest reference)
     * @param mountFrom a repository on the same registry to mount blobs from, or null
     */
    public PushResult push(ImageSource source, ImageReference target, String mountFrom)
            throws IOException, InterruptedException {
        if (!target.registry().equals(registry.registry())) {
            throw new IllegalArgumentException("target " + target + " is not on registry " + registry.registry());
        }
        ManifestDocument root = source.root();
        List<ManifestDocument> children = new ArrayList<>();
        collectChildren(source, root, children, 0);
        Map<Digest, Descriptor> blobs = new LinkedHashMap<>();
        for (ManifestDocument manifest : children) {
            manifest.blobs().forEach(blob -> blobs.putIfAbsent(blob.digest(), blob));
        }
        root.blobs().forEach(blob -> blobs.putIfAbsent(blob.digest(), blob));
        // Fail on a missing or truncated layer file before anything is uploaded.
        for (Descriptor blob : blobs.values()) {
            source.requireBlob(blob);
        }
        if (target.digest() != null && !target.digest().equals(root.digest())) {
            throw new RegistryException("target digest " + target.digest() + " differs from the image's digest "
                    + root.digest());
        }
        String reference = target.tag() != null ? target.tag() : root.digest().toString();
        String pushScope = RegistryClient.pushScope(target.repository());

        blobs.values().forEach(blob -> progress.blobPlanned(blob.digest(), blob.size()));
        // An unchanged image: the repository already serves exactly it under this reference (the digest is computed
        // from the bytes served), so nothing is sent. A registry accepts an image manifest only once its blobs are
        // there; an index may be accepted without its children (distribution can allow sparse indexes), so each
        // child is read as well. Anything else is pushed in full below.
        if (alreadyServed(target.repository(), reference, root, children)) {
            blobs.values().forEach(blob -> progress.blobDone(blob.digest(), blob.size(), PushProgress.BlobOutcome.EXISTED));
            return new PushResult(target.withDigest(root.digest()).toString(), root.digest(), 0, blobs.size(), 0);
        }
        AtomicInteger pushed = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        runInParallel(new ArrayList<>(blobs.values()), blob -> {
            String repository = target.repository();
            if (registry.blobExists(repository, blob)) {
                skipped.incrementAndGet();
                progress.blobDone(blob.digest(), blob.size(), PushProgress.BlobOutcome.EXISTED);
                return;
            }
            if (mountFrom != null && !mountFrom.equals(repository) && registry.mountBlob(repository, mountFrom, blob)) {
                skipped.incrementAndGet();
                progress.blobDone(blob.digest(), blob.size(), PushProgress.BlobOutcome.MOUNTED);
                return;
            }
            registry.uploadBlob(repository, blob, counter -> source.openBlob(blob, counter), progress);
            pushed.incrementAndGet();
            bytes.addAndGet(blob.size());
            progress.blobDone(blob.digest(), blob.size(), PushProgress.BlobOutcome.UPLOADED);
        });

        for (ManifestDocument child : children) {
            registry.putManifest(target.repository(), child.digest().toString(), child);
        }
        registry.putManifest(target.repository(), reference, root);
        ManifestDocument readBack = registry.getManifest(target.repository(), reference, pushScope);
        if (readBack == null) {
            throw new RegistryException("registry " + registry.registry() + " does not serve " + target.repository()
                    + ":" + reference + " right after it was pushed");
        }
        if (!readBack.digest().equals(root.digest())) {
            throw new RegistryException("registry " + registry.registry() + " serves " + target.repository() + ":"
                    + reference + " as " + readBack.digest() + " but we pushed " + root.digest()
                    + " (another push raced this one, or the registry converted the manifest)");
        }
        return new PushResult(target.withDigest(root.digest()).toString(), root.digest(), pushed.get(), skipped.get(),
                bytes.get());
    }

    private boolean alreadyServed(String repository, String reference, ManifestDocument root,
            List<ManifestDocument> children) throws IOException, InterruptedException {
        if (!root.digest().equals(registry.servedManifestDigest(repository, reference))) {
            return false;
        }
        for (ManifestDocument child : children) {
            if (!child.digest().equals(registry.servedManifestDigest(repository, child.digest().toString()))) {
                return false;
            }
        }
        return true;
    }

    private static void collectChildren(ImageSource source, ManifestDocument manifest, List<ManifestDocument> into,
            int depth) throws IOException {
        if (!manifest.isIndex()) {
            return;
        }
        if (depth >= MAX_INDEX_DEPTH) {
            throw new io.jenkins.plugins.securepipeline.image.InvalidImageException(source.describe()
                    + ": image indexes nested deeper than " + MAX_INDEX_DEPTH + " levels");
        }
        for (Descriptor descriptor : manifest.manifests()) {
            ManifestDocument child = source.manifest(descriptor);
            // Nested children first: a registry accepts an index only once its children exist.
            collectChildren(source, child, into, depth + 1);
            into.add(child);
        }
    }

    @FunctionalInterface
    private interface BlobTask {
        void run(Descriptor blob) throws IOException, InterruptedException;
    }

    private void runInParallel(List<Descriptor> blobs, BlobTask task) throws IOException, InterruptedException {
        if (blobs.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, blobs.size()), runnable -> {
            Thread thread = new Thread(runnable, "image-push-blob");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (Descriptor blob : blobs) {
                futures.add(pool.submit(() -> {
                    task.run(blob);
                    return null;
                }));
            }
            for (Future<Void> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    // First failure wins; the others are cancelled so nothing keeps uploading in the background.
                    futures.forEach(other -> other.cancel(true));
                    Throwable cause = e.getCause();
                    if (cause instanceof IOException) {
                        throw (IOException) cause;
                    }
                    if (cause instanceof InterruptedException) {
                        throw (InterruptedException) cause;
                    }
                    if (cause instanceof RuntimeException) {
                        throw (RuntimeException) cause;
                    }
                    throw new IOException(cause);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
