package com.eucimageupdater.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.model.ImageUpdateException;
import com.eucimageupdater.model.Location;
import com.eucimageupdater.model.MemberAccess;

import com.eucimageupdater.simulator.AwsSimulator;
import com.eucimageupdater.simulator.RecordedCall;
import com.eucimageupdater.simulator.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.appstream.AppStreamClient;
import software.amazon.awssdk.services.appstream.model.Image;
import software.amazon.awssdk.services.sts.StsClient;

/** Member roles assumed by the SDK's STS credentials provider against the simulator's STS, which checks each request against the model. */
class MemberCredentialsTest {
    private static final String HOME = "111111111111";
    private static final String MEMBER = "222222222222";
    private static final String ROLE = "arn:aws:iam::" + MEMBER + ":role/EucImageUpdaterMember";
    private static final Location MEMBER_IRELAND = new Location(MEMBER, "eu-west-1");

    private final List<AutoCloseable> opened = new ArrayList<>();

    private static String scenario(int credentialSeconds, String errors) {
        return """
                {"region": "us-east-1", "accountId": "111111111111", "sts": {"credentialSeconds": %d}, "errors": %s,
                 "accounts": [{"accountId": "222222222222", "roles": [{"name": "EucImageUpdaterMember", "externalId": "org-7"}],
                               "regions": {"eu-west-1": {"appstream": {"images": [{"name": "Member-Win2022"}]}}}}]}"""
                .formatted(credentialSeconds, errors);
    }

    private AwsSimulator simulator(int credentialSeconds, String errors) {
        return opened(AwsSimulator.start(Scenario.fromJson(scenario(credentialSeconds, errors))));
    }

    private <T extends AutoCloseable> T opened(T closeable) {
        opened.add(closeable);
        return closeable;
    }

    @AfterEach
    void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    /** As the deployment's function: its own credentials, STS in its Region, the role with the given name and external id. */
    private MemberCredentials members(AwsSimulator simulator, String roleName, String externalId) {
        return new MemberCredentials(new MemberAccess(HOME, roleName, externalId), () -> opened(StsClient.builder()
                .endpointOverride(simulator.endpoint()).region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIASIMULATED", "simulated"))).build()),
                "EucImageUpdater-Check");
    }

    private static List<String> errors(List<RecordedCall> calls) {
        return calls.stream().map(RecordedCall::errorType).filter(Objects::nonNull).toList();
    }

    @Test
    void theMemberRolesCredentialsReachThatAccountsImagesAndTheRequestMeetsTheStsModel() {
        AwsSimulator simulator = simulator(3600, "[]");
        AwsCredentialsProvider credentials = members(simulator, null, "org-7").forLocation(MEMBER_IRELAND);
        AppStreamClient member = opened(AppStreamClient.builder().endpointOverride(simulator.endpoint()).region(Region.EU_WEST_1)
                .httpClient(UrlConnectionHttpClient.create()).credentialsProvider(credentials).build());

        List<String> images = member.describeImages(request -> request.type("PRIVATE")).images().stream().map(Image::name).toList();

        assertEquals(List.of("Member-Win2022"), images);
        assertEquals(MEMBER, simulator.callsTo("DescribeImages").get(0).account(), "signed with the member's credentials");
        RecordedCall assumeRole = simulator.callsTo("AssumeRole").get(0);
        assertEquals(ROLE, assumeRole.request().get("RoleArn").asText());
        assertEquals("org-7", assumeRole.request().get("ExternalId").asText());
        assertEquals("EucImageUpdater-Check", assumeRole.request().get("RoleSessionName").asText(), "CloudTrail names the step");
        assertEquals(HOME, assumeRole.account(), "assumed with the function's own credentials");
        assertEquals(List.of(), simulator.modelViolations());
    }

    @Test
    void theDeploymentsOwnAccountUsesTheFunctionsOwnCredentials() {
        AwsSimulator simulator = simulator(3600, "[]");

        assertNull(members(simulator, null, "org-7").forLocation(new Location(HOME, "eu-west-1")));
        assertEquals(List.of(), simulator.callsTo("AssumeRole"));
    }

    @Test
    void aMissingRoleOrAWrongExternalIdFailsWithAReasonNamingTheRoleAndWhatToDeploy() {
        AwsSimulator simulator = simulator(3600, "[]");
        for (MemberCredentials refused : List.of(members(simulator, "Missing", "org-7"), members(simulator, null, "wrong-id"))) {
            ImageUpdateException error = assertThrows(ImageUpdateException.class, () -> refused.forLocation(MEMBER_IRELAND));

            assertTrue(error.getMessage().startsWith("AssumeRole arn:aws:iam::222222222222:role/"), error.getMessage());
            assertTrue(error.getMessage().contains("AccessDenied") && error.getMessage().contains("deploy the EucImageUpdaterMember stack"),
                    error.getMessage());
        }
        assertEquals(List.of("AccessDenied", "AccessDenied"), errors(simulator.callsTo("AssumeRole")), "refusals are not retried");
        assertEquals(List.of(), simulator.mutatingCalls());
    }

    @Test
    void aRefusedRoleIsAskedForAgainNextTimeSoThatARoleDeployedSinceIsFound() {
        AwsSimulator simulator = simulator(3600, "[]");
        MemberCredentials members = members(simulator, "Missing", "org-7");

        assertThrows(ImageUpdateException.class, () -> members.forLocation(MEMBER_IRELAND));
        assertThrows(ImageUpdateException.class, () -> members.forLocation(MEMBER_IRELAND));
        assertEquals(2, simulator.callsTo("AssumeRole").size());
    }

    @Test
    void aThrottledAssumeRoleIsRetriedByTheSdk() {
        AwsSimulator simulator = simulator(3600, "[{\"operation\": \"AssumeRole\", \"type\": \"ThrottlingException\", \"times\": 2}]");

        AwsCredentials credentials = members(simulator, null, "org-7").forLocation(MEMBER_IRELAND).resolveCredentials();

        assertTrue(credentials.accessKeyId().startsWith("ASIA"), credentials::accessKeyId);
        assertEquals(List.of("ThrottlingException", "ThrottlingException"), errors(simulator.callsTo("AssumeRole")));
    }

    @Test
    void eachMemberRoleIsAssumedOnceForAllItsRegionsAndKeptForTheContainersLife() {
        AwsSimulator simulator = simulator(3600, "[]");
        MemberCredentials members = members(simulator, null, "org-7");

        AwsCredentialsProvider ireland = members.forLocation(MEMBER_IRELAND);

        assertSame(ireland, members.forLocation(MEMBER_IRELAND.inRegion("us-east-1")));
        ireland.resolveCredentials();
        assertEquals(1, simulator.callsTo("AssumeRole").size());
    }

    @Test
    void credentialsInTheirLastFiveMinutesAreRenewedAtTheNextUse() {
        // Valid for 90 s: past the five minutes' prefetch time, before the last minute's stale time.
        AwsSimulator simulator = simulator(90, "[]");
        AwsCredentialsProvider credentials = members(simulator, null, "org-7").forLocation(MEMBER_IRELAND);
        assertEquals(1, simulator.callsTo("AssumeRole").size());

        AwsCredentials first = credentials.resolveCredentials();
        AwsCredentials second = credentials.resolveCredentials();

        assertEquals(3, simulator.callsTo("AssumeRole").size(), "each use renewed them");
        assertNotEquals(first.accessKeyId(), second.accessKeyId());
        assertTrue(((AwsSessionCredentials) second).expirationTime().isPresent());
    }

    @Test
    void theRolesPartitionFollowsTheRegionAsTheSdksRegionMetadataKnowsIt() {
        MemberCredentials members = new MemberCredentials(new MemberAccess(HOME, "Updater", null), () -> {
            throw new AssertionError("no STS call for an ARN");
        }, MemberCredentials.DEFAULT_SESSION_NAME);

        assertEquals("arn:aws:iam::222222222222:role/Updater", members.roleArn(MEMBER_IRELAND));
        assertEquals("arn:aws-cn:iam::222222222222:role/Updater", members.roleArn(MEMBER_IRELAND.inRegion("cn-northwest-1")));
        assertEquals("arn:aws-us-gov:iam::222222222222:role/Updater", members.roleArn(MEMBER_IRELAND.inRegion("us-gov-west-1")));
        assertEquals("arn:aws-cn:iam::222222222222:role/Updater", members.roleArn(MEMBER_IRELAND.inRegion("cn-south-9")),
                "a Region newer than the SDK, by its partition's pattern");
    }

    @Test
    void theSessionIsNamedAfterTheFunctionWithinStsRules() {
        assertEquals("EucImageUpdater-PollFunction7D3B2A91-x1Y2z3", MemberCredentials.sessionName(
                Map.of(MemberCredentials.FUNCTION_NAME_ENV, "EucImageUpdater-PollFunction7D3B2A91-x1Y2z3")::get));
        assertEquals("euc-image-updater", MemberCredentials.sessionName(Map.<String, String>of()::get), "a local run");
        assertEquals("euc-image-updater", MemberCredentials.sessionName(Map.of(MemberCredentials.FUNCTION_NAME_ENV, "x".repeat(65))::get),
                "longer than STS's 64 characters");
    }
}
