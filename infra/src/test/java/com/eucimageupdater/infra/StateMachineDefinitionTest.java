package com.eucimageupdater.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.plan.DeploymentSettings;
import com.eucimageupdater.plan.RunLimits;
import com.eucimageupdater.workflow.WorkflowStep;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ASL file as the stack deploys it: every placeholder filled, valid ASL, bounded in time. */
class StateMachineDefinitionTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, Object> stateMachine;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void synthesize() {
        Map<String, Map<String, Object>> stateMachines = TestStack.get().template.findResources("AWS::StepFunctions::StateMachine");
        stateMachine = (Map<String, Object>) stateMachines.values().iterator().next().get("Properties");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> substitutions() {
        return (Map<String, Object>) stateMachine.get("DefinitionSubstitutions");
    }

    private static String deployedDefinition() {
        try {
            return Files.readString(TestStack.PROJECT_ROOT.resolve(WorkflowStep.DEFINITION));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /**
     * The definition as Step Functions receives it: literal substitutions as the stack set them, and plausible
     * ARNs where CloudFormation fills in a resource attribute.
     */
    private static String substitutedDefinition() {
        String definition = deployedDefinition();
        for (Map.Entry<String, Object> substitution : substitutions().entrySet()) {
            String name = substitution.getKey();
            String value = substitution.getValue() instanceof String literal ? literal
                    : name.equals("Partition") ? "aws"
                    : name.equals("TopicArn") ? "arn:aws:sns:eu-west-1:123456789012:euc-image-updater"
                    : "arn:aws:lambda:eu-west-1:123456789012:function:" + name.replace("Arn", "");
            definition = definition.replace("${" + name + "}", value);
        }
        return definition;
    }

    @Test
    @DisplayName("every ${...} placeholder in the ASL file has a substitution, and every substitution is used")
    void placeholdersMatchSubstitutions() throws IOException {
        String file = Files.readString(TestStack.PROJECT_ROOT.resolve(WorkflowStep.DEFINITION));

        assertEquals(placeholders(file), new TreeSet<>(substitutions().keySet()));
    }

    @Test
    @DisplayName("the ASL's ${<step>FunctionArn} placeholders are exactly the contract's steps (the others are settings)")
    void functionPlaceholdersAreTheContractSteps() {
        Set<String> functions = new TreeSet<>(placeholders(deployedDefinition()));
        functions.removeIf(name -> !name.endsWith("FunctionArn"));

        assertEquals(Arrays.stream(WorkflowStep.values()).map(WorkflowStep::placeholder).collect(Collectors.toCollection(TreeSet::new)),
                functions);
    }

    @Test
    @DisplayName("after substitution the definition passes asl-validator")
    void substitutedDefinitionIsValidAsl(@TempDir Path dir) throws Exception {
        Path definition = Files.writeString(dir.resolve("image-updater.asl.json"), substitutedDefinition());
        Path node = TestStack.PROJECT_ROOT.resolve("node_modules/.bin/node");
        Path validator = TestStack.PROJECT_ROOT.resolve("node_modules/asl-validator/dist/bin/asl-validator.js");
        assertTrue(Files.isExecutable(node) && Files.isRegularFile(validator), "run `npm ci` in the project root first");

        Process process = new ProcessBuilder(node.toString(), validator.toString(), "--json-path", definition.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "asl-validator finished");

        assertEquals(0, process.exitValue(), output);
    }

    @Test
    @DisplayName("the service integrations' ARNs take the partition the stack is deployed to")
    void partitionIsTheDeployments() {
        assertEquals(Map.of("Ref", "AWS::Partition"), substitutions().get("Partition"));
    }

    @Test
    @DisplayName("the configured images reach the Plan step as JSON text inside a string")
    void configuredImagesRoundTrip() throws IOException {
        JsonNode plan = JSON.readTree(substitutedDefinition()).at("/States/PlanRun/Parameters/configuredImages");

        assertTrue(plan.isTextual(), () -> "a string: " + plan);
        assertEquals(JSON.valueToTree(TestStack.IMAGES), JSON.readTree(plan.asText()));
    }

    @Test
    @DisplayName("the Regions the deployment works in reach the Plan step as a JSON list inside a string")
    void workRegionsReachThePlanStep() throws IOException {
        JsonNode plan = JSON.readTree(substitutedDefinition()).at("/States/PlanRun/Parameters/workRegions");

        assertTrue(plan.isTextual(), () -> "a string: " + plan);
        assertEquals(JSON.valueToTree(TestStack.WORK_REGIONS), JSON.readTree(plan.asText()));
    }

    @Test
    @DisplayName("the ASL file is deployed as is, from an S3 asset, with its substitutions")
    void definitionIsDeployedFromTheFile() {
        assertTrue(stateMachine.containsKey("DefinitionS3Location"), stateMachine::toString);
        assertTrue(!stateMachine.containsKey("DefinitionString"), "no inlined copy of the file");
    }

    @Test
    @DisplayName("the whole execution has the overall timeout the run limits assume, and the configured images fit in it")
    void executionTimeout() throws IOException {
        long timeoutSeconds = JSON.readTree(deployedDefinition()).get("TimeoutSeconds").asLong();
        DeploymentSettings settings = TestStack.get().config.deploymentSettings();

        assertEquals(RunLimits.EXECUTION_TIMEOUT_HOURS * 3600L, timeoutSeconds);
        assertEquals(List.of(), RunLimits.problems("images", TestStack.IMAGES.size(), settings.maxConcurrency(),
                settings.pollIntervalSeconds(), settings.maxWaitMinutes(), settings.rollout().approvalTimeoutHours()));
    }

    @Test
    @DisplayName("the schedule's time zone reaches the Plan step, which reckons the run date in it")
    void timeZoneReachesPlanStep() throws IOException {
        JsonNode plan = JSON.readTree(substitutedDefinition()).at("/States/PlanRun/Parameters/timeZone");

        assertEquals(TestStack.get().config.schedule().timeZone(), plan.asText());
    }
}
