package io.jenkins.plugins.securepipeline.template.rules;

import java.util.Comparator;
import java.util.List;

/** Every built-in rule, in ID order. The documentation's rules table is generated from this list. */
public final class RuleCatalogue {
    private static final List<TemplateRule> ALL = List.<TemplateRule>of(
            new S3BucketEncryptionRule(), new S3PublicReadAclRule(), new S3PublicReadWriteAclRule(),
            new S3BlockPublicAccessRule(), new S3BucketAccessLoggingRule(), new S3BucketVersioningRule(),
            new S3TlsOnlyRule(), new S3BucketPolicyPrincipalRule(), new S3BucketPolicyActionRule(),
            new IamActionStarRule(), new IamResourceStarRule(), new IamPassRoleStarRule(), new IamNotActionRule(),
            new IamNotResourceRule(), new IamTrustEveryoneRule(), new IamTrustNotPrincipalRule(),
            new IamPrivilegedManagedPolicyRule(), new IamUserPolicyRule(), new LoginProfilePasswordRule(),
            new SecurityGroupOpenIngressRule(), new SshOpenToWorldRule(), new RdpOpenToWorldRule(),
            new HttpOpenToWorldRule(), new SecurityGroupOpenEgressRule(), new SecurityGroupAllProtocolsRule(),
            new SecurityGroupDescriptionRule(), new SecurityGroupNoEgressRule(), new SubnetPublicIpRule(),
            new VpcFlowLogRule(), new NetworkAclAllPortsRule(), new InstancePublicIpRule(),
            new InstanceMetadataV1Rule(), new UserDataSecretsRule(), new EbsEncryptionRule(),
            new RdsStorageEncryptionRule(), new RdsPublicAccessRule(), new DatabasePasswordRule(),
            new RdsDeletionProtectionRule(), new RdsBackupRetentionRule(), new DynamoDbKmsEncryptionRule(),
            new DynamoDbPointInTimeRecoveryRule(), new EfsEncryptionRule(), new ElastiCacheAtRestEncryptionRule(),
            new ElastiCacheTransitEncryptionRule(), new ElastiCacheAuthTokenRule(), new RedshiftEncryptionRule(),
            new RedshiftPublicAccessRule(), new OpenSearchEncryptionAtRestRule(),
            new OpenSearchNodeToNodeEncryptionRule(), new OpenSearchHttpsRule(), new SqsQueueEncryptionRule(),
            new SqsQueuePolicyPrincipalRule(), new SqsQueuePolicyActionRule(), new SnsTopicEncryptionRule(),
            new SnsTopicPolicyPrincipalRule(), new KinesisStreamEncryptionRule(), new FirehoseEncryptionRule(),
            new KmsKeyRotationRule(), new KmsKeyPolicyPrincipalRule(), new SecretKmsKeyRule(),
            new SecretRotationRule(), new LambdaPermissionPrincipalRule(), new CloudFrontViewerProtocolRule(),
            new CloudFrontTlsVersionRule(), new CloudFrontLoggingRule(), new CloudFrontWafRule(),
            new LoadBalancerHttpListenerRule(), new LoadBalancerTlsPolicyRule(),
            new ClassicLoadBalancerAccessLogsRule(), new LoadBalancerV2AccessLogsRule(),
            new ApiGatewayStageAccessLogsRule(), new ApiGatewayMethodAuthorizationRule(),
            new ApiGatewayV2StageAccessLogsRule(), new WafDefaultAllowRule(), new CloudTrailEncryptionRule(),
            new CloudTrailLogValidationRule(), new CloudTrailMultiRegionRule(), new LogGroupEncryptionRule(),
            new LogGroupRetentionRule(), new EcrScanOnPushRule(), new EcrImmutableTagsRule(),
            new EcrRepositoryPolicyPublicRule(), new EksPublicEndpointRule(), new EksSecretsEncryptionRule(),
            new CognitoUnauthenticatedAccessRule(), new CognitoMfaRule(), new SuppressionReasonRule(), new DatabaseUsernameRule(),
            new OpenSearchVpcRule(), new ApiGatewayDeploymentAccessLogsRule(),
            new PlaintextSecretPropertyRule(), new TransformRule())
            .stream().sorted(Comparator.comparing(r -> r.info().id())).toList();

    private RuleCatalogue() {}

    public static List<TemplateRule> all() {
        return ALL;
    }
}
