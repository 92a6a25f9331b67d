package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/** A method with AuthorizationType NONE and no API key is open to anyone who knows the URL. */
public final class ApiGatewayMethodAuthorizationRule extends TemplateRule {
    public ApiGatewayMethodAuthorizationRule() {
        super("ASP-APIG-002", Severity.MEDIUM, "API Gateway method without authorization",
                "Use IAM, a Cognito or Lambda authorizer; CORS preflight (OPTIONS) is not reported.",
                types("AWS::ApiGateway::Method"), refs("W59", "CKV_AWS_59"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode type = resource.property("AuthorizationType");
        TemplateNode method = resource.property("HttpMethod");
        TemplateNode apiKey = resource.property("ApiKeyRequired");
        if (method != null && method.is("OPTIONS") || apiKey != null && apiKey.isTrue()) {
            return;
        }
        if (type == null || type.is("NONE")) {
            out.report(type, "The method can be called without any authorization");
        }
    }
}
