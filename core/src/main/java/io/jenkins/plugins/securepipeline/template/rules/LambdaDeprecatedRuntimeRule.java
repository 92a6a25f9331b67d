package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** Lambda function uses a deprecated runtime. */
public final class LambdaDeprecatedRuntimeRule extends ValueRule {
    public LambdaDeprecatedRuntimeRule() {
        super("ASP-LMB-004", Severity.MEDIUM, "Lambda function uses a deprecated runtime",
                "Move to a supported runtime version; deprecated runtimes get no security patches.",
                types("AWS::Lambda::Function", "AWS::Serverless::Function"),
                refs("CKV_AWS_363"),
                false, Acceptable.noneOf("nodejs", "nodejs4.3", "nodejs4.3-edge", "nodejs6.10", "nodejs8.10", "nodejs10.x", "nodejs12.x", "nodejs14.x", "nodejs16.x", "python2.7", "python3.6", "python3.7", "python3.8", "python3.9", "dotnetcore1.0", "dotnetcore2.0", "dotnetcore2.1", "dotnetcore3.1", "dotnet5.0", "dotnet6", "dotnet7", "ruby2.5", "ruby2.7", "java8", "go1.x", "provided"), "The runtime is deprecated", "Runtime");
    }
}
