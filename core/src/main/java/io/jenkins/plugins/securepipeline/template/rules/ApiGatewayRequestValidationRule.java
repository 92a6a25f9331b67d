package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/**
 * A REST API without a request validator that checks both the body and the parameters of requests, so malformed
 * requests reach the integration (a Lambda function, a backend) instead of being refused by API Gateway. Low:
 * validation is defence in depth, the backend must validate anyway.
 *
 * <p>Same condition as cdk-nag's AwsSolutions-APIG2 (an AWS::ApiGateway::RequestValidator for this API with
 * ValidateRequestBody and ValidateRequestParameters true); like cdk-nag it does not check that methods name the
 * validator. Deliberate differences: an API defined by an OpenAPI Body that declares
 * {@code x-amazon-apigateway-request-validators}, or by a BodyS3Location this scanner cannot read, is not reported;
 * a validator whose RestApiId or flags cannot be known before deployment counts as validating.
 */
public final class ApiGatewayRequestValidationRule extends TemplateRule {
    static final String OPENAPI_VALIDATORS = "x-amazon-apigateway-request-validators";

    public ApiGatewayRequestValidationRule() {
        super("ASP-APIG-011", Severity.LOW, "API Gateway REST API without request validation",
                "Add an AWS::ApiGateway::RequestValidator for the API with ValidateRequestBody and"
                        + " ValidateRequestParameters true, and set RequestValidatorId on its methods.",
                types("AWS::ApiGateway::RestApi"), refs("AwsSolutions-APIG2"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        if (resource.properties().isUnknown() || resource.property("BodyS3Location") != null) {
            return;
        }
        TemplateNode body = resource.property("Body");
        if (body != null && (body.isUnknown() || body.isMap() && body.get(OPENAPI_VALIDATORS) != null)) {
            return;
        }
        for (Resource validator : ResourceLinks.pointingAt(template, "AWS::ApiGateway::RequestValidator", "RestApiId",
                resource)) {
            if (mayBeOn(validator.property("ValidateRequestBody"))
                    && mayBeOn(validator.property("ValidateRequestParameters"))) {
                return;
            }
        }
        out.report(null, "No request validator of this API validates both request bodies and parameters");
    }

    private static boolean mayBeOn(TemplateNode flag) {
        return flag != null && (flag.isTrue() || flag.isUnknown());
    }
}
