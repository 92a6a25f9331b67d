package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A REST API stage with no AWS::WAFv2::WebACLAssociation in the template, so requests reach the API without a web
 * ACL's filtering. Low, like the AppSync and CloudFront WAF rules.
 *
 * <p>The association's ResourceArn is a stage ARN ({@code arn:aws:apigateway:REGION::/restapis/API/stages/STAGE}),
 * nearly always written with Fn::Sub or Fn::Join, which evaluates to an unknown value; the rule therefore reads it
 * as written. An association counts for this stage when its ResourceArn refers to the stage resource, or to the
 * stage's REST API together with the stage's name; a literal ARN counts when its API ID and stage name match. An
 * association whose ResourceArn refers to no resource of the template (a parameter, an import) could be any stage
 * and lets every stage pass.
 *
 * <p>Same idea as cdk-nag's AwsSolutions-APIG3 (which matches the API and the stage's logical ID or name in the
 * association's ResourceArn); deliberate differences: the unknown-ARN case above passes, and a literal ARN is
 * compared by its parts rather than searched by a regular expression. Like cdk-nag, stages created implicitly by
 * an AWS::ApiGateway::Deployment with StageName are not looked at.
 */
public final class ApiGatewayStageWafRule extends TemplateRule {
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");
    private static final Pattern STAGE_ARN = Pattern.compile("/restapis/([^/]+)/stages/([^/]+)$");

    public ApiGatewayStageWafRule() {
        super("ASP-APIG-012", Severity.LOW, "API Gateway REST stage not protected by WAF",
                "Associate an AWS::WAFv2::WebACL with the stage through an AWS::WAFv2::WebACLAssociation whose"
                        + " ResourceArn is the stage ARN.",
                types("AWS::ApiGateway::Stage"), refs("AwsSolutions-APIG3"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        if (resource.properties().isUnknown()) {
            return;
        }
        TemplateNode api = resource.property("RestApiId");
        TemplateNode name = resource.property("StageName");
        for (Resource association : template.resourcesOfType("AWS::WAFv2::WebACLAssociation")) {
            if (mayProtect(association, resource, api, name, template)) {
                return;
            }
        }
        out.report(null, "No WAF web ACL is associated with this stage");
    }

    private static boolean mayProtect(Resource association, Resource stage, TemplateNode api, TemplateNode name,
            TemplateContext template) {
        TemplateNode arn = association.property("ResourceArn");
        if (arn == null) {
            return false;
        }
        if (arn.isScalar()) {
            Matcher parts = STAGE_ARN.matcher(arn.text().trim());
            return parts.find() && matches(api, parts.group(1)) && matches(name, parts.group(2));
        }
        TemplateNode written = association.raw().path("Properties", "ResourceArn");
        Set<String> referred = new HashSet<>();
        StringBuilder text = new StringBuilder();
        collect(written, referred, text);
        referred.removeIf(id -> template.resource(id) == null);
        if (referred.isEmpty()) {
            return true; // a parameter or an import: it could be this stage
        }
        if (referred.contains(stage.logicalId())) {
            return true;
        }
        String apiId = ResourceLinks.target(api);
        boolean sameApi = apiId == null || referred.contains(apiId);
        return sameApi && (name == null || !name.isScalar() || mentions(text.toString(), name.text().trim()));
    }

    /** A literal part of an ARN matches a stage property that is the same text or cannot be known. */
    private static boolean matches(TemplateNode property, String part) {
        return property == null || !property.isScalar() || property.text().trim().equals(part);
    }

    private static boolean mentions(String text, String word) {
        return Pattern.compile("(?<![\\w-])" + Pattern.quote(word) + "(?![\\w-])").matcher(text).find();
    }

    /** The logical IDs the value refers to (Ref, GetAtt, Fn::Sub variables) and all of its text. */
    private static void collect(TemplateNode node, Set<String> referred, StringBuilder text) {
        if (node == null) {
            return;
        }
        if (node.isScalar()) {
            text.append(node.text()).append(' ');
            return;
        }
        String key = node.singleKey();
        TemplateNode argument = key == null ? null : node.get(key);
        if ("Ref".equals(key) && argument.isScalar()) {
            referred.add(argument.text());
            return;
        }
        if ("Fn::GetAtt".equals(key)) {
            String target = argument.isList() && !argument.items().isEmpty() ? argument.items().get(0).asText()
                    : argument.asText();
            if (target != null) {
                referred.add(target.split("\\.", 2)[0]);
            }
            return;
        }
        if ("Fn::Sub".equals(key)) {
            TemplateNode pattern = argument.isList() && !argument.items().isEmpty() ? argument.items().get(0) : argument;
            if (pattern.isScalar()) {
                Matcher variables = SUB_VARIABLE.matcher(pattern.text());
                while (variables.find()) {
                    referred.add(variables.group(1).trim().split("\\.", 2)[0]);
                }
            }
        }
        if (node.isList()) {
            node.items().forEach(item -> collect(item, referred, text));
        } else if (node.isMap()) {
            node.entries().values().forEach(child -> collect(child, referred, text));
        }
    }
}
