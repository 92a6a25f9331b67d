package io.jenkins.plugins.securepipeline.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AwsFailureTest {
    @Test
    void everyDocumentedStsAndRolesAnywhereCodeHasASpecificExplanation() {
        for (String code : new String[] {"AccessDenied", "MalformedPolicyDocument", "PackedPolicyTooLarge",
                "RegionDisabledException", "ExpiredToken", "ValidationError", "InvalidIdentityToken", "IDPRejectedClaim",
                "IDPCommunicationError", "InvalidClientTokenId", "AccessDeniedException", "ValidationException",
                "ResourceNotFoundException", "Throttling", "ThrottlingException"}) {
            AwsFailure failure = AwsFailure.fromService("STS", "AssumeRole", code, 400, "m");
            assertThat(failure.problem()).as(code).doesNotStartWith("AWS refused the call");
        }
        assertThat(AwsFailure.fromService("STS", "AssumeRole", "SomethingNew", 400, "m").problem())
                .isEqualTo("AWS refused the call with SomethingNew");
    }

    @Test
    void messagesLoseTokensKeysAndPemButKeepArns() {
        String message = "token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.sig and key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY "
                + "for arn:aws:iam::111122223333:role/team/deployment-role-for-production-accounts "
                + "-----BEGIN PRIVATE KEY-----\nMIIEv\n-----END PRIVATE KEY-----";
        String scrubbed = AwsFailure.scrub(message);
        assertThat(scrubbed).doesNotContain("eyJ").doesNotContain("wJalrXUtnFEMI").doesNotContain("MIIEv")
                .contains("arn:aws:iam::111122223333:role/team/deployment-role-for-production-accounts")
                .contains("[token removed]").contains("[opaque value removed]").contains("[PEM removed]");
    }

    @Test
    void longMessagesAreCutAndFlattened() {
        String scrubbed = AwsFailure.scrub("line one\nline two " + "word ".repeat(200));
        assertThat(scrubbed).doesNotContain("\n").hasSizeLessThanOrEqualTo(403).endsWith("...");
    }

    @Test
    void describeSaysWhatFailedWhatItMeansAndWhatToCheck() {
        String text = AwsFailure.fromService("STS", "AssumeRole", "RegionDisabledException", 403, "STS is not activated").describe();
        assertThat(text).startsWith("STS AssumeRole failed (RegionDisabledException, HTTP 403): STS is not activated in this region")
                .contains("\nCheck: IAM > Account settings").endsWith("\nAWS said: STS is not activated");
    }

    @Test
    void missingSourceCredentialsAreNotCalledANetworkProblem() {
        AwsFailure failure = AwsFailure.of("STS", "AssumeRole", software.amazon.awssdk.core.exception.SdkClientException
                .create("Unable to load credentials from any of the providers in the chain"));
        assertThat(failure.refusedByService()).isFalse();
        assertThat(failure.describe()).contains("no AWS credentials were found").contains("default chain")
                .doesNotContain("could not reach");
    }

    @Test
    void connectionFailuresSayWhereToLook() {
        AwsFailure failure = AwsFailure.of("STS", "AssumeRole", software.amazon.awssdk.core.exception.SdkClientException
                .create("Unable to execute HTTP request: Connect to sts.eu-west-1.amazonaws.com:443 failed"));
        assertThat(failure.describe()).startsWith("STS AssumeRole failed: could not reach STS").contains("proxy").contains("Cause: Unable to execute");
    }
}
