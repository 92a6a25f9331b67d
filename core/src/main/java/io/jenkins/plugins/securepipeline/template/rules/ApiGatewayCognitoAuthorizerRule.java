package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/**
 * An API Gateway REST method authorized by something other than a Cognito user pool: IAM, a Lambda authorizer, or
 * an API key alone. This is cdk-nag's AwsSolutions-COG4, an opinion rather than a flaw: IAM (SigV4) and a well
 * written Lambda authorizer are not weaker than Cognito, so the rule is low and meant to be suppressed with a reason
 * where another authorizer is the design.
 *
 * <p>Deliberate differences from cdk-nag, which reports every method that is not COGNITO_USER_POOLS except OPTIONS:
 * a method without any authorization (AuthorizationType NONE or absent, and no required API key) is not reported
 * here because ASP-APIG-002 already reports it at medium severity; an AuthorizationType that cannot be known before
 * deployment passes.
 */
public final class ApiGatewayCognitoAuthorizerRule extends TemplateRule {
    public ApiGatewayCognitoAuthorizerRule() {
        super("ASP-APIG-010", Severity.LOW, "API Gateway method not authorized by a Cognito user pool",
                "Use AuthorizationType: COGNITO_USER_POOLS with an AWS::ApiGateway::Authorizer of type"
                        + " COGNITO_USER_POOLS, or suppress with the reason another authorizer is used.",
                types("AWS::ApiGateway::Method"), refs("AwsSolutions-COG4"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        if (resource.properties().isUnknown()) {
            return;
        }
        TemplateNode method = resource.property("HttpMethod");
        if (method != null && method.is("OPTIONS")) {
            return;
        }
        TemplateNode type = resource.property("AuthorizationType");
        TemplateNode apiKey = resource.property("ApiKeyRequired");
        boolean apiKeyRequired = apiKey != null && apiKey.isTrue();
        if (type == null || type.is("NONE")) {
            if (apiKeyRequired) {
                out.report(type, "The method is protected by an API key only, not by a Cognito user pool authorizer");
            }
            return; // without an API key this is ASP-APIG-002's finding
        }
        if (type.isScalar() && !type.is("COGNITO_USER_POOLS")) {
            out.report(type, "The method is authorized by " + type.text().trim() + ", not by a Cognito user pool");
        }
    }
}
