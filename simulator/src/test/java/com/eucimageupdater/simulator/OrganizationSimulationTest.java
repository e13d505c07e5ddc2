package com.eucimageupdater.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.appstream.AppStreamClient;
import software.amazon.awssdk.services.appstream.model.AppStreamException;
import software.amazon.awssdk.services.appstream.model.Image;
import software.amazon.awssdk.services.appstream.model.ImageState;
import software.amazon.awssdk.services.appstream.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.appstream.model.VisibilityType;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.AuthorizationErrorException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.StsException;
import software.amazon.awssdk.services.workspaces.WorkSpacesClient;
import software.amazon.awssdk.services.workspaces.model.ImageType;
import software.amazon.awssdk.services.workspaces.model.ResourceNotFoundException;
import software.amazon.awssdk.services.workspaces.model.Tag;
import software.amazon.awssdk.services.workspaces.model.WorkspaceImage;

/** Accounts, Regions and STS: organization.json driven as the functions drive it, through the real SDK. */
class OrganizationSimulationTest {
    private static final String HOME = "111111111111";
    private static final String MEMBER = "222222222222";
    private static final String ROLE = "EucImageUpdaterMember";
    private static final String EXTERNAL_ID = "euc-image-updater-org";
    private static final Region IRELAND = Region.EU_WEST_1;

    private final List<AutoCloseable> clients = new ArrayList<>();
    private AwsSimulator simulator;
    private StsClient sts;

    @BeforeEach
    void start() {
        startWith(Scenario.load(Path.of("scenarios", "organization.json")));
    }

    private void startWith(Scenario scenario) {
        simulator = AwsSimulator.start(scenario);
        sts = client(SdkClients.sts(simulator, SdkClients.HOME));
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable client : clients) {
            client.close();
        }
        simulator.close();
    }

    private <T extends AutoCloseable> T client(T client) {
        clients.add(client);
        return client;
    }

    private StsAssumeRoleCredentialsProvider role(String account, String externalId, Duration staleTime) {
        return client(StsAssumeRoleCredentialsProvider.builder().stsClient(sts).staleTime(staleTime).prefetchTime(staleTime)
                .refreshRequest(r -> r.roleArn(roleArn(account, ROLE)).roleSessionName("euc-image-updater").externalId(externalId))
                .build());
    }

    private StsAssumeRoleCredentialsProvider member(String account) {
        return role(account, EXTERNAL_ID, Duration.ofMinutes(1));
    }

    private AppStreamClient appStream(Region region, AwsCredentialsProvider credentials) {
        return client(SdkClients.appStream(simulator, 10, region, credentials));
    }

    private WorkSpacesClient workSpaces(Region region, AwsCredentialsProvider credentials) {
        return client(SdkClients.workSpaces(simulator, 10, region, credentials));
    }

    private static String roleArn(String account, String name) {
        return "arn:aws:iam::" + account + ":role/" + name;
    }

    private static String imageArn(Region region, String account, String name) {
        return "arn:aws:appstream:" + region.id() + ":" + account + ":image/" + name;
    }

    @Test
    void memberCredentialsSeeOnlyThatAccountsImagesInTheSigningRegion() {
        StsAssumeRoleCredentialsProvider member = member(MEMBER);

        List<Image> images = appStream(Region.US_EAST_1, member).describeImages(r -> { }).images();
        List<WorkspaceImage> workSpacesImages = workSpaces(IRELAND, member).describeWorkspaceImages(r -> { }).images();

        assertEquals(List.of(imageArn(Region.US_EAST_1, MEMBER, "Base-Win2022"), imageArn(Region.US_EAST_1, MEMBER, "Office-Win2019"),
                imageArn(Region.US_EAST_1, MEMBER, "Finance-Win2022")), images.stream().map(Image::arn).toList());
        assertEquals(List.of("wsi-2euw00001", "wsi-2euw00002"), workSpacesImages.stream().map(WorkspaceImage::imageId).toList());
        assertEquals(List.of(MEMBER, MEMBER), workSpacesImages.stream().map(WorkspaceImage::ownerAccountId).toList());
        assertEquals(List.of("DescribeImages"), simulator.callsIn(MEMBER, "us-east-1").stream().map(RecordedCall::operation).toList());
        RecordedCall assume = simulator.callsTo("AssumeRole").get(0);
        assertEquals(List.of("sts", HOME, "us-east-1", false), List.of(assume.service(), assume.account(), assume.region(), assume.mutating()));
    }

    @Test
    void assumedCredentialsAreTemporaryKeysOfTheRolesSession() {
        AssumeRoleResponse assumed = sts.assumeRole(r -> r.roleArn(roleArn(MEMBER, ROLE)).roleSessionName("check")
                .externalId(EXTERNAL_ID).durationSeconds(900));

        assertTrue(assumed.credentials().accessKeyId().matches("ASIA[A-Z0-9]{16}"), assumed.credentials().accessKeyId());
        assertEquals("arn:aws:sts::" + MEMBER + ":assumed-role/" + ROLE + "/check", assumed.assumedRoleUser().arn());
        assertTrue(assumed.assumedRoleUser().assumedRoleId().matches("AROA[A-Z0-9]{17}:check"), assumed.assumedRoleUser().assumedRoleId());
        long seconds = Duration.between(java.time.Instant.now(), assumed.credentials().expiration()).toSeconds();
        assertTrue(seconds > 800 && seconds <= 900, "expires in " + seconds + " s");
    }

    @Test
    void homeCredentialsInAnotherRegionSeeThatRegionsStateAndAnUnlistedRegionIsEmpty() {
        List<Image> ireland = appStream(IRELAND, SdkClients.HOME).describeImages(r -> { }).images();
        AppStreamClient oregon = appStream(Region.US_WEST_2, SdkClients.HOME);

        assertEquals(3, ireland.size());
        assertTrue(ireland.stream().allMatch(image -> image.arn().startsWith("arn:aws:appstream:eu-west-1:" + HOME + ":image/")));
        assertEquals(List.of(), oregon.describeImages(r -> { }).images());
        assertEquals(List.of(), oregon.describeFleets(r -> { }).fleets());
        assertEquals(List.of(), workSpaces(Region.US_WEST_2, SdkClients.HOME).describeWorkspaceImages(r -> { }).images());
        assertTrue(simulator.callsIn(HOME, "eu-west-1").size() >= 1);
    }

    @Test
    void aMissingRoleOrAWrongExternalIdIsAccessDeniedNamingTheRole() {
        StsException missing = assertThrows(StsException.class, () -> role("444444444444", EXTERNAL_ID, Duration.ofMinutes(1))
                .resolveCredentials());
        StsException wrongId = assertThrows(StsException.class, () -> role(MEMBER, "someone-else", Duration.ofMinutes(1))
                .resolveCredentials());
        StsException noId = assertThrows(StsException.class, () -> sts.assumeRole(r -> r.roleArn(roleArn(MEMBER, ROLE))
                .roleSessionName("s1")));

        assertEquals(403, missing.statusCode());
        assertEquals("AccessDenied", missing.awsErrorDetails().errorCode());
        assertEquals("User: arn:aws:iam::" + HOME + ":user/simulated is not authorized to perform: sts:AssumeRole on resource: "
                + roleArn("444444444444", ROLE), missing.awsErrorDetails().errorMessage());
        assertTrue(wrongId.awsErrorDetails().errorMessage().endsWith("on resource: " + roleArn(MEMBER, ROLE)));
        assertEquals("AccessDenied", noId.awsErrorDetails().errorCode());
    }

    @Test
    void aRoleSessionCannotAssumeARoleAgain() {
        StsClient chained = client(SdkClients.sts(simulator, member(MEMBER)));

        StsException refused = assertThrows(StsException.class, () -> chained.assumeRole(r -> r.roleArn(roleArn("333333333333", ROLE))
                .roleSessionName("chained").externalId(EXTERNAL_ID)));

        assertEquals("User: arn:aws:sts::" + MEMBER + ":assumed-role/" + ROLE + "/euc-image-updater is not authorized to perform:"
                + " sts:AssumeRole on resource: " + roleArn("333333333333", ROLE), refused.awsErrorDetails().errorMessage());
    }

    @Test
    void anArnOfAnotherAccountOrRegionIsAccessDeniedAndChangesNothing() {
        AppStreamClient home = appStream(Region.US_EAST_1, SdkClients.HOME);
        String memberImage = imageArn(Region.US_EAST_1, MEMBER, "Office-Win2019");

        AppStreamException otherAccount = assertThrows(AppStreamException.class, () -> home.updateFleet(r -> r.name("staging-win2022")
                .imageArn(memberImage)));
        AppStreamException otherRegion = assertThrows(AppStreamException.class, () -> appStream(IRELAND, SdkClients.HOME)
                .describeImages(r -> r.arns(imageArn(Region.US_EAST_1, HOME, "Base-Win2022"))));
        AppStreamException memberToHome = assertThrows(AppStreamException.class, () -> appStream(Region.US_EAST_1, member(MEMBER))
                .tagResource(r -> r.resourceArn(imageArn(Region.US_EAST_1, HOME, "Base-Win2022")).tags(Map.of("owner", "me"))));

        assertEquals(List.of("AccessDeniedException", 400), List.of(otherAccount.awsErrorDetails().errorCode(), otherAccount.statusCode()));
        assertEquals("User: arn:aws:iam::" + HOME + ":user/simulated is not authorized to perform: appstream:UpdateFleet on resource: "
                + memberImage, otherAccount.awsErrorDetails().errorMessage());
        assertEquals("AccessDeniedException", otherRegion.awsErrorDetails().errorCode());
        assertTrue(memberToHome.awsErrorDetails().errorMessage().startsWith("User: arn:aws:sts::" + MEMBER + ":assumed-role/"));
        assertEquals("Base-Win2022", home.describeFleets(r -> r.names("staging-win2022")).fleets().get(0).imageName());
        assertEquals(Map.of("team", "euc"), home.listTagsForResource(r -> r.resourceArn(imageArn(Region.US_EAST_1, HOME, "Base-Win2022"))).tags());
        assertTrue(simulator.mutatingCalls().stream().noneMatch(RecordedCall::succeeded));
    }

    @Test
    void awsOwnedImagesWithoutAnAccountAreUsableInTheirRegion() {
        String publicImage = "arn:aws:appstream:us-east-1::image/AppStream-WinServer2022-01-01-2025";

        AppStreamException missing = assertThrows(AppStreamException.class, () -> appStream(Region.US_EAST_1, SdkClients.HOME)
                .describeImages(r -> r.arns(publicImage)));
        AppStreamException elsewhere = assertThrows(AppStreamException.class, () -> appStream(IRELAND, SdkClients.HOME)
                .describeImages(r -> r.arns(publicImage)));

        assertEquals("ResourceNotFoundException", missing.awsErrorDetails().errorCode());
        assertEquals("AccessDeniedException", elsewhere.awsErrorDetails().errorCode());
    }

    @Test
    void onlyTheHomeAccountPublishesToItsTopic() {
        String topic = "arn:aws:sns:us-east-1:" + HOME + ":euc-image-updater";
        SnsClient member = client(SdkClients.sns(simulator, 1, Region.US_EAST_1, member(MEMBER)));
        SnsClient ireland = client(SdkClients.sns(simulator, 1, IRELAND, SdkClients.HOME));

        AuthorizationErrorException fromMember = assertThrows(AuthorizationErrorException.class,
                () -> member.publish(r -> r.topicArn(topic).message("hi")));
        assertThrows(AuthorizationErrorException.class, () -> ireland.publish(r -> r.topicArn(topic).message("hi")));
        client(SdkClients.sns(simulator, 1)).publish(r -> r.topicArn(topic).message("hi"));

        assertEquals(403, fromMember.statusCode());
        assertTrue(fromMember.awsErrorDetails().errorMessage().endsWith("sns:Publish on resource: " + topic));
        assertEquals(1, simulator.publishedMessages().size());
    }

    @Test
    void expiredCredentialsAreRefusedAndTheProviderAssumesTheRoleAgain() throws Exception {
        simulator.close();
        startWith(Scenario.fromJson(Files.readString(Path.of("scenarios", "organization.json"))
                .replaceFirst("\\{", "{ \"sts\": { \"credentialSeconds\": 2 },")));
        AssumeRoleResponse assumed = sts.assumeRole(r -> r.roleArn(roleArn(MEMBER, ROLE)).roleSessionName("once").externalId(EXTERNAL_ID));
        AppStreamClient once = appStream(Region.US_EAST_1, StaticCredentialsProvider.create(AwsSessionCredentials.create(
                assumed.credentials().accessKeyId(), assumed.credentials().secretAccessKey(), assumed.credentials().sessionToken())));
        AppStreamClient refreshed = appStream(Region.US_EAST_1, role(MEMBER, EXTERNAL_ID, Duration.ofSeconds(1)));
        once.describeImages(r -> { });
        refreshed.describeImages(r -> { });

        Thread.sleep(2200);

        AppStreamException expired = assertThrows(AppStreamException.class, () -> once.describeImages(r -> { }));
        assertEquals(List.of("ExpiredTokenException", 400), List.of(expired.awsErrorDetails().errorCode(), expired.statusCode()));
        assertEquals("The security token included in the request is expired", expired.awsErrorDetails().errorMessage());
        assertEquals(3, refreshed.describeImages(r -> { }).images().size());
        assertTrue(simulator.callsTo("AssumeRole").size() >= 3, simulator.callsTo("AssumeRole").toString());
        assertEquals(MEMBER, simulator.callsTo("DescribeImages").get(2).account());
    }

    @Test
    void aTemporaryKeyTheSimulatorDidNotIssueOrAWrongTokenIsUnrecognized() {
        AssumeRoleResponse assumed = sts.assumeRole(r -> r.roleArn(roleArn(MEMBER, ROLE)).roleSessionName("s1").externalId(EXTERNAL_ID));
        AppStreamClient unknownKey = appStream(Region.US_EAST_1, StaticCredentialsProvider.create(
                AwsSessionCredentials.create("ASIAUNKNOWN000000000", "secret", "token")));
        AppStreamClient wrongToken = appStream(Region.US_EAST_1, StaticCredentialsProvider.create(
                AwsSessionCredentials.create(assumed.credentials().accessKeyId(), "secret", "not-the-token")));

        AppStreamException unknown = assertThrows(AppStreamException.class, () -> unknownKey.describeImages(r -> { }));
        AppStreamException wrong = assertThrows(AppStreamException.class, () -> wrongToken.describeImages(r -> { }));

        assertEquals(List.of("UnrecognizedClientException", 403), List.of(unknown.awsErrorDetails().errorCode(), unknown.statusCode()));
        assertEquals("The security token included in the request is invalid.", unknown.awsErrorDetails().errorMessage());
        assertEquals("UnrecognizedClientException", wrong.awsErrorDetails().errorCode());
        assertEquals(null, simulator.callsTo("DescribeImages").get(0).account());
    }

    @Test
    void anAssumeRoleRequestBreakingTheStsModelIsAViolation() {
        StsException invalid = assertThrows(StsException.class, () -> sts.assumeRole(r -> r.roleArn(roleArn(MEMBER, ROLE))
                .roleSessionName("s".repeat(65)).externalId(EXTERNAL_ID).durationSeconds(60)));

        assertEquals("ValidationError", invalid.awsErrorDetails().errorCode());
        assertTrue(invalid.awsErrorDetails().errorMessage().startsWith("2 validation errors detected: "), invalid.awsErrorDetails().errorMessage());
        assertTrue(invalid.awsErrorDetails().errorMessage().contains("at 'durationSeconds' failed to satisfy constraint: Member must have"
                + " value greater than or equal to 900"), invalid.awsErrorDetails().errorMessage());
        assertEquals(List.of("AssumeRole"), simulator.modelViolations().stream().map(RecordedCall::operation).toList());
        assertEquals("sts", simulator.modelViolations().get(0).service());
    }

    @Test
    void copyImageMakesTheImageInTheDestinationRegionOfTheSameAccount() {
        StsAssumeRoleCredentialsProvider member = member(MEMBER);
        AppStreamClient virginia = appStream(Region.US_EAST_1, member);
        AppStreamClient ireland = appStream(IRELAND, member);

        virginia.copyImage(r -> r.sourceImageName("Base-Win2022").destinationImageName("Base-Win2022-copy").destinationRegion("eu-west-1"));

        Image copy = ireland.describeImages(r -> r.names("Base-Win2022-copy")).images().get(0);
        assertEquals(imageArn(IRELAND, MEMBER, "Base-Win2022-copy"), copy.arn());
        assertEquals(ImageState.AVAILABLE, copy.state());
        assertEquals(Map.of(), ireland.listTagsForResource(r -> r.resourceArn(copy.arn())).tags());
        assertThrows(ResourceAlreadyExistsException.class, () -> virginia.copyImage(r -> r.sourceImageName("Finance-Win2022")
                .destinationImageName("Base-Win2022-copy").destinationRegion("eu-west-1")));
        assertThrows(ResourceAlreadyExistsException.class, () -> virginia.copyImage(r -> r.sourceImageName("Base-Win2022")
                .destinationImageName("Office-Win2019").destinationRegion("eu-west-1")));
        assertThrows(software.amazon.awssdk.services.appstream.model.ResourceNotFoundException.class,
                () -> virginia.describeImages(r -> r.names("Base-Win2022-copy")));
    }

    @Test
    void copyWorkspaceImageTakesItsSourceFromTheSourceRegion() {
        StsAssumeRoleCredentialsProvider member = member(MEMBER);
        WorkSpacesClient ireland = workSpaces(IRELAND, member);

        String copy = ireland.copyWorkspaceImage(r -> r.sourceImageId("wsi-2use00001").sourceRegion("us-east-1")
                .name("ws-win10-base-copy").tags(Tag.builder().key("team").value("euc").build())).imageId();

        WorkspaceImage copied = ireland.describeWorkspaceImages(r -> r.imageIds(copy)).images().get(0);
        assertEquals(List.of("ws-win10-base-copy", MEMBER, "AVAILABLE"), List.of(copied.name(), copied.ownerAccountId(), copied.stateAsString()));
        assertEquals(List.of(Tag.builder().key("team").value("euc").build()), ireland.describeTags(r -> r.resourceId(copy)).tagList());
        assertThrows(ResourceNotFoundException.class, () -> ireland.copyWorkspaceImage(r -> r.sourceImageId("wsi-2euw00001")
                .sourceRegion("us-east-1").name("from-the-wrong-region")));
        assertEquals(List.of(), workSpaces(Region.US_EAST_1, member).describeWorkspaceImages(r -> r.imageIds(copy)).images());
    }

    @Test
    void anImageSharedWithAnotherAccountShowsThereAsShared() {
        AppStreamClient home = appStream(Region.US_EAST_1, SdkClients.HOME);
        StsAssumeRoleCredentialsProvider member = member(MEMBER);
        AppStreamClient memberAppStream = appStream(Region.US_EAST_1, member);
        WorkSpacesClient memberWorkSpaces = workSpaces(Region.US_EAST_1, member);
        String shared = imageArn(Region.US_EAST_1, HOME, "Finance-Win2022");

        home.updateImagePermissions(r -> r.name("Finance-Win2022").sharedAccountId(MEMBER)
                .imagePermissions(p -> p.allowFleet(true).allowImageBuilder(false)));
        client(SdkClients.workSpaces(simulator, 1)).updateWorkspaceImagePermission(r -> r.imageId("wsi-1use00002")
                .sharedAccountId(MEMBER).allowCopyImage(true));

        List<Image> sharedImages = memberAppStream.describeImages(r -> r.type(VisibilityType.SHARED)).images();
        assertEquals(List.of(shared), sharedImages.stream().map(Image::arn).toList());
        assertEquals(VisibilityType.SHARED, sharedImages.get(0).visibility());
        memberAppStream.updateFleet(r -> r.name("staging-win2022").imageArn(shared));
        assertEquals(shared, memberAppStream.describeFleets(r -> r.names("staging-win2022")).fleets().get(0).imageArn());
        List<WorkspaceImage> sharedWorkSpaces = memberWorkSpaces.describeWorkspaceImages(r -> r.imageType(ImageType.SHARED)).images();
        assertEquals(List.of("wsi-1use00002"), sharedWorkSpaces.stream().map(WorkspaceImage::imageId).toList());
        assertEquals(HOME, sharedWorkSpaces.get(0).ownerAccountId());
        assertEquals(List.of(), appStream(IRELAND, member).describeImages(r -> r.type(VisibilityType.SHARED)).images());
        assertEquals(List.of(), appStream(Region.US_EAST_1, member("333333333333")).describeImages(r -> r.type(VisibilityType.SHARED)).images());
    }
}
