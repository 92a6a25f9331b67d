package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every other secret-bearing property the peers know (cfn_nag's password rules, W1 for
 * {@code AWS::CloudFormation::Authentication} credentials in Metadata), in one table. Database master passwords,
 * ElastiCache AUTH tokens and console passwords have rules of their own (ASP-RDS-003, ASP-ELC-003, ASP-IAM-010).
 */
public final class PlaintextSecretPropertyRule extends PlaintextSecretRule {
    public PlaintextSecretPropertyRule() {
        super("ASP-SEC-001", Severity.HIGH, "Secret property in plain text",
                refs("F31", "F36", "F37", "F41", "F42", "F43", "F45", "F46", "F47", "F48", "F49", "F50", "F52", "F53",
                        "F54", "F55", "F56", "F57", "F58", "F60", "F61", "F62", "F63", "F64", "F65", "F66", "F67", "F68",
                        "F69", "F71", "F74", "F75", "W1"),
                secretProperties());
    }

    private static Map<String, List<String>> secretProperties() {
        Map<String, List<String>> table = new LinkedHashMap<>();
        table.put("AWS::DirectoryService::MicrosoftAD", List.of("Password"));
        table.put("AWS::DirectoryService::SimpleAD", List.of("Password"));
        table.put("AWS::DMS::Endpoint", List.of("Password", "MongoDbSettings.Password"));
        table.put("AWS::Amplify::App", List.of("AccessToken", "OauthToken", "BasicAuthConfig.Password"));
        table.put("AWS::Amplify::Branch", List.of("BasicAuthConfig.Password"));
        table.put("AWS::Lambda::Permission", List.of("EventSourceToken"));
        table.put("AWS::AmazonMQ::Broker", List.of("Users.[].Password"));
        table.put("AWS::AppStream::DirectoryConfig", List.of("ServiceAccountCredentials.AccountPassword"));
        table.put("AWS::OpsWorks::App", List.of("AppSource.Password", "SslConfiguration.PrivateKey"));
        table.put("AWS::OpsWorks::Stack", List.of("CustomCookbooksSource.Password", "RdsDbInstances.[].DbPassword"));
        table.put("AWS::EMR::Cluster", List.of("KerberosAttributes.ADDomainJoinPassword",
                "KerberosAttributes.CrossRealmTrustPrincipalPassword", "KerberosAttributes.KdcAdminPassword"));
        table.put("AWS::KinesisFirehose::DeliveryStream", List.of("RedshiftDestinationConfiguration.Password",
                "SplunkDestinationConfiguration.HECToken"));
        table.put("AWS::CodePipeline::Webhook", List.of("AuthenticationConfiguration.SecretToken"));
        table.put("AWS::ManagedBlockchain::Member",
                List.of("MemberConfiguration.MemberFrameworkConfiguration.MemberFabricConfiguration.AdminPassword"));
        table.put("Alexa::ASK::Skill", List.of("AuthenticationConfiguration.ClientSecret",
                "AuthenticationConfiguration.RefreshToken"));
        for (String type : List.of("AWS::Pinpoint::APNSChannel", "AWS::Pinpoint::APNSSandboxChannel",
                "AWS::Pinpoint::APNSVoipChannel", "AWS::Pinpoint::APNSVoipSandboxChannel")) {
            table.put(type, List.of("PrivateKey", "TokenKey"));
        }
        // cfn-init credentials of any resource: S3 or basic authentication with keys or a password written out.
        table.put("*", List.of("Metadata.AWS::CloudFormation::Authentication.*.accessKeyId",
                "Metadata.AWS::CloudFormation::Authentication.*.secretKey",
                "Metadata.AWS::CloudFormation::Authentication.*.password"));
        return table;
    }
}
