package com.eucimageupdater.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.model.ImageUpdateException;
import com.eucimageupdater.model.RetryableAwsException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

class AwsErrorsTest {

    private static AwsServiceException serviceError(String code, int status) {
        return AwsServiceException.builder()
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("the service's words").build())
                .build();
    }

    @ParameterizedTest(name = "{0} ({1}) is retried")
    @CsvSource({"ThrottlingException, 400", "ConcurrentModificationException, 400", "InternalFailure, 500", "ServiceUnavailable, 503",
            "SomethingNew, 502"})
    void transientErrorsAreRetried(String code, int status) {
        RuntimeException translated = AwsErrors.translate("DescribeImages x", serviceError(code, status));
        assertInstanceOf(RetryableAwsException.class, translated);
        assertTrue(translated.getMessage().contains(code), translated.getMessage());
    }

    @Test
    void networkFailuresAreRetried() {
        assertInstanceOf(RetryableAwsException.class,
                AwsErrors.translate("DescribeImages x", SdkClientException.create("connection reset")));
    }

    @ParameterizedTest(name = "{0} fails with a hint")
    @CsvSource(delimiter = '|', textBlock = """
            LimitExceededException         | raise the quota in Service Quotas
            ResourceLimitExceededException | raise the quota in Service Quotas
            ResourceNotFoundException      | check the image name or id
            AccessDeniedException          | IAM role lacks a permission
            OperationNotPermittedException | images that this account owns
            IncompatibleImageException     | cannot take managed updates
            OperationNotSupportedException | Windows 10, Windows Server 2016 and 2019
            InvalidResourceStateException  | must be AVAILABLE
            InvalidAccountStatusException  | contact AWS Support
            InvalidParameterValuesException| report this as a bug
            """)
    void permanentErrorsFailTheImageWithWhatToDo(String code, String hint) {
        RuntimeException translated = AwsErrors.translate("CreateUpdatedImage from a", serviceError(code, 400));
        assertInstanceOf(ImageUpdateException.class, translated);
        assertEquals("CreateUpdatedImage from a failed: " + code + ": the service's words", translated.getMessage().split(" \\(")[0]);
        assertTrue(translated.getMessage().contains(hint), translated.getMessage());
    }
}
