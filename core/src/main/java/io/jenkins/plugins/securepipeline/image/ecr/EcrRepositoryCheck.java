package io.jenkins.plugins.securepipeline.image.ecr;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.DescribeRepositoriesResponse;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;

/**
 * Checks that the target repository exists before anything is pushed: a push to a missing ECR repository fails with
 * errors most clients retry without saying why. Also reports the tag mutability, which decides whether cosign's
 * {@code .sig} tag can be updated.
 */
public final class EcrRepositoryCheck {
    private final EcrClient ecr;

    public EcrRepositoryCheck(EcrClient ecr) {
        this.ecr = ecr;
    }

    /** The repository as ECR describes it. */
    public record RepositoryInfo(String name, String uri, ImageTagMutability tagMutability, boolean sigTagsExcluded) {
        /** True when signing would fail on the second signature for the same digest (or on re-signing). */
        public boolean blocksSignatureTags() {
            return (tagMutability == ImageTagMutability.IMMUTABLE)
                    || (tagMutability == ImageTagMutability.IMMUTABLE_WITH_EXCLUSION && !sigTagsExcluded);
        }
    }

    public RepositoryInfo requireExists(EcrRegistryHost registry, String repositoryName) throws EcrException {
        DescribeRepositoriesResponse response;
        try {
            response = ecr.describeRepositories(request -> request.registryId(registry.accountId())
                    .repositoryNames(repositoryName));
        } catch (RepositoryNotFoundException e) {
            throw new EcrException("ECR repository '" + repositoryName + "' does not exist in account "
                    + registry.accountId() + " (" + registry.region() + "). Create it first, e.g. 'aws ecr "
                    + "create-repository --repository-name " + repositoryName + " --region " + registry.region()
                    + "', or fix the target name; nothing was pushed.");
        } catch (SdkException e) {
            throw EcrException.from("DescribeRepositories", e);
        }
        if (!response.hasRepositories() || response.repositories().isEmpty()) {
            throw new EcrException("ECR DescribeRepositories returned no repository named '" + repositoryName + "'");
        }
        Repository repository = response.repositories().get(0);
        boolean excluded = repository.hasImageTagMutabilityExclusionFilters()
                && repository.imageTagMutabilityExclusionFilters().stream().anyMatch(filter ->
                        filter.filter() != null && matchesWildcard(filter.filter(), "sha256-" + "0".repeat(64) + ".sig"));
        return new RepositoryInfo(repository.repositoryName(), repository.repositoryUri(),
                repository.imageTagMutability(), excluded);
    }

    /** ECR's exclusion filters are wildcards where {@code *} matches any run of characters. */
    static boolean matchesWildcard(String pattern, String tag) {
        String regex = ("\\Q" + pattern.replace("*", "\\E.*\\Q") + "\\E");
        return tag.matches(regex);
    }
}
