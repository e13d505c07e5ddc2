package com.eucimageupdater.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.simulator.AwsSimulator;
import com.eucimageupdater.simulator.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The jars as deployed: their size and content, and each handler loaded from its jar in a fresh JVM, the way the
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

    @Test
    void eachJarIsWithinTheBoundThatKeepsAnHttpStackOrDatabindOut() throws IOException {
        List<Path> jars = ColdStartBenchmark.shippedJars(FUNCTIONS);
        assertEquals(4, jars.size(), jars::toString);
        for (Path jar : jars) {
            long bytes = jar.toFile().length();
            assertTrue(bytes > 0 && bytes <= ColdStartBenchmark.JAR_LIMIT_BYTES, jar + ": " + bytes + " bytes");
        }
    }

    @Test
    void theImageStepsJarHasTheSdkWithoutApacheNettyOrDatabindAndTheRunJarNoSdk() throws IOException {
        List<String> image = entries("functions-lambda.jar");
        List<String> run = entries("functions-run-lambda.jar");

        assertEquals(List.of(), image.stream().filter(name -> name.startsWith("org/apache/") || name.startsWith("io/netty/")
                || name.startsWith("com/fasterxml/jackson/databind/")).toList());
        assertTrue(image.contains("com/fasterxml/jackson/core/JsonFactory.class"), "the records' JSON through jackson-core's own API");
        assertTrue(image.contains("software/amazon/awssdk/regions/GeneratedServiceMetadataProvider.class"), "the SDK's own metadata");
        assertTrue(image.contains("software/amazon/awssdk/services/appstream/DefaultAppStreamClient.class"));
        assertTrue(image.contains("software/amazon/awssdk/services/sts/auth/StsAssumeRoleCredentialsProvider.class"));
        assertTrue(image.contains("com/eucimageupdater/build/CheckHandler.class"));
        assertEquals(List.of(), run.stream().filter(name -> name.startsWith("software/amazon/awssdk/")).toList());
        assertTrue(run.contains("com/eucimageupdater/report/ReportHandler.class"));
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
