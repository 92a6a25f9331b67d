package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/** Lambda function URL allows every origin. */
public final class LambdaUrlCorsRule extends TemplateRule {
    public LambdaUrlCorsRule() {
        super("ASP-LMB-009", Severity.MEDIUM, "Lambda function URL allows every origin",
                "List the allowed origins in Cors.AllowOrigins instead of \"*\".",
                types("AWS::Lambda::Url", "AWS::Serverless::Function"),
                refs("CKV2_AWS_75"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode origins = resource.type().equals("AWS::Lambda::Url") ? resource.property("Cors", "AllowOrigins")
                : resource.property("FunctionUrlConfig", "Cors", "AllowOrigins");
        if (origins == null) {
            return;
        }
        for (TemplateNode origin : origins.asList()) {
            if (origin.isScalar() && origin.text().trim().equals("*")) {
                out.report(origin, "Any web site may call the function URL from a browser");
            }
        }
    }
}
