package com.eucimageupdater.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.simulator.AwsSimulator;
import com.eucimageupdater.simulator.Scenario;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.appstream.AppStreamClient;
import software.amazon.awssdk.services.appstream.model.Image;

/** AssumeRole against the simulator's STS, which checks every request against the STS model. */
class AssumeRoleCredentialsTest {
    private static final String MEMBER = "222222222222";
    private static final String ROLE = "arn:aws:iam::" + MEMBER + ":role/EucImageUpdaterMember";

    private static String scenario(int credentialSeconds) {
        return scenario(credentialSeconds, "[]");
    }

    private static String scenario(int credentialSeconds, String errors) {
        return """
                {"region": "us-east-1", "accountId": "111111111111", "sts": {"credentialSeconds": %d}, "errors": %s,
                 "accounts": [{"accountId": "222222222222", "roles": [{"name": "EucImageUpdaterMember", "externalId": "org-7"}],
                               "regions": {"eu-west-1": {"appstream": {"images": [{"name": "Member-Win2022"}]}}}}]}"""
                .formatted(credentialSeconds, errors);
    }

    private static AssumeRoleCredentials credentials(AwsSimulator simulator, String roleArn, String externalId) {
        return new AssumeRoleCredentials(new AssumeRoleCredentials.Request(UrlConnectionHttpClient.create(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIASIMULATED", "simulated")), "us-east-1",
                simulator.endpoint(), roleArn, MemberCredentials.SESSION_NAME, externalId, 3600));
    }

    @Test
    void theMemberRolesCredentialsReachThatAccountsImagesAndTheRequestMeetsTheStsModel() {
        try (AwsSimulator simulator = AwsSimulator.start(Scenario.fromJson(scenario(3600)));
                AppStreamClient member = AppStreamClient.builder().endpointOverride(simulator.endpoint()).region(Region.EU_WEST_1)
                        .httpClient(UrlConnectionHttpClient.create()).credentialsProvider(credentials(simulator, ROLE, "org-7")).build()) {
            List<String> images = member.describeImages(request -> request.type("PRIVATE")).images().stream().map(Image::name).toList();

            assertEquals(List.of("Member-Win2022"), images);
            assertEquals(MEMBER, simulator.callsTo("DescribeImages").get(0).account(), "signed with the member's credentials");
            assertEquals(List.of(), simulator.modelViolations());
        }
    }

    @Test
    void aMissingRoleOrAWrongExternalIdFailsWithAReasonNamingTheRoleAndWhatToDeploy() {
        try (AwsSimulator simulator = AwsSimulator.start(Scenario.fromJson(scenario(3600)))) {
            for (AssumeRoleCredentials refused : List.of(credentials(simulator, "arn:aws:iam::" + MEMBER + ":role/Missing", "org-7"),
                    credentials(simulator, ROLE, "wrong-id"))) {
                ImageUpdateException error = assertThrows(ImageUpdateException.class, refused::resolveCredentials);
                assertTrue(error.getMessage().startsWith("AssumeRole arn:aws:iam::222222222222:role/"), error.getMessage());
                assertTrue(error.getMessage().contains("AccessDenied") && error.getMessage().contains("deploy the EucImageUpdaterMember stack"),
                        error.getMessage());
            }
            assertEquals(List.of(), simulator.mutatingCalls());
        }
    }

    @Test
    void aThrottledAssumeRoleIsRetriedAsTheSdkWould() {
        String twoThrottles = "[{\"operation\": \"AssumeRole\", \"type\": \"ThrottlingException\", \"times\": 2}]";
        try (AwsSimulator simulator = AwsSimulator.start(Scenario.fromJson(scenario(3600, twoThrottles)))) {
            AwsCredentials credentials = credentials(simulator, ROLE, "org-7").resolveCredentials();

            assertTrue(credentials.accessKeyId().startsWith("ASIA"), credentials::accessKeyId);
            assertEquals(List.of("ThrottlingException", "ThrottlingException"), simulator.callsTo("AssumeRole").stream()
                    .map(call -> call.errorType()).filter(java.util.Objects::nonNull).toList());
        }
    }

    @Test
    void credentialsAboutToExpireAreRenewedBeforeUse() {
        // The simulator hands out credentials valid for 30 s: within the last minute, so each use renews them.
        try (AwsSimulator simulator = AwsSimulator.start(Scenario.fromJson(scenario(30)))) {
            AssumeRoleCredentials credentials = credentials(simulator, ROLE, "org-7");
            AwsCredentials first = credentials.resolveCredentials();
            AwsCredentials second = credentials.resolveCredentials();

            assertEquals(2, simulator.callsTo("AssumeRole").size());
            assertNotEquals(first.accessKeyId(), second.accessKeyId());
            assertTrue(((AwsSessionCredentials) second).expirationTime().isPresent());
        }
    }

    @Test
    void theEndpointFollowsTheSdksStandardSettingsInTheirOrder() {
        Map<String, String> none = Map.of();
        assertEquals(URI.create("https://sts.eu-west-1.amazonaws.com"), AssumeRoleCredentials.endpoint("eu-west-1", none::get, none::get));
        assertEquals(URI.create("https://sts.cn-north-1.amazonaws.com.cn"),
                AssumeRoleCredentials.endpoint("cn-north-1", none::get, none::get));
        Map<String, String> environment = Map.of("AWS_ENDPOINT_URL", "http://all:1", "AWS_ENDPOINT_URL_STS", "http://sts:2");
        assertEquals(URI.create("http://sts:2"), AssumeRoleCredentials.endpoint("us-east-1", environment::get, none::get));
        assertEquals(URI.create("http://property:3"),
                AssumeRoleCredentials.endpoint("us-east-1", environment::get, Map.of("aws.endpointUrlSts", "http://property:3")::get),
                "at the same level a system property wins over the environment, as in the SDK");
        assertEquals(URI.create("http://sts:2"),
                AssumeRoleCredentials.endpoint("us-east-1", environment::get, Map.of("aws.endpointUrl", "http://property:3")::get),
                "and STS's own setting wins over the one for every service");
        assertEquals(URI.create("https://sts.us-east-1.amazonaws.com"), AssumeRoleCredentials.endpoint("us-east-1", environment::get,
                Map.of("aws.ignoreConfiguredEndpointUrls", "true")::get));
    }
}
