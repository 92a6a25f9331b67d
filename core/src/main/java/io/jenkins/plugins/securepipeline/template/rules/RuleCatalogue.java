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
            // peer coverage (issue 14)
            new NeptuneStorageEncryptionRule(), new NeptuneAuditLogsRule(), new NeptuneBackupRetentionRule(),
            new DaxEncryptionRule(), new DocumentDbEncryptionRule(), new DocumentDbLogExportsRule(),
            new DocumentDbBackupRetentionRule(), new DocumentDbTlsRule(), new DocumentDbAuditLogsParameterRule(),
            new MqEncryptionOptionsRule(), new MqPublicBrokerRule(), new MqAuditLogRule(), new MskPublicAccessRule(),
            new GlueSecurityConfigurationAttachedRule(), new GlueCrawlerSecurityConfigurationRule(),
            new LambdaVpcRule(), new LambdaReservedConcurrencyRule(), new LambdaDeprecatedRuntimeRule(),
            new LambdaUrlAuthRule(), new LambdaPermissionActionRule(), new RdsEnhancedMonitoringRule(),
            new RdsMultiAzRule(), new RdsIamAuthenticationRule(), new RedshiftAuditLoggingRule(),
            new RedshiftVpcRule(), new WorkspaceUserVolumeEncryptionRule(), new WorkspaceRootVolumeEncryptionRule(),
            new QldbPermissionsModeRule(), new QldbDeletionProtectionRule(), new TimestreamKmsKeyRule(),
            new BackupVaultKmsKeyRule(), new AthenaEnforceWorkGroupConfigurationRule(), new BedrockAgentKmsKeyRule(),
            new KendraIndexKmsKeyRule(), new CodeBuildKmsKeyRule(), new CodeBuildArtifactEncryptionRule(),
            new BatchPrivilegedContainerRule(), new EmrSecurityConfigurationAttachedRule(),
            new SageMakerKmsKeyRule(), new SageMakerEndpointConfigKmsKeyRule(), new SageMakerNotebookImdsV2Rule(),
            new SageMakerModelNetworkIsolationRule(), new SageMakerDataQualityOutputKmsRule(),
            new SageMakerDataQualityVolumeKmsRule(), new SageMakerDataQualityTrafficEncryptionRule(),
            // cdk-nag coverage: SageMaker, Redshift, Classic ELB
            new SageMakerNotebookInternetAccessRule(), new SageMakerNotebookVpcRule(),
            new ClassicLoadBalancerPlainListenerRule(), new RedshiftUserActivityLoggingRule(),
            new RedshiftDefaultUsernameRule(),
            new TransferServerPublicRule(), new VpcEndpointServiceAcceptanceRule(), new EbsVolumeKmsKeyRule(),
            new EcrKmsEncryptionRule(), new OpenSearchAuditLogsRule(), new ApiGatewayCacheRule(),
            new ApiGatewayTracingRule(), new ApiGatewayDomainTlsRule(), new DynamoDbBillingModeRule(),
            new AppSyncLoggingRule(), new AppSyncFieldLogsRule(), new DmsPublicReplicationInstanceRule(),
            new SimpleDbDomainRule(), new MskBrokerLogsRule(), new MskEncryptionRule(),
            new GlueDataCatalogEncryptionRule(), new GlueSecurityConfigurationEncryptionRule(),
            new LambdaDeadLetterQueueRule(), new LambdaEnvironmentKeyRule(), new LambdaUrlCorsRule(),
            new LambdaServicePermissionSourceRule(), new LambdaLogsPermissionRule(), new RdsTransitEncryptionRule(),
            new RedshiftRequireSslRule(), new AcmWildcardCertificateRule(), new CloudFrontOriginHttpsRule(),
            new AppSyncWafRule(), new SecurityGroupIngressPortRangeRule(), new SecurityGroupEgressPortRangeRule(),
            new NetworkAclDuplicateRuleNumberRule(), new NetworkAclIneffectiveDenyRule(),
            new NetworkAclOverlappingPortsRule(), new EksNodegroupSshRule(), new AlbDropInvalidHeadersRule(),
            new EcsContainerInsightsRule(), new EcsEfsTransitEncryptionRule(), new OpenSearchLogPublishingRule(),
            new ApiGatewayCacheEncryptionRule(), new ApiGatewayUsagePlanRule(), new DynamoDbGlobalTablePitrRule(),
            new EmrSecurityConfigurationEncryptionRule(), new DlmCrossRegionCopyEncryptionRule(),
            new IotPolicyActionStarRule(), new IotPolicyResourceStarRule(), new GameLiftPortRangeRule(),
            new IamUserWithoutGroupRule(), new LoginProfilePasswordResetRule(), new ResourcePolicyNotPrincipalRule(),
            new ResourcePolicyNotActionRule(), new IamTrustWholeAccountRule(), new S3BucketWithoutPolicyRule(),
            new ExplicitResourceNameRule(), new WafLog4jRule(), new SageMakerNotebookRoleStarRule(),
            new LambdaEnvironmentSecretRule(), new SsmParameterSecretRule(), new IamTrustActionWildcardRule(),
            new ElastiCacheAuthenticationRule(),
            new IamCredentialsExposureRule(),
            new IamDataExfiltrationRule(), new IamPermissionsManagementRule(), new IamPrivilegeEscalationRule(),
            new IamWriteOnEverythingRule(),
            new DocumentDbCredentialsSecretRule(), new EcsEnvironmentVariablesRule(), new RdsDbSecurityGroupOpenRule(),
            new CognitoPasswordPolicyRule(), new ApiGatewayCognitoAuthorizerRule(),
            new ApiGatewayRequestValidationRule(), new ApiGatewayStageWafRule(), new EksControlPlaneLogsRule(),
            new ElastiCacheSubnetGroupRule(), new BeanstalkVpcRule(), new BeanstalkManagedUpdatesRule(),
            new LexAudioLogKmsKeyRule(), new QuickSightDataSourceSslRule(), new Cloud9SsmConnectionRule(),
            new CodeBuildManagedImageRule(),
            new SnsTopicTlsOnlyRule(), new SqsQueueTlsOnlyRule(), new EventBusOpenAccessRule(),
            new OpenSearchAnonymousAccessRule(), new OpenSearchIpAllowlistRule(), new CloudFrontS3OriginAccessRule(),
            new S3WebsiteCloudFrontAccessRule(), new EmrAuthenticationRule(), new MediaStoreTlsOnlyRule(),
            new PlaintextSecretPropertyRule(), new TransformRule(),
            // cdk-nag coverage: CloudFront, API Gateway, ECS, EMR, Step Functions, MediaStore
            new CloudFrontOriginTlsVersionRule(), new ApiGatewayV2RouteAuthorizationRule())
            .stream().sorted(Comparator.comparing(r -> r.info().id())).toList();

    private RuleCatalogue() {}

    public static List<TemplateRule> all() {
        return ALL;
    }
}
