package com.eucimageupdater.aws;

import com.eucimageupdater.build.QuotaReachedException;
import com.eucimageupdater.model.ImageUpdateException;
import com.eucimageupdater.model.RetryableAwsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns every AWS error into one of two outcomes on purpose: retry later ({@link RetryableAwsException}),
 * or fail this image with a reason that tells the admin what to do ({@link ImageUpdateException}).
 */
final class AwsErrors {
    /** Errors that go away by themselves: the state machine retries them with backoff and jitter. */
    private static final Set<String> TRANSIENT = Set.of("ConcurrentModificationException", "ThrottlingException",
            "TooManyRequestsException", "RequestLimitExceeded", "RequestLimitExceededException", "InternalFailure", "ServiceUnavailable");

    private static final Map<String, String> HINTS = Map.ofEntries(
            Map.entry("LimitExceededException",
                    "an AppStream quota (images or image builders) is reached: delete old images or raise the quota in Service Quotas"),
            Map.entry("ResourceLimitExceededException",
                    "a WorkSpaces quota (images) is reached: delete old images or raise the quota in Service Quotas"),
            Map.entry("ResourceNotFoundException", "check the image name or id, the account and the Region"),
            Map.entry("AccessDeniedException", "the function's IAM role lacks a permission for this call"),
            Map.entry("AccessDenied", "the member role is missing in that account or does not trust this deployment: deploy the"
                    + " EucImageUpdaterMember stack there with this deployment's account and its memberExternalId or organizationId"),
            Map.entry("OperationNotPermittedException", "only AVAILABLE images that this account owns can be updated"),
            Map.entry("IncompatibleImageException",
                    "this image cannot take managed updates; rebuild it from a current AWS base image"),
            Map.entry("OperationNotSupportedException",
                    "only Windows 10, Windows Server 2016 and 2019 WorkSpaces images can be updated programmatically"),
            Map.entry("InvalidResourceStateException", "the source image must be AVAILABLE; try again once it is"),
            Map.entry("InvalidAccountStatusException",
                    "the account cannot use AppStream right now (new, suspended or unpaid): contact AWS Support"),
            Map.entry("InvalidParameterValuesException", "a request value was rejected: please report this as a bug"),
            Map.entry("InvalidParameterCombinationException", "a request value was rejected: please report this as a bug"),
            Map.entry("ValidationException", "a request value was rejected: please report this as a bug"));

    private AwsErrors() {}

    /** Runs one AWS call, translating its failure; {@code what} says what was attempted, for the reason. */
    static <T> T call(String what, Supplier<T> request) {
        try {
            return request.get();
        } catch (SdkException e) {
            throw translate(what, e);
        }
    }

    /**
     * Every item of a paged describe, each page's errors translated.
     *
     * @param what the call, for the reason when it fails, e.g. {@code DescribeFleets}
     */
    static <P, T> List<T> pages(String what, Function<String, P> page, Function<P, List<T>> items, Function<P, String> next) {
        List<T> all = new ArrayList<>();
        String token = null;
        do {
            String current = token;
            P response = call(what, () -> page.apply(current));
            all.addAll(items.apply(response));
            token = next.apply(response);
        } while (token != null);
        return all;
    }

    static RuntimeException translate(String what, SdkException e) {
        if (e instanceof SdkClientException) {
            return new RetryableAwsException(what + " could not reach AWS: " + e.getMessage());
        }
        if (e instanceof AwsServiceException service) {
            String code = errorCode(service);
            return service.isThrottlingException()
                    ? new RetryableAwsException(what + ": AWS answered " + code + " (" + message(service) + ")")
                    : refused(what, service.statusCode(), code, message(service));
        }
        return new ImageUpdateException(what + " failed: " + e.getMessage());
    }

    /** An error AWS answered: retried when it goes away by itself, else a reason with what the admin can do. */
    static RuntimeException refused(String what, int status, String code, String message) {
        if (status >= 500 || TRANSIENT.contains(code) || code.startsWith("Throttling")) {
            return new RetryableAwsException(what + ": AWS answered " + code + " (" + message + ")");
        }
        String hint = HINTS.getOrDefault(code, "see the service's message");
        return new ImageUpdateException(what + " failed: " + code + ": " + message + " (" + hint + ")");
    }

    /** A create's quota refusal, worded as any refusal, which {@link com.eucimageupdater.build.QuotaWait} waits out or fails. */
    static QuotaReachedException quotaReached(String what, AwsServiceException quota) {
        return new QuotaReachedException(translate(what, quota).getMessage());
    }

    /**
     * A create answered ResourceAlreadyExists but the describe does not show the image yet: these APIs promise no
     * read-after-write, so a concurrent run's image may take a moment to appear. Retried, so that the next attempt
     * adopts it or refuses a foreign one.
     */
    static RetryableAwsException notVisibleYet(String image) {
        return new RetryableAwsException(image + " already exists but cannot be described yet (just created by a concurrent"
                + " run?); trying again to adopt it or to tell why not");
    }

    static String errorCode(AwsServiceException e) {
        return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
                ? e.getClass().getSimpleName()
                : e.awsErrorDetails().errorCode();
    }

    private static String message(AwsServiceException e) {
        return e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null
                ? e.getMessage()
                : e.awsErrorDetails().errorMessage();
    }
}
