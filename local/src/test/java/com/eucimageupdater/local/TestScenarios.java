package com.eucimageupdater.local;

import com.eucimageupdater.simulator.AwsSimulator;
import com.eucimageupdater.simulator.RecordedCall;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Scenario and input JSON for the end-to-end tests, and questions about what reached the simulator. */
final class TestScenarios {
    static final String NO_FAULTS = "{}";
    static final String NO_ERRORS = "[]";

    private TestScenarios() {}

    static String scenario(String appStreamImages, String workSpacesImages, String faults) {
        return scenario(appStreamImages, workSpacesImages, faults, NO_ERRORS);
    }

    static String scenario(String appStreamImages, String workSpacesImages, String faults, String errors) {
        return """
                {"region": "us-east-1", "accountId": "123456789012", "seed": 11, "faults": %s, "errors": %s,
                 "appstream": {"images": [%s]}, "workspaces": {"images": [%s]},
                 "sns": {"topics": ["arn:aws:sns:us-east-1:123456789012:euc-image-updater"],
                         "subscriptions": [{"topicArn": "arn:aws:sns:us-east-1:123456789012:euc-image-updater",
                                            "endpoint": "euc-admins@example.com"}]}}"""
                .formatted(faults, errors, appStreamImages, workSpacesImages);
    }

    static String appStream(String name, boolean update, String outcome) {
        return """
                {"name": "%s", "state": "AVAILABLE", "visibility": "PRIVATE", "platform": "WINDOWS_SERVER_2022",
                 "updateAvailable": %s, "build": {"outcome": "%s", "pollsUntilDone": 2, "reason": "Image builder failed to install updates"}}"""
                .formatted(name, update, outcome);
    }

    static String workSpaces(String id, String name, boolean update, String outcome) {
        return """
                {"id": "%s", "name": "%s", "description": "Finance desktop", "state": "AVAILABLE", "os": "WINDOWS",
                 "updateAvailable": %s, "updateDescription": "WorkSpaces agent and driver updates",
                 "build": {"outcome": "%s", "pollsUntilDone": 2, "reason": "The update could not be installed"}}"""
                .formatted(id, name, update, outcome);
    }

    static String input(String... images) {
        return "{\"images\": [" + String.join(",", images) + "]}";
    }

    static String image(String service, String image) {
        return "{\"service\": \"" + service + "\", \"image\": \"" + image + "\", \"tags\": {\"team\": \"euc\"}}";
    }

    /** {@code pairs} AppStream and {@code pairs} WorkSpaces images, all with updates, and an input naming them all. */
    record Fleet(String appStreamImages, String workSpacesImages, String input) {
        static Fleet of(int pairs) {
            return new Fleet(
                    join(pairs, i -> appStream("Image-" + i, true, "AVAILABLE")),
                    join(pairs, i -> workSpaces(workSpacesId(i), "desk-" + i, true, "AVAILABLE")),
                    TestScenarios.input(join(pairs, i -> image("APPSTREAM", "Image-" + i) + "," + image("WORKSPACES", workSpacesId(i)))));
        }

        String scenario(String faults) {
            return TestScenarios.scenario(appStreamImages, workSpacesImages, faults);
        }

        private static String workSpacesId(int i) {
            return "wsi-%09d".formatted(i);
        }

        private static String join(int count, IntFunction<String> item) {
            return IntStream.range(0, count).mapToObj(item).collect(Collectors.joining(","));
        }
    }

    /** Whether a mail's line says a copy was made, started or found in the Region, in today's words or before (not a conflict's). */
    static boolean claimsACopyIn(String region, String mail) {
        return mail.lines().anyMatch(line -> line.matches(".*((?<!not )copied to |copy started: |already copied: |copy already under way: )"
                + "[^;]*" + region + ".*"));
    }

    /** Each created image's source, one entry per successful create. */
    static List<String> createdSources(AwsSimulator aws) {
        return creates(aws).stream()
                .map(call -> call.request().path("existingImageName").asText(call.request().path("SourceImageId").asText()))
                .toList();
    }

    /** Every attempt to create an image, in order: "success" or the error answered. */
    static List<String> createAttempts(AwsSimulator aws) {
        return aws.calls().stream().filter(TestScenarios::isCreate).map(call -> call.succeeded() ? "success" : call.errorType()).toList();
    }

    /** Successful calls that created an image (a dry run creates nothing). */
    static List<RecordedCall> creates(AwsSimulator aws) {
        return aws.calls().stream().filter(call -> call.httpStatus() == 200).filter(TestScenarios::isCreate).toList();
    }

    /** A create attempt; a dry run creates nothing. */
    private static boolean isCreate(RecordedCall call) {
        return call.operation().equals("CreateUpdatedWorkspaceImage")
                || (call.operation().equals("CreateUpdatedImage") && !call.request().path("dryRun").asBoolean());
    }
}
