package io.jenkins.plugins.securepipeline.image.ecr;

import java.io.IOException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** An ECR API call failed or answered something unusable; the message says which call and what to do. */
public class EcrException extends IOException {
    private static final long serialVersionUID = 1L;

    public EcrException(String message) {
        super(message);
    }

    static EcrException from(String operation, SdkException e) {
        if (e instanceof AwsServiceException && ((AwsServiceException) e).awsErrorDetails() != null) {
            AwsServiceException service = (AwsServiceException) e;
            return new EcrException("ECR " + operation + " failed: " + service.awsErrorDetails().errorCode() + ": "
                    + service.awsErrorDetails().errorMessage());
        }
        return new EcrException("ECR " + operation + " failed: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
}
