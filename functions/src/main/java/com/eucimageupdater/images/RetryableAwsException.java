package com.eucimageupdater.images;

/**
 * AWS was throttling, briefly unavailable or unreachable even after the SDK's own retries. The state
 * machine retries this error by its fully qualified name, with backoff and jitter. Stackless for the same
 * reason as {@link ImageUpdateException}.
 */
public class RetryableAwsException extends RuntimeException {
    public RetryableAwsException(String message) {
        super(message, null, false, false);
    }
}
