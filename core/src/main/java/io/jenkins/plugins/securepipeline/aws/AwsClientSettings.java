package io.jenkins.plugins.securepipeline.aws;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How every AWS client of the product reaches AWS: region, per-service endpoint overrides (PrivateLink VPC endpoint
 * DNS names, FIPS or test endpoints), FIPS, proxy, timeouts and retry budget. One immutable value shared by the
 * STS, SSM, KMS, ECR and Roles Anywhere clients, so an admin sets networking once.
 */
public final class AwsClientSettings {
    /** Regional names only: {@code aws-global} would send STS calls to us-east-1 whatever the user meant. */
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    private static final Pattern SERVICE = Pattern.compile("[a-z0-9-]{2,40}");

    private final String region;
    private final Map<String, URI> endpointOverrides;
    private final boolean fips;
    private final ProxySettings proxy;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration callTimeout;
    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration maxBackoff;

    private AwsClientSettings(Builder builder) {
        if (builder.region == null || !REGION.matcher(builder.region).matches()) {
            throw new IllegalArgumentException("region: " + (builder.region == null ? "required" : "'" + builder.region
                    + "' is not an AWS region name") + "; give the region of the target, e.g. eu-west-1 (regional STS endpoints are used)");
        }
        this.region = builder.region;
        this.endpointOverrides = Map.copyOf(builder.endpointOverrides);
        this.fips = builder.fips;
        this.proxy = builder.proxy;
        this.connectTimeout = positive("connectTimeout", builder.connectTimeout);
        this.readTimeout = positive("readTimeout", builder.readTimeout);
        this.callTimeout = positive("callTimeout", builder.callTimeout);
        if (builder.maxAttempts < 1 || builder.maxAttempts > 20) {
            throw new IllegalArgumentException("maxAttempts: must be 1..20, was " + builder.maxAttempts);
        }
        this.maxAttempts = builder.maxAttempts;
        this.baseDelay = positive("baseDelay", builder.baseDelay);
        this.maxBackoff = positive("maxBackoff", builder.maxBackoff);
    }

    public static Builder builder(String region) {
        return new Builder(region);
    }

    public String region() {
        return region;
    }

    /** The override for a service by its signing name ({@code sts}, {@code rolesanywhere}, {@code ecr} ...). */
    public Optional<URI> endpointOverride(String service) {
        return Optional.ofNullable(endpointOverrides.get(service));
    }

    public boolean fips() {
        return fips;
    }

    public Optional<ProxySettings> proxy() {
        return Optional.ofNullable(proxy);
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    /** The most one API call may take, every retry and backoff included (SDK {@code apiCallTimeout}). */
    public Duration callTimeout() {
        return callTimeout;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration baseDelay() {
        return baseDelay;
    }

    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** The endpoint a service is reached at, for messages and for clients the SDK does not build (Roles Anywhere). */
    public URI endpoint(String service) {
        return endpointOverride(service).orElseGet(() -> URI.create("https://" + service + (fips ? "-fips." : ".") + region
                + "." + dnsSuffix()));
    }

    private String dnsSuffix() {
        return region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
    }

    public Builder toBuilder() {
        Builder builder = new Builder(region).fips(fips).proxy(proxy).connectTimeout(connectTimeout)
                .readTimeout(readTimeout).callTimeout(callTimeout).maxAttempts(maxAttempts).backoff(baseDelay, maxBackoff);
        builder.endpointOverrides.putAll(endpointOverrides);
        return builder;
    }

    @Override
    public String toString() {
        return "AwsClientSettings[region " + region + (fips ? ", FIPS" : "") + ", overrides " + endpointOverrides
                + (proxy == null ? "" : ", " + proxy) + ", connect " + connectTimeout + ", read " + readTimeout
                + ", call " + callTimeout + ", " + maxAttempts + " attempts]";
    }

    private static Duration positive(String field, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + ": must be a positive duration");
        }
        return value;
    }

    public static final class Builder {
        private final String region;
        private final Map<String, URI> endpointOverrides = new LinkedHashMap<>();
        private boolean fips;
        private ProxySettings proxy;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        // A server that answers a byte at a time defeats the read timeout; this bounds the whole call, retries included.
        private Duration callTimeout = Duration.ofMinutes(2);
        // Matches configure-aws-credentials' patience for throttled STS calls in busy accounts, in fewer tries.
        private int maxAttempts = 6;
        private Duration baseDelay = Duration.ofMillis(250);
        private Duration maxBackoff = Duration.ofSeconds(20);

        private Builder(String region) {
            this.region = region == null ? null : region.strip().toLowerCase(Locale.ROOT);
        }

        /**
         * Sends a service's calls to {@code endpoint}, e.g. {@code https://vpce-0abc-xyz.sts.eu-west-1.vpce.amazonaws.com}.
         * Plain HTTP is refused except to the loopback interface: credentials come back in the response.
         */
        public Builder endpointOverride(String service, URI endpoint) {
            if (service == null || !SERVICE.matcher(service).matches()) {
                throw new IllegalArgumentException("endpointOverride: '" + service + "' is not a service signing name such as sts");
            }
            Objects.requireNonNull(endpoint, "endpoint");
            if (endpoint.getHost() == null || endpoint.getScheme() == null) {
                throw new IllegalArgumentException("endpointOverride(" + service + "): '" + endpoint + "' must be an absolute https:// URL");
            }
            if (endpoint.getUserInfo() != null || endpoint.getRawQuery() != null || endpoint.getRawFragment() != null) {
                throw new IllegalArgumentException("endpointOverride(" + service + "): no user information, query or fragment allowed");
            }
            boolean https = "https".equalsIgnoreCase(endpoint.getScheme());
            if (!https && !("http".equalsIgnoreCase(endpoint.getScheme()) && isLoopback(endpoint.getHost()))) {
                throw new IllegalArgumentException("endpointOverride(" + service + "): '" + endpoint
                        + "' must use https (plain http is accepted for 127.0.0.1/localhost only)");
            }
            endpointOverrides.put(service, endpoint);
            return this;
        }

        public Builder fips(boolean fips) {
            this.fips = fips;
            return this;
        }

        public Builder proxy(ProxySettings proxy) {
            this.proxy = proxy;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
            return this;
        }

        /** The deadline of a whole API call, retries and backoff included. */
        public Builder callTimeout(Duration callTimeout) {
            this.callTimeout = callTimeout;
            return this;
        }

        /** Total attempts per call, the first one included. */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** Exponential backoff with full jitter: delay n is random in [0, min(maxBackoff, baseDelay * 2^n)]. */
        public Builder backoff(Duration baseDelay, Duration maxBackoff) {
            this.baseDelay = baseDelay;
            this.maxBackoff = maxBackoff;
            return this;
        }

        public AwsClientSettings build() {
            return new AwsClientSettings(this);
        }

        private static boolean isLoopback(String host) {
            if ("localhost".equalsIgnoreCase(host)) {
                return true;
            }
            // Only literal addresses: a name that resolves to loopback today may not tomorrow.
            if (!host.matches("[0-9.]+|\\[[0-9a-fA-F:]+\\]")) {
                return false;
            }
            try {
                return InetAddress.getByName(host).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
    }
}
