package io.jenkins.plugins.securepipeline.image.ecr;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The registry host of an ECR private registry: {@code <account>.dkr.ecr.<region>.amazonaws.com} (and
 * {@code .amazonaws.com.cn} in China), FIPS {@code <account>.dkr.ecr-fips.<region>.amazonaws.com}, dual-stack
 * {@code <account>.dkr-ecr.<region>.on.aws}, or an endpoint override such as a PrivateLink interface endpoint's
 * DNS name, which keeps the account and region given separately.
 */
public record EcrRegistryHost(String accountId, String region, String host) {
    public enum Variant { STANDARD, FIPS, DUAL_STACK }

    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]+");
    private static final Pattern STANDARD_HOST = Pattern.compile(
            "([0-9]{12})\\.dkr\\.ecr(-fips)?\\.([a-z]{2}(?:-[a-z]+)+-[0-9]+)\\.amazonaws\\.com(\\.cn)?");
    private static final Pattern DUAL_STACK_HOST = Pattern.compile(
            "([0-9]{12})\\.dkr-ecr\\.([a-z]{2}(?:-[a-z]+)+-[0-9]+)\\.on\\.aws");

    public static EcrRegistryHost of(String accountId, String region, Variant variant) {
        requireAccountAndRegion(accountId, region);
        String suffix = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
        switch (variant) {
            case FIPS:
                return new EcrRegistryHost(accountId, region, accountId + ".dkr.ecr-fips." + region + "." + suffix);
            case DUAL_STACK:
                return new EcrRegistryHost(accountId, region, accountId + ".dkr-ecr." + region + ".on.aws");
            default:
                return new EcrRegistryHost(accountId, region, accountId + ".dkr.ecr." + region + "." + suffix);
        }
    }

    /**
     * A registry reached through an endpoint override (PrivateLink {@code vpce-...} DNS name, a proxy): the host
     * comes from the URI, the account and region from configuration, since the host no longer says them.
     */
    public static EcrRegistryHost override(String accountId, String region, URI endpoint) {
        requireAccountAndRegion(accountId, region);
        if (endpoint.getHost() == null || !"https".equalsIgnoreCase(endpoint.getScheme())) {
            throw new IllegalArgumentException("ECR registry endpoint override must be an https:// URL with a host");
        }
        String host = endpoint.getPort() >= 0 ? endpoint.getHost() + ":" + endpoint.getPort() : endpoint.getHost();
        return new EcrRegistryHost(accountId, region, host);
    }

    /** Recognises an ECR registry host in an image reference, or returns null for any other registry. */
    public static EcrRegistryHost parse(String host) {
        Matcher standard = STANDARD_HOST.matcher(host);
        if (standard.matches()) {
            return new EcrRegistryHost(standard.group(1), standard.group(3), host);
        }
        Matcher dualStack = DUAL_STACK_HOST.matcher(host);
        if (dualStack.matches()) {
            return new EcrRegistryHost(dualStack.group(1), dualStack.group(2), host);
        }
        return null;
    }

    private static void requireAccountAndRegion(String accountId, String region) {
        if (accountId == null || !ACCOUNT.matcher(accountId).matches()) {
            throw new IllegalArgumentException("AWS account ID must be 12 digits");
        }
        if (region == null || !REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("not an AWS region name: " + region);
        }
    }
}
