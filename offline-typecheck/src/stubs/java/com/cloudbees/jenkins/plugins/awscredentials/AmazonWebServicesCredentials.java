// Compile-only signature for offline type-checking; checked against jenkinsci/aws-credentials-plugin src/main/java/com/cloudbees/jenkins/plugins/awscredentials/AmazonWebServicesCredentials.java.
// Holds only the members the plugin uses (the AWS SDK v1 AWSCredentialsProvider super-interface is left out). Never packaged or shipped.
package com.cloudbees.jenkins.plugins.awscredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

public interface AmazonWebServicesCredentials extends StandardCredentials, AwsCredentialsProvider {
    String getDisplayName();

    AwsCredentials resolveCredentials(String mfaToken);
}
