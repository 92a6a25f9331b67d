package io.jenkins.plugins.securepipeline.template.rules;

import java.util.Locale;
import java.util.Set;

/**
 * IAM action names and wildcards. Knows the actions for which AWS supports no resource-level permission, so
 * {@code Resource: "*"} is the only possible value (the peers' best-known false positive).
 */
public final class ActionPattern {
    /**
     * Actions (lower case, may end in *) that only accept Resource "*", from the AWS service authorization
     * reference. Incomplete by nature: an action missing here is reported, which errs on the safe side.
     */
    private static final Set<String> RESOURCE_STAR_ONLY = Set.of(
            "ec2:describe*", "autoscaling:describe*", "elasticloadbalancing:describe*", "cloudwatch:putmetricdata",
            "cloudwatch:getmetricdata", "cloudwatch:getmetricstatistics", "cloudwatch:listmetrics",
            "logs:describeloggroups", "logs:describedestinations", "logs:describeexporttasks",
            "xray:puttracesegments", "xray:puttelemetryrecords", "xray:getsamplingrules",
            "xray:getsamplingtargets", "xray:getsamplingstatisticsummaries", "ecr:getauthorizationtoken",
            "sts:getcalleridentity", "s3:listallmybuckets", "iam:listroles", "iam:listpolicies", "iam:listusers",
            "iam:listgroups", "iam:getaccountsummary", "iam:getaccountpasswordpolicy", "iam:listaccountaliases",
            "kms:createkey", "kms:listkeys", "kms:listaliases", "kms:generaterandom", "sns:listtopics",
            "sqs:listqueues", "lambda:listfunctions", "lambda:listlayers", "dynamodb:listtables",
            "ssm:describeparameters", "secretsmanager:getrandompassword", "secretsmanager:listsecrets",
            "tag:getresources", "tag:gettagkeys", "tag:gettagvalues", "route53:listhostedzones",
            "cloudformation:liststacks", "cloudformation:validatetemplate", "ecs:listclusters",
            "ecs:createcluster", "ecs:registertaskdefinition", "ecs:deregistertaskdefinition",
            "ecs:describetaskdefinition", "ecs:listtaskdefinitions", "acm:listcertificates",
            "cloudtrail:describetrails", "cloudtrail:lookupevents", "es:listdomainnames",
            "codebuild:listprojects", "states:liststatemachines", "rds:describedbengineversions",
            "organizations:describeorganization", "ec2:createnetworkinterfacepermission");

    private ActionPattern() {}

    /**
     * True for {@code "*"} and for a whole service ({@code "rds:*"}, {@code "s3:*"}, {@code "*:*"}): an action
     * pattern that grants every action there is, or every action of a service, including ones added later.
     */
    public static boolean isWildcard(String action) {
        String trimmed = action.trim();
        return trimmed.equals("*") || trimmed.matches("[A-Za-z0-9*-]+:\\*+");
    }

    /** True when the policy action (which may itself contain wildcards) covers the given action. */
    public static boolean covers(String pattern, String action) {
        return wildcardMatch(pattern.toLowerCase(Locale.ROOT), action.toLowerCase(Locale.ROOT));
    }

    /** True when every action the pattern grants only ever accepts Resource "*". */
    public static boolean acceptsOnlyResourceStar(String action) {
        String lower = action.toLowerCase(Locale.ROOT);
        for (String known : RESOURCE_STAR_ONLY) {
            // The known entry must cover the whole pattern: "ec2:describe*" covers "ec2:DescribeVpcs" and itself.
            if (wildcardMatch(known, lower)) {
                return true;
            }
        }
        return false;
    }

    private static boolean wildcardMatch(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int mark = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
