package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/** API Gateway cache not encrypted. */
public final class ApiGatewayCacheEncryptionRule extends TemplateRule {
    public ApiGatewayCacheEncryptionRule() {
        super("ASP-APIG-008", Severity.MEDIUM, "API Gateway cache not encrypted",
                "Set CacheDataEncrypted: true wherever CachingEnabled is true (StageDescription or MethodSettings).",
                types("AWS::ApiGateway::Deployment", "AWS::ApiGateway::Stage"),
                refs("W87"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode settings = resource.type().equals("AWS::ApiGateway::Deployment")
                ? resource.property("StageDescription") : null;
        java.util.List<TemplateNode> blocks = new java.util.ArrayList<>();
        if (settings != null) {
            blocks.add(settings);
            if (settings.get("MethodSettings") != null) {
                blocks.addAll(settings.get("MethodSettings").asList());
            }
        }
        TemplateNode methods = resource.type().equals("AWS::ApiGateway::Stage") ? resource.property("MethodSettings") : null;
        if (methods != null) {
            blocks.addAll(methods.asList());
        }
        for (TemplateNode block : blocks) {
            TemplateNode caching = block.get("CachingEnabled");
            TemplateNode encrypted = block.get("CacheDataEncrypted");
            if (caching != null && caching.isTrue() && (encrypted == null || encrypted.isFalse())) {
                out.report(encrypted == null ? caching : encrypted, "Cached responses are stored unencrypted");
            }
        }
    }
}
