package io.jenkins.plugins.securepipeline.benchmarks;

import io.jenkins.plugins.securepipeline.image.ImageReference;
import io.jenkins.plugins.securepipeline.image.ImageSource;
import io.jenkins.plugins.securepipeline.image.SourceSpec;
import io.jenkins.plugins.securepipeline.image.registry.ImagePusher;
import io.jenkins.plugins.securepipeline.image.registry.PushResult;
import io.jenkins.plugins.securepipeline.image.registry.RegistryClient;
import io.jenkins.plugins.securepipeline.image.registry.RegistryCredentials;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The push engine's own time, without JVM start-up: pushes an image, then pushes it again unchanged, in one JVM.
 * Used by benchmarks/scripts/push-image.sh next to the whole-process figures.
 *
 * <p>Arguments: SOURCE TARGET USER PASSWORD_FILE (plain HTTP, a local test registry).
 */
public final class PushImageInProcess {
    private PushImageInProcess() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: PushImageInProcess SOURCE HOST:PORT/REPO:TAG USER PASSWORD_FILE");
            System.exit(2);
        }
        String password = Files.readString(Path.of(args[3]), StandardCharsets.UTF_8).trim();
        RegistryCredentials credentials = new RegistryCredentials(args[2], password.toCharArray());
        ImageReference target = ImageReference.parse(args[1], "target");
        RegistryClient registry = new RegistryClient(target.registry(), true, credentials, RegistryClient.newHttpClient());
        for (String run : new String[] {"first", "re-push"}) {
            long start = System.nanoTime();
            PushResult result;
            try (ImageSource source = SourceSpec.parse(args[0]).open()) {
                result = new ImagePusher(registry, ImagePusher.DEFAULT_PARALLELISM, null).push(source, target, null);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println(run + " " + millis + " ms, " + result.blobsPushed() + " blobs pushed, "
                    + result.blobsSkipped() + " skipped, " + result.digest());
        }
    }
}
