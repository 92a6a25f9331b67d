package io.jenkins.plugins.securepipeline.role;

import io.jenkins.plugins.securepipeline.aws.testing.AwsRequest;
import io.jenkins.plugins.securepipeline.aws.testing.AwsResponse;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** STS query-protocol answers as the service sends them, with credentials distinct per call (shared with the plugin tests). */
public final class StsAnswers {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private StsAnswers() {}

    /** Test-only credentials; the secret is long and random-looking like a real one, to exercise scrubbing. */
    public record IssuedKeys(String accessKeyId, String secretAccessKey, String sessionToken) {
        public static IssuedKeys next() {
            int n = SEQUENCE.incrementAndGet();
            return new IssuedKeys("ASIATESTKEY" + String.format("%09d", n),
                    "tEsTsEcReT" + n + "Kq7Zp3Wm9Xv2Lr8Nc4Hd6Fj1Gb5Ts0Ya" + n,
                    "FwoGZXIvYXdzEtestSessionToken" + n + "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789");
        }
    }

    public static AwsResponse assumeRole(AwsRequest request, IssuedKeys keys, Instant expiration) {
        String session = request.formParameters().get("RoleSessionName");
        String role = request.formParameters().get("RoleArn");
        String roleName = role.substring(role.lastIndexOf('/') + 1);
        String account = role.split(":")[4];
        String result = "<AssumedRoleUser><Arn>arn:aws:sts::" + account + ":assumed-role/" + roleName + "/" + session
                + "</Arn><AssumedRoleId>AROATESTROLEID:" + session + "</AssumedRoleId></AssumedRoleUser>"
                + credentials(keys, expiration) + "<PackedPolicySize>7</PackedPolicySize>";
        String action = request.operation();
        return AwsResponse.xml("<" + action + "Response xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><" + action
                + "Result>" + result + "</" + action + "Result><ResponseMetadata><RequestId>r-1</RequestId>"
                + "</ResponseMetadata></" + action + "Response>");
    }

    private static String credentials(IssuedKeys keys, Instant expiration) {
        return "<Credentials><AccessKeyId>" + keys.accessKeyId() + "</AccessKeyId><SecretAccessKey>"
                + keys.secretAccessKey() + "</SecretAccessKey><SessionToken>" + keys.sessionToken()
                + "</SessionToken><Expiration>" + expiration + "</Expiration></Credentials>";
    }
}
