package com.eucimageupdater.aws;

import com.eucimageupdater.model.Location;
import com.eucimageupdater.model.MemberAccess;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Credentials for member accounts: the member role there, assumed by the SDK's {@link StsAssumeRoleCredentialsProvider}
 * over one STS client, one provider per role for as long as the container lives, renewed before the credentials
 * expire.
 */
final class MemberCredentials {
    /** The session's name outside Lambda (a local run); in Lambda the function's own name, which names the step. */
    static final String DEFAULT_SESSION_NAME = "euc-image-updater";
    static final String FUNCTION_NAME_ENV = "AWS_LAMBDA_FUNCTION_NAME";
    /** STS's rule for RoleSessionName. */
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
    private static final Duration SESSION = Duration.ofHours(1);
    /**
     * The first use in the last five minutes renews the credentials (on the caller's thread, as the provider is not
     * asynchronous), and none is signed with credentials in their last minute: a call lasts at most
     * {@link ImageServices#API_CALL_TIMEOUT}.
     */
    private static final Duration PREFETCH = Duration.ofMinutes(5);
    private static final Duration STALE = Duration.ofMinutes(1);

    private final MemberAccess access;
    private final Supplier<StsClient> stsClientFactory;
    private final String sessionName;
    private final Map<String, StsAssumeRoleCredentialsProvider> byRole = new ConcurrentHashMap<>();
    private StsClient stsClient;

    /**
     * @param stsClientFactory builds the container's STS client, on first need
     * @param sessionName      shows in the member account's CloudTrail as the session that made each change
     */
    MemberCredentials(MemberAccess access, Supplier<StsClient> stsClientFactory, String sessionName) {
        this.access = access;
        this.stsClientFactory = stsClientFactory;
        this.sessionName = sessionName;
    }

    /** The Lambda function's name (each step is its own function), else {@link #DEFAULT_SESSION_NAME}. */
    static String sessionName(Function<String, String> environment) {
        String function = environment.apply(FUNCTION_NAME_ENV);
        return function != null && SESSION_NAME.matcher(function).matches() ? function : DEFAULT_SESSION_NAME;
    }

    /**
     * The provider for a member account, its role assumed once now so that a missing or untrusting role fails this
     * location's images with a reason naming the role (and is tried again next time); null for the deployment's own
     * account (the SDK's default chain).
     */
    AwsCredentialsProvider forLocation(Location location) {
        if (!access.isMember(location)) {
            return null;
        }
        return byRole.computeIfAbsent(roleArn(location), roleArn -> AwsErrors.call("AssumeRole " + roleArn, () -> {
            StsAssumeRoleCredentialsProvider provider = provider(stsClient(), roleArn, access.externalId(), sessionName);
            provider.resolveCredentials();
            return provider;
        }));
    }

    /** The member role in the location's account, in its Region's partition (aws, aws-cn, aws-us-gov) as the SDK knows it. */
    String roleArn(Location location) {
        // PartitionMetadata.of, unlike Region.metadata(), also knows a Region newer than the SDK, by the partitions' patterns.
        String partition = PartitionMetadata.of(Region.of(location.region())).id();
        return "arn:" + partition + ":iam::" + location.account() + ":role/" + access.roleName();
    }

    /** The container's STS client, built on first need (or at SnapStart's priming). */
    synchronized StsClient stsClient() {
        if (stsClient == null) {
            stsClient = stsClientFactory.get();
        }
        return stsClient;
    }

    /** A role's credentials, renewed on the calling thread: a background refresh thread would be frozen between invocations. */
    static StsAssumeRoleCredentialsProvider provider(StsClient sts, String roleArn, String externalId, String sessionName) {
        return StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
                .refreshRequest(request -> request.roleArn(roleArn).externalId(externalId).roleSessionName(sessionName)
                        .durationSeconds((int) SESSION.toSeconds()))
                .asyncCredentialUpdateEnabled(false).prefetchTime(PREFETCH).staleTime(STALE)
                .build();
    }
}
