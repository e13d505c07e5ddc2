package com.eucimageupdater.model;

/**
 * An image cannot be updated, for a reason the admin must act on; retrying will not help.
 *
 * <p>No stack trace and no cause: Step Functions keeps the Lambda error document (message, type, stack traces of
 * the whole cause chain) in the execution's data, whose 256 KB limit a few dozen failed images would otherwise
 * exhaust. The message says everything the admin needs; the AWS error code is kept for the code's own decisions.
 */
public class ImageUpdateException extends RuntimeException {
    private final String awsErrorCode;

    public ImageUpdateException(String message) {
        this(message, null);
    }

    public ImageUpdateException(String message, String awsErrorCode) {
        super(message, null, false, false);
        this.awsErrorCode = awsErrorCode;
    }

    /** The AWS error code behind this failure, e.g. {@code ResourceNotFoundException}; null when AWS said no error. */
    public String awsErrorCode() {
        return awsErrorCode;
    }
}
