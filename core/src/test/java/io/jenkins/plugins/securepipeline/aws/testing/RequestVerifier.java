package io.jenkins.plugins.securepipeline.aws.testing;

import java.util.Optional;

/** Decides whether a request may reach the handler; a non-empty answer is sent back instead. */
@FunctionalInterface
public interface RequestVerifier {
    Optional<AwsResponse> reject(AwsRequest request);
}
