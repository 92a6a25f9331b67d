package io.jenkins.plugins.securepipeline.aws.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/** The fixture must accept what the real SDK signs and refuse everything else, or every test built on it lies. */
class LocalAwsEndpointTest {
    private static final String CALLER_IDENTITY = "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
            + "<GetCallerIdentityResult><Arn>arn:aws:iam::111122223333:user/test</Arn><UserId>AIDTEST</UserId>"
            + "<Account>111122223333</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>r</RequestId>"
            + "</ResponseMetadata></GetCallerIdentityResponse>";

    private static StsClient sts(LocalAwsEndpoint endpoint, StaticCredentialsProvider credentials, String region) {
        return StsClient.builder()
                .endpointOverride(endpoint.uri())
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .httpClient(ApacheHttpClient.create())
                .build();
    }

    @Test
    void acceptsTheSdksSigV4SignatureAndDispatchesTheOperation() {
        try (LocalAwsEndpoint endpoint = LocalAwsEndpoint.start("sts", "eu-west-1")) {
            endpoint.handler(request -> AwsResponse.xml(CALLER_IDENTITY));
            try (StsClient sts = sts(endpoint, (StaticCredentialsProvider) endpoint.credentialsProvider(), "eu-west-1")) {
                GetCallerIdentityResponse identity = sts.getCallerIdentity();
                assertThat(identity.account()).isEqualTo("111122223333");
            }
            assertThat(endpoint.requests()).singleElement().satisfies(request -> {
                assertThat(request.operation()).isEqualTo("GetCallerIdentity");
                assertThat(request.accessKeyId()).isEqualTo(LocalAwsEndpoint.ACCESS_KEY_ID);
            });
            assertThat(endpoint.rejected()).isEmpty();
        }
    }

    @Test
    void refusesAWrongSecretWithSignatureDoesNotMatch() {
        try (LocalAwsEndpoint endpoint = LocalAwsEndpoint.start("sts", "eu-west-1")) {
            endpoint.handler(request -> AwsResponse.xml(CALLER_IDENTITY));
            StaticCredentialsProvider wrong = StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(LocalAwsEndpoint.ACCESS_KEY_ID, "not-the-secret"));
            try (StsClient sts = sts(endpoint, wrong, "eu-west-1")) {
                assertThatThrownBy(sts::getCallerIdentity)
                        .isInstanceOf(StsException.class)
                        .satisfies(e -> assertThat(((StsException) e).awsErrorDetails().errorCode())
                                .isEqualTo("SignatureDoesNotMatch"));
            }
            assertThat(endpoint.requests()).isEmpty();
            assertThat(endpoint.rejected()).isNotEmpty();
        }
    }

    @Test
    void refusesASignatureScopedToAnotherRegion() {
        try (LocalAwsEndpoint endpoint = LocalAwsEndpoint.start("sts", "eu-west-1")) {
            try (StsClient sts = sts(endpoint, (StaticCredentialsProvider) endpoint.credentialsProvider(), "us-east-1")) {
                assertThatThrownBy(sts::getCallerIdentity).isInstanceOf(StsException.class);
            }
            assertThat(endpoint.requests()).isEmpty();
        }
    }

    @Test
    void refusesAnUnsignedRequest() throws Exception {
        try (LocalAwsEndpoint endpoint = LocalAwsEndpoint.start("ssm", "eu-west-1")) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(endpoint.uri() + "/"))
                            .header("X-Amz-Target", "AmazonSSM.GetCalendarState")
                            .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("IncompleteSignature");
            assertThat(endpoint.requests()).isEmpty();
        }
    }

    @Test
    void jsonProtocolClientsAreVerifiedToo() {
        try (LocalAwsEndpoint endpoint = LocalAwsEndpoint.start("ssm", "eu-west-1")) {
            endpoint.handler(request -> AwsResponse.json("{\"State\":\"OPEN\",\"AtTime\":\"2026-11-23T10:00:00Z\"}"));
            try (SsmClient ssm = SsmClient.builder().endpointOverride(endpoint.uri()).region(Region.EU_WEST_1)
                    .credentialsProvider(endpoint.credentialsProvider()).httpClient(ApacheHttpClient.create()).build()) {
                assertThat(ssm.getCalendarState(b -> b.calendarNames("freeze")).stateAsString()).isEqualTo("OPEN");
            }
            assertThat(endpoint.requests()).singleElement()
                    .satisfies(request -> assertThat(request.bodyText()).contains("\"CalendarNames\":[\"freeze\"]"));
        }
    }

    @Test
    void stsAcceptsUnsignedWebIdentityCallsOnlyAndStillRefusesOtherUnsignedActions() throws Exception {
        try (LocalAwsEndpoint endpoint = LocalAwsEndpoint.start("sts", "eu-west-1")) {
            endpoint.handler(request -> AwsResponse.xml("<ok/>"));
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> webIdentity = http.send(HttpRequest.newBuilder(URI.create(endpoint.uri() + "/"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("Action=AssumeRoleWithWebIdentity&Version=2011-06-15")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(webIdentity.statusCode()).isEqualTo(200);
            HttpResponse<String> assumeRole = http.send(HttpRequest.newBuilder(URI.create(endpoint.uri() + "/"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("Action=AssumeRole&Version=2011-06-15")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(assumeRole.statusCode()).isEqualTo(403);
            assertThat(endpoint.requests()).singleElement().satisfies(r -> assertThat(r.operation()).isEqualTo("AssumeRoleWithWebIdentity"));
        }
    }
}
