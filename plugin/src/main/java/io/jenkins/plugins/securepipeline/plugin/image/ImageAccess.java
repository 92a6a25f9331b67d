package io.jenkins.plugins.securepipeline.plugin.image;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Run;
import io.jenkins.plugins.securepipeline.image.ImageReference;
import io.jenkins.plugins.securepipeline.image.ecr.EcrAuthorization;
import io.jenkins.plugins.securepipeline.image.ecr.EcrRegistryHost;
import io.jenkins.plugins.securepipeline.image.ecr.EcrRepositoryCheck;
import io.jenkins.plugins.securepipeline.image.registry.RegistryClient;
import io.jenkins.plugins.securepipeline.image.registry.RegistryCredentials;
import io.jenkins.plugins.securepipeline.plugin.role.AwsRoleSession;
import io.jenkins.plugins.securepipeline.plugin.role.ControllerAws;
import io.jenkins.plugins.securepipeline.plugin.role.CredentialLookup;
import io.jenkins.plugins.securepipeline.plugin.role.StepAwsCredentials;
import io.jenkins.plugins.securepipeline.role.AwsPurpose;
import java.io.IOException;
import java.time.Clock;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.ecr.EcrClient;

/**
 * How the image steps reach a registry from the controller: ECR with AWS credentials from {@link StepAwsCredentials}
 * (the enclosing {@code assumeCrossAccountRole} session, or the controller's identity where an administrator's rule
 * grants it); registries other than ECR with a username/password credential, or anonymously.
 */
final class ImageAccess {
    private ImageAccess() {}

    static String region(AwsRoleSession session, EcrRegistryHost ecr) {
        if (ecr != null) {
            return ecr.region();
        }
        return session != null ? session.getRegion() : null;
    }

    /**
     * @param registryCredentialsId a username/password credential for a registry that is not ECR, or null
     * @return a client with its own HTTP client: close it when done
     */
    static RegistryClient registry(String step, ImageReference image, String registryCredentialsId, boolean plainHttp,
            AwsRoleSession session, Run<?, ?> run) throws IOException {
        return RegistryClient.withOwnHttpClient(image.registry(), plainHttp,
                credentials(step, image, registryCredentialsId, session, run), ControllerAws.proxySelector());
    }

    /** The registry credentials for {@code image}: an ECR token, a username/password credential, or null (anonymous). */
    static RegistryCredentials credentials(String step, ImageReference image, String registryCredentialsId,
            AwsRoleSession session, Run<?, ?> run) throws IOException {
        EcrRegistryHost ecr = EcrRegistryHost.parse(image.registry());
        RegistryCredentials credentials = null;
        if (ecr != null) {
            if (registryCredentialsId != null) {
                throw new IOException(image.registry() + " is an ECR registry: its credentials come from AWS "
                        + "(assumeCrossAccountRole), not from registryCredentialsId");
            }
            AwsCredentialsProvider aws = StepAwsCredentials.forStep(session, run, step, AwsPurpose.ECR, image.registry());
            try (EcrClient client = ControllerAws.clients(ecr.region()).ecr(aws)) {
                // A missing repository is reported plainly before anything is uploaded.
                new EcrRepositoryCheck(client).requireExists(ecr, image.repository());
                credentials = new EcrAuthorization(client, Clock.systemUTC()).credentials();
            }
        } else if (registryCredentialsId != null) {
            StandardUsernamePasswordCredentials login = CredentialLookup.find(registryCredentialsId,
                    StandardUsernamePasswordCredentials.class, run, "registryCredentialsId");
            char[] password = login.getPassword().getPlainText().toCharArray();
            try {
                credentials = new RegistryCredentials(login.getUsername(), password);
            } finally {
                java.util.Arrays.fill(password, '\0');
            }
        }
        return credentials;
    }
}
