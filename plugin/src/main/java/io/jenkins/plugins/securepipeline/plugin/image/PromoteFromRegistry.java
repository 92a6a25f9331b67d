package io.jenkins.plugins.securepipeline.plugin.image;

import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.securepipeline.image.ImageReference;
import io.jenkins.plugins.securepipeline.image.publish.ImagePromotion;
import io.jenkins.plugins.securepipeline.image.registry.ImagePusher;
import io.jenkins.plugins.securepipeline.image.registry.PushProgress;
import io.jenkins.plugins.securepipeline.image.registry.RegistryClient;
import io.jenkins.plugins.securepipeline.image.registry.RegistryCredentials;
import java.io.File;
import java.io.IOException;
import java.net.ProxySelector;
import java.util.Arrays;
import jenkins.MasterToSlaveFileCallable;

/**
 * Promotion by digest ({@code registry:HOST/REPO@sha256:...}), run on the build's node like a push: blobs go from
 * the source registry to the target (mounted when both are the same registry) with the manifest bytes preserved,
 * the existing signatures are copied along, and the digest must come out unchanged. JDK-only engine classes.
 */
final class PromoteFromRegistry extends MasterToSlaveFileCallable<PushFromWorkspace.Pushed> {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String target;
    private final boolean plainHttp;
    private final String sourceUser;
    private final char[] sourcePassword;
    private final String targetUser;
    private final char[] targetPassword;
    private final int parallelism;

    PromoteFromRegistry(String source, RegistryCredentials sourceCredentials, String target,
            RegistryCredentials targetCredentials, boolean plainHttp, int parallelism) {
        this.source = source;
        this.target = target;
        this.plainHttp = plainHttp;
        this.sourceUser = sourceCredentials == null ? null : sourceCredentials.username();
        this.sourcePassword = sourceCredentials == null ? null : sourceCredentials.passwordCopy();
        this.targetUser = targetCredentials == null ? null : targetCredentials.username();
        this.targetPassword = targetCredentials == null ? null : targetCredentials.passwordCopy();
        this.parallelism = parallelism;
    }

    @Override
    public PushFromWorkspace.Pushed invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        ImageReference from = ImageReference.parse(source, "source");
        ImageReference to = ImageReference.parse(target, "target");
        try (RegistryClient sourceRegistry = client(from, sourceUser, sourcePassword);
                RegistryClient targetRegistry = client(to, targetUser, targetPassword)) {
            ImagePromotion.Promoted promoted = new ImagePromotion(sourceRegistry, targetRegistry,
                    new ImagePusher(targetRegistry, parallelism, PushProgress.NONE)).copy(from, to);
            return new PushFromWorkspace.Pushed(promoted.push().reference(), promoted.push().digest().toString(),
                    promoted.push().blobsPushed(), promoted.push().blobsSkipped(), promoted.push().bytesPushed());
        }
    }

    private RegistryClient client(ImageReference image, String user, char[] password) {
        RegistryCredentials credentials = null;
        if (user != null) {
            credentials = new RegistryCredentials(user, password);
            Arrays.fill(password, '\0');
        }
        return RegistryClient.withOwnHttpClient(image.registry(), plainHttp, credentials, ProxySelector.getDefault());
    }
}
