package com.eucimageupdater.model;

/**
 * AWS was throttling, briefly unavailable or unreachable even after the SDK's own retries. The state
 * machine retries this error by its fully qualified name, with backoff and jitter. Stackless for the same
 * reason as {@link ImageUpdateException}.
 */
public class RetryableAwsException extends RuntimeException {
    /** The state machine's retrier for this error (statemachine/image-updater.asl.json; a test holds them equal). */
    public static final int STATE_MACHINE_ATTEMPTS = 6;
    public static final int FIRST_INTERVAL_SECONDS = 15;
    public static final int BACKOFF_RATE = 2;
    public static final int MAX_DELAY_SECONDS = 300;

    public RetryableAwsException(String message) {
        super(message, null, false, false);
    }

    /** The longest the state machine's retries wait in all (full jitter makes most runs shorter), rounded up. */
    public static int longestSpanMinutes() {
        int seconds = 0;
        for (int retry = 0, interval = FIRST_INTERVAL_SECONDS; retry < STATE_MACHINE_ATTEMPTS - 1; retry++, interval *= BACKOFF_RATE) {
            seconds += Math.min(interval, MAX_DELAY_SECONDS);
        }
        return (seconds + 59) / 60;
    }
}
