package com.eucimageupdater.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.appstream.AppStreamClient;
import software.amazon.awssdk.services.appstream.model.LimitExceededException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.workspaces.WorkSpacesClient;
import software.amazon.awssdk.services.workspaces.model.AccessDeniedException;

class FaultInjectionTest {
    private static final String IMAGES = """
            "appstream": { "images": [ { "name": "Base-Win2022", "updateAvailable": true },
                                       { "name": "Other-Win2022", "updateAvailable": true } ] },
            "workspaces": { "images": [ { "id": "wsi-0a1b2c3d4", "name": "ws-win10-base", "updateAvailable": true } ] },
            "sns": { "topics": [ "arn:aws:sns:us-east-1:123456789012:euc-image-updater" ] }
            """;

    private static Scenario scenario(String faultsAndErrors) {
        return Scenario.fromJson("{ " + faultsAndErrors + ", " + IMAGES + " }");
    }

    @Test
    void throttlingMakesTheSdkRetryThenFailWithoutChangingAnything() {
        try (AwsSimulator simulator = AwsSimulator.start(scenario("\"faults\": { \"throttleRate\": 1.0 }"));
             WorkSpacesClient workSpaces = SdkClients.workSpaces(simulator, 3)) {
            AwsServiceException error = assertThrows(AwsServiceException.class, () -> workSpaces.createUpdatedWorkspaceImage(
                    r -> r.sourceImageId("wsi-0a1b2c3d4").name("ws-win10-base-new").description("Monthly update")));

            assertTrue(error.isThrottlingException());
            assertEquals("ThrottlingException", error.awsErrorDetails().errorCode());
            assertEquals("Rate exceeded", error.awsErrorDetails().errorMessage());
            assertEquals(3, simulator.callsTo("CreateUpdatedWorkspaceImage").size(), "the SDK retried twice");
            assertTrue(simulator.calls().stream().noneMatch(RecordedCall::succeeded));
        }
        try (AwsSimulator simulator = AwsSimulator.start(scenario("\"faults\": { \"throttleRate\": 1.0, \"faultOperations\": [\"Publish\"] }"));
             SnsClient sns = SdkClients.sns(simulator, 2)) {
            AwsServiceException error = assertThrows(AwsServiceException.class, () -> sns.publish(
                    r -> r.topicArn("arn:aws:sns:us-east-1:123456789012:euc-image-updater").message("m")));

            assertTrue(error.isThrottlingException());
            assertEquals("Throttling", error.awsErrorDetails().errorCode());
            assertTrue(simulator.publishedMessages().isEmpty());
        }
    }

    @Test
    void faultsDrawnFromTheSameSeedRepeatInTheSameOrder() {
        String faults = "\"seed\": 42, \"faults\": { \"throttleRate\": 0.3, \"serverErrorRate\": 0.3 }";

        List<String> first = outcomesOfTwentyDescribes(scenario(faults));
        List<String> second = outcomesOfTwentyDescribes(scenario(faults));

        assertEquals(first, second);
        assertTrue(first.contains("ok") && first.contains("ThrottlingException")
                && (first.contains("InternalFailure") || first.contains("ServiceUnavailable")), first.toString());
    }

    private static List<String> outcomesOfTwentyDescribes(Scenario scenario) {
        List<String> outcomes = new ArrayList<>();
        try (AwsSimulator simulator = AwsSimulator.start(scenario);
             WorkSpacesClient workSpaces = SdkClients.workSpaces(simulator, 1)) {
            for (int i = 0; i < 20; i++) {
                try {
                    workSpaces.describeWorkspaceImages(r -> r.imageIds("wsi-0a1b2c3d4"));
                    outcomes.add("ok");
                } catch (AwsServiceException e) {
                    outcomes.add(e.awsErrorDetails().errorCode());
                }
            }
        }
        return outcomes;
    }

    @Test
    void faultsApplyOnlyToTheListedOperations() {
        try (AwsSimulator simulator = AwsSimulator.start(scenario(
                "\"faults\": { \"serverErrorRate\": 1.0, \"faultOperations\": [\"CreateUpdatedImage\"] }"));
             AppStreamClient appStream = SdkClients.appStream(simulator, 1)) {
            assertEquals(2, appStream.describeImages(r -> { }).images().size());
            AwsServiceException error = assertThrows(AwsServiceException.class, () -> appStream.createUpdatedImage(
                    r -> r.existingImageName("Base-Win2022").newImageName("Base-Win2022-new").dryRun(false)));

            assertTrue(error.statusCode() == 500 || error.statusCode() == 503);
            assertEquals(2, appStream.describeImages(r -> { }).images().size());
        }
    }

    @Test
    void aScriptedErrorIsAnsweredItsNumberOfTimesThenTheCallWorks() {
        String errors = """
                "errors": [ { "operation": "CreateUpdatedImage", "image": "Base-Win2022", "type": "LimitExceededException",
                              "message": "The image builder quota is reached", "times": 2, "mutatingOnly": true } ]""";
        try (AwsSimulator simulator = AwsSimulator.start(scenario(errors));
             AppStreamClient appStream = SdkClients.appStream(simulator, 1)) {
            appStream.createUpdatedImage(r -> r.existingImageName("Base-Win2022").newImageName("Dry").dryRun(true));
            appStream.createUpdatedImage(r -> r.existingImageName("Other-Win2022").newImageName("Other-new").dryRun(false));
            for (int attempt = 0; attempt < 2; attempt++) {
                LimitExceededException error = assertThrows(LimitExceededException.class, () -> appStream.createUpdatedImage(
                        r -> r.existingImageName("Base-Win2022").newImageName("Base-Win2022-new").dryRun(false)));
                assertEquals("The image builder quota is reached", error.awsErrorDetails().errorMessage());
            }

            appStream.createUpdatedImage(r -> r.existingImageName("Base-Win2022").newImageName("Base-Win2022-new").dryRun(false));

            assertEquals(List.of("Base-Win2022", "Other-Win2022", "Other-new", "Base-Win2022-new"),
                    appStream.describeImages(r -> { }).images().stream().map(image -> image.name()).toList());
        }
    }

    @Test
    void aScriptedErrorWithoutTimesIsAnsweredAlways() {
        String errors = """
                "errors": [ { "operation": "DescribeWorkspaceImages", "type": "AccessDeniedException" } ]""";
        try (AwsSimulator simulator = AwsSimulator.start(scenario(errors));
             WorkSpacesClient workSpaces = SdkClients.workSpaces(simulator, 1)) {
            for (int attempt = 0; attempt < 3; attempt++) {
                assertThrows(AccessDeniedException.class, () -> workSpaces.describeWorkspaceImages(r -> { }));
            }
        }
    }
}
