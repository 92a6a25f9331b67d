package io.jenkins.plugins.securepipeline.template.rules;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The oldest TLS version each named security policy accepts, from the AWS documentation of Elastic Load Balancing
 * and CloudFront security policies. Judged by what a policy allows, not by words in its name: a policy called
 * {@code ...TLS13-1-0...} offers TLS 1.3 and still accepts TLS 1.0.
 */
final class TlsPolicies {
    /** Oldest version accepted, as tenths: 30 for SSL 3.0, 10 for TLS 1.0, 12 for TLS 1.2. */
    static final int TLS_1_2 = 12;

    private static final Map<String, Integer> LOAD_BALANCER = Map.ofEntries(
            Map.entry("ELBSecurityPolicy-2015-05", 10),
            Map.entry("ELBSecurityPolicy-2016-08", 10),
            Map.entry("ELBSecurityPolicy-TLS-1-0-2015-04", 10),
            Map.entry("ELBSecurityPolicy-FS-2018-06", 10),
            Map.entry("ELBSecurityPolicy-TLS-1-1-2017-01", 11),
            Map.entry("ELBSecurityPolicy-FS-1-1-2019-08", 11),
            Map.entry("ELBSecurityPolicy-TLS-1-2-2017-01", 12),
            Map.entry("ELBSecurityPolicy-TLS-1-2-Ext-2018-06", 12),
            Map.entry("ELBSecurityPolicy-FS-1-2-2019-08", 12),
            Map.entry("ELBSecurityPolicy-FS-1-2-Res-2019-08", 12),
            Map.entry("ELBSecurityPolicy-FS-1-2-Res-2020-10", 12));

    /**
     * The TLS 1.3 family is named by a fixed scheme, {@code ELBSecurityPolicy-TLS13-<major>-<minor>-<variant>-<date>},
     * whose version field is the oldest accepted version (TLS13-1-0-2021-06 accepts TLS 1.0). The field is read at
     * its place in the name, never searched for.
     */
    private static final Pattern TLS13_FAMILY = Pattern.compile("ELBSecurityPolicy-TLS13-1-([0-3])-[A-Za-z0-9-]*\\d{4}-\\d{2}");

    private static final Map<String, Integer> CLOUDFRONT = Map.of(
            "SSLv3", 3, "TLSv1", 10, "TLSv1_2016", 10, "TLSv1.1_2016", 11, "TLSv1.2_2018", 12, "TLSv1.2_2019", 12,
            "TLSv1.2_2021", 12, "TLSv1.2_2025", 12, "TLSv1.3_2025", 13);

    private TlsPolicies() {}

    /** Oldest version a load balancer policy accepts, or null for a name not known here. */
    static Integer loadBalancerMinimum(String policy) {
        String name = policy.trim();
        Integer known = LOAD_BALANCER.get(name);
        if (known != null) {
            return known;
        }
        Matcher tls13 = TLS13_FAMILY.matcher(name);
        return tls13.matches() ? 10 + Integer.parseInt(tls13.group(1)) : null;
    }

    /** Oldest version a CloudFront MinimumProtocolVersion accepts, or null for a value not known here. */
    static Integer cloudFrontMinimum(String version) {
        return CLOUDFRONT.get(version.trim());
    }

    static String describe(int tenths) {
        return tenths == 3 ? "SSL 3.0" : "TLS 1." + (tenths - 10);
    }
}
