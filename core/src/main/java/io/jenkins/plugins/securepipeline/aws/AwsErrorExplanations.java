package io.jenkins.plugins.securepipeline.aws;

import java.util.Map;

/**
 * What each STS and IAM Roles Anywhere error code means for someone running a pipeline, and where to look. The
 * AWS messages are terse ("Not authorized to perform sts:AssumeRole"); these say which of the usual causes to check.
 */
final class AwsErrorExplanations {
    record Explanation(String problem, String whatToCheck) {}

    private static final Explanation THROTTLED = new Explanation(
            "AWS throttled the call and it still failed after the configured retries",
            "many builds assuming roles at once in this account; reuse sessions (renewal) instead of assuming per step, "
                    + "or raise the retry attempts");

    private static final Map<String, Explanation> BY_CODE = Map.ofEntries(
            Map.entry("AccessDenied", new Explanation(
                    "the caller is not allowed to assume this role",
                    "the role's trust policy names the calling principal and allows sts:AssumeRole; "
                            + "sts:TagSession is allowed when session tags are sent; sts:SetSourceIdentity when a source "
                            + "identity is sent; the sts:ExternalId condition matches the external ID; the caller's own "
                            + "IAM policy allows sts:AssumeRole on the role ARN; no SCP or permissions boundary denies it; "
                            + "MFA conditions cannot be met by a build")),
            Map.entry("AccessDeniedException", new Explanation(
                    "IAM Roles Anywhere refused the certificate or the role",
                    "the certificate chains to the trust anchor's CA and is within its validity; the trust anchor and "
                            + "profile are enabled; the role is listed in the profile; the role's trust policy trusts "
                            + "rolesanywhere.amazonaws.com for sts:AssumeRole, sts:TagSession and sts:SetSourceIdentity "
                            + "(and its conditions match the certificate's subject)")),
            Map.entry("MalformedPolicyDocument", new Explanation(
                    "the session policy is not a valid IAM policy",
                    "the inline policy's grammar (Version, Statement, Effect, Action, Resource) and that every managed "
                            + "policy ARN exists")),
            Map.entry("PackedPolicyTooLarge", new Explanation(
                    "session tags and session policies together exceed the STS packed size limit",
                    "send fewer or shorter session tags, or a shorter session policy / fewer managed policy ARNs")),
            Map.entry("RegionDisabledException", new Explanation(
                    "STS is not activated in this region for the account",
                    "IAM > Account settings > Security Token Service (STS) endpoints: activate the region, or use a "
                            + "region that is active")),
            Map.entry("ExpiredToken", new Explanation(
                    "the credentials or token used to call AWS have expired",
                    "the source credentials' session token or web identity token lifetime; renew them before calling; "
                            + "the clock of the machine making the call")),
            Map.entry("ExpiredTokenException", new Explanation(
                    "the credentials or token used to call AWS have expired",
                    "the source credentials' session token lifetime; the clock of the machine making the call")),
            Map.entry("ValidationError", new Explanation(
                    "STS refused a parameter",
                    "the requested duration against the role's MaxSessionDuration (IAM role settings) and the 1-hour "
                            + "cap for role chaining; session name, tag and policy formats")),
            Map.entry("ValidationException", new Explanation(
                    "IAM Roles Anywhere refused a parameter",
                    "the duration against the profile's duration setting; the trust anchor, profile and role ARNs are "
                            + "in this region and account")),
            Map.entry("ResourceNotFoundException", new Explanation(
                    "IAM Roles Anywhere does not know the trust anchor or profile",
                    "the trust anchor and profile ARNs, and that the region matches the one in those ARNs")),
            Map.entry("InvalidIdentityToken", new Explanation(
                    "STS did not accept the web identity token",
                    "the token's issuer is registered as an IAM OIDC identity provider in the target account; AWS can "
                            + "fetch the issuer's discovery and JWKS documents; the token has not expired; its signing key "
                            + "is in the published JWKS")),
            Map.entry("IDPRejectedClaim", new Explanation(
                    "the token's claims do not satisfy the role's trust policy",
                    "the trust policy's conditions on <issuer>:aud (sts.amazonaws.com) and <issuer>:sub (the job URL), "
                            + "and the OIDC provider's audience (client ID) list")),
            Map.entry("IDPCommunicationError", new Explanation(
                    "STS could not reach the OIDC issuer to fetch its keys",
                    "the issuer's /.well-known/openid-configuration and JWKS URLs are reachable from the internet")),
            Map.entry("InvalidClientTokenId", new Explanation(
                    "AWS does not recognise the access key or session token",
                    "the access key is active and belongs to this partition (aws, aws-cn, aws-us-gov); the region is "
                            + "enabled; session credentials have not been revoked")),
            Map.entry("UnrecognizedClientException", new Explanation(
                    "AWS does not recognise the access key or session token",
                    "the access key is active and belongs to this partition; session credentials have not been revoked")),
            Map.entry("SignatureDoesNotMatch", new Explanation(
                    "the request signature was refused",
                    "the secret key belongs to the access key; the machine's clock; a proxy that rewrites requests")),
            Map.entry("IncompleteSignature", new Explanation(
                    "the request reached AWS without a complete signature",
                    "a proxy or gateway that strips the Authorization header")),
            Map.entry("RequestExpired", new Explanation(
                    "the request was signed too long ago",
                    "the clock of the machine making the call (NTP)")),
            Map.entry("Throttling", THROTTLED),
            Map.entry("ThrottlingException", THROTTLED),
            Map.entry("RequestLimitExceeded", THROTTLED),
            Map.entry("TooManyRequestsException", THROTTLED));

    private AwsErrorExplanations() {}

    static Explanation forCode(String code) {
        Explanation explanation = code == null ? null : BY_CODE.get(code);
        if (explanation != null) {
            return explanation;
        }
        return new Explanation("AWS refused the call" + (code == null ? "" : " with " + code),
                "the AWS message below and the IAM permissions of the calling identity");
    }
}
