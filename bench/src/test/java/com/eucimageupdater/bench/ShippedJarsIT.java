package com.eucimageupdater.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.simulator.AwsSimulator;
import com.eucimageupdater.simulator.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The jars as deployed: their content, and each handler loaded from its jar in a fresh JVM, the way the
 * Lambda runtime loads it, answering against the simulator (plain and after SnapStart's priming). Not timed: the
 * figures come from ./run-benchmark.
 */
class ShippedJarsIT {
    private static final Path FUNCTIONS = Path.of("functions", "target");

    private static List<String> entries(String jar) throws IOException {
        try (JarFile file = new JarFile(FUNCTIONS.resolve(jar).toFile())) {
            return file.stream().map(JarEntry::getName).toList();
        }
    }

    /** A jar's handlers, and the AWS SDK service modules it must not carry (the other jars' clients). */
    private record Jar(String file, List<String> handlers, List<String> foreignServices) {}

    private static final List<Jar> JARS = List.of(
            new Jar("functions-lambda.jar", List.of("build/CheckHandler", "build/StartHandler", "build/PollHandler",
                    "distribute/DistributeHandler", "rollout/ResolveHandler", "rollout/MoveTargetsHandler", "retire/RetireHandler",
                    "rollback/FindRolloutHandler", "drift/SurveyHandler"), List.of("sns", "sfn", "kms", "eventbridge", "ssm")),
            new Jar("functions-run-lambda.jar", List.of("plan/PlanHandler", "build/SummarizeBuildsHandler", "rollout/PlanRolloutHandler",
                    "report/ReportHandler"), List.of("appstream", "workspaces", "sts", "sns", "sfn", "kms", "eventbridge", "ssm")),
            new Jar("functions-approval-mail-lambda.jar", List.of("approve/RequestApprovalHandler"),
                    List.of("appstream", "workspaces", "sts", "sfn", "ssm")),
            new Jar("functions-approval-endpoint-lambda.jar", List.of("approve/ApprovalEndpointHandler"),
                    List.of("appstream", "workspaces", "sts", "sns", "eventbridge", "ssm")),
            new Jar("functions-publish-lambda.jar", List.of("publish/PublishHandler"),
                    List.of("appstream", "workspaces", "sts", "sns", "sfn", "kms")));

    @Test
    void eachJarHoldsItsHandlersAndJacksonJrWithoutDatabindAnHttpStackOrTheOtherJarsClients() throws IOException {
        assertEquals(JARS.stream().map(Jar::file).sorted().toList(),
                ColdStartBenchmark.shippedJars(FUNCTIONS).stream().map(jar -> jar.getFileName().toString()).toList());
        for (Jar jar : JARS) {
            List<String> entries = entries(jar.file());
            System.out.printf(Locale.ROOT, "%s: %.2f MB, %d entries%n", jar.file(), Files.size(FUNCTIONS.resolve(jar.file())) / 1e6,
                    entries.size());
            for (String handler : jar.handlers()) {
                assertTrue(entries.contains("com/eucimageupdater/" + handler + ".class"), jar.file() + ": " + handler);
            }
            assertTrue(entries.contains("com/fasterxml/jackson/jr/ob/JSON.class"), jar.file() + ": every step's JSON (StepJson)");
            // One JSON approach in every jar: jackson-jr, whatever a dependency would bring along.
            List<String> forbidden = new ArrayList<>(List.of("org/apache/", "io/netty/", "com/fasterxml/jackson/databind/"));
            jar.foreignServices().forEach(service -> forbidden.add("software/amazon/awssdk/services/" + service + "/"));
            assertEquals(List.of(), entries.stream().filter(name -> forbidden.stream().anyMatch(name::startsWith)).toList(), jar.file());
        }
    }

    @Test
    void theImageStepsJarHasTheSdkAsItShipsAndTheRunJarNoSdk() throws IOException {
        List<String> image = entries("functions-lambda.jar");
        List<String> run = entries("functions-run-lambda.jar");

        assertTrue(image.contains("software/amazon/awssdk/regions/GeneratedServiceMetadataProvider.class"), "the SDK's own metadata");
        assertTrue(image.contains("software/amazon/awssdk/services/appstream/DefaultAppStreamClient.class"));
        assertTrue(image.contains("software/amazon/awssdk/services/sts/auth/StsAssumeRoleCredentialsProvider.class"));
        assertEquals(List.of(), run.stream().filter(name -> name.startsWith("software/amazon/awssdk/")).toList());
        assertTrue(run.contains("com/eucimageupdater/drift/PlaceSurvey.class"), "the report step reads what a survey found");
        assertTrue(!run.contains("com/eucimageupdater/drift/SurveyHandler.class"), "the survey runs in the image steps' jar");
    }

    @Test
    void everyHandlerAnswersFromItsJarInAFreshJvm() throws Exception {
        ColdStartBenchmark benchmark = ColdStartBenchmark.inProject(Path.of(""));
        try (AwsSimulator simulator = AwsSimulator.start(Scenario.defaultScenario())) {
            for (ColdStartBenchmark.Subject subject : benchmark.subjects()) {
                if (subject.kind() != ColdStartBenchmark.Kind.PROBE) {
                    benchmark.invoke(subject, simulator);
                }
            }
        }
    }

    @Test
    void anImageStepReachesAMemberAccountThroughItsRoleFromItsJar() throws Exception {
        ColdStartBenchmark benchmark = ColdStartBenchmark.inProject(Path.of(""));
        ColdStartBenchmark.Subject check = benchmark.subjects().stream().filter(subject -> subject.name().equals("Check")).findFirst()
                .orElseThrow();
        Path input = Files.createTempFile("member-check", ".json");
        Files.writeString(input, Files.readString(Path.of(check.input())).replace("\"service\": \"APPSTREAM\", \"image\": \"Base-Win2022\"",
                "\"service\": \"APPSTREAM\", \"image\": \"Base-Win2022\", \"account\": \"222222222222\", \"region\": \"us-east-1\""));
        String organization = """
                {"accountId": "123456789012", "region": "us-east-1",
                 "accounts": [{"accountId": "222222222222", "roles": [{"name": "EucImageUpdaterMember"}],
                               "regions": {"us-east-1": {"appstream": {"images": [{"name": "Base-Win2022", "updateAvailable": true}]}}}}]}""";
        try (AwsSimulator simulator = AwsSimulator.start(Scenario.fromJson(organization))) {
            benchmark.invoke(new ColdStartBenchmark.Subject("Check member", check.classpath(), check.handler(), input.toString(),
                    "\"updateAvailable\":true", ColdStartBenchmark.Kind.HANDLER), simulator);

            assertEquals(List.of("222222222222"), simulator.callsTo("DescribeImages").stream().map(call -> call.account()).distinct().toList(),
                    "the SDK's STS credentials provider in the jar signs the member's calls with STS's answer");
            assertEquals(1, simulator.callsTo("AssumeRole").size());
            assertEquals(List.of(), simulator.modelViolations());
        }
    }
}
