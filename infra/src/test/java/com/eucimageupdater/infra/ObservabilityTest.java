package com.eucimageupdater.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.workflow.FunctionEnvironment;
import com.eucimageupdater.workflow.FunctionSpec;
import com.eucimageupdater.workflow.WorkflowStep;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.Set;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Logs, metrics, dashboard and SnapStart, as the template declares them. */
class ObservabilityTest {
    private static final List<String> STEPS = List.of("Plan", "Resolve", "Check", "Start", "Poll", "MoveTargets", "Retire", "PlanRollout",
            "RequestApproval", "FindRollout", "Survey", "Report");
    private static Template template;

    @BeforeAll
    static void synthesize() {
        template = TestStack.get().template;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Plan", "Check", "Start", "Poll", "Report"})
    @DisplayName("each function logs JSON at cdk.json's application log level, with Lambda's platform events at INFO")
    void jsonLogsAtTheConfiguredLevel(String step) {
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", TestStack.handler(step),
                "LoggingConfig", Match.objectLike(Map.of("LogFormat", "JSON", "ApplicationLogLevel", "INFO", "SystemLogLevel", "INFO"))));
    }

    @Test
    @DisplayName("the state machine logs errors only, without execution data: no state's input or output, so no task token, in any log")
    void stateMachineLogsErrorsWithoutExecutionData() {
        for (Template app : List.of(template, TestStack.shipped().template)) {
            Map<String, Map<String, Object>> stateMachines = app.findResources("AWS::StepFunctions::StateMachine");
            assertEquals(1, stateMachines.size());
            Map<?, ?> logging = (Map<?, ?>) ((Map<?, ?>) stateMachines.values().iterator().next().get("Properties"))
                    .get("LoggingConfiguration");

            assertEquals("ERROR", logging.get("Level"));
            assertEquals(false, logging.get("IncludeExecutionData"));
        }
    }

    @Test
    @DisplayName("every function, the approval endpoint included, logs JSON at cdk.json's level, with Lambda's platform events at INFO")
    void everyFunctionLogsJsonAtTheConfiguredLevel() {
        Map<String, Map<String, Object>> functions = template.findResources("AWS::Lambda::Function");
        Map<String, Object> expected = Map.of("LogFormat", "JSON", "ApplicationLogLevel", "INFO", "SystemLogLevel", "INFO");

        assertTrue(functions.containsKey(TestStack.get().functionId("ApprovalEndpoint")), functions::toString);
        functions.forEach((id, function) -> {
            Map<?, ?> logging = (Map<?, ?>) ((Map<?, ?>) function.get("Properties")).get("LoggingConfig");
            Map<Object, Object> levels = new TreeMap<>(logging);
            levels.remove("LogGroup");
            assertEquals(new TreeMap<>(expected), levels, id);
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Plan", "Check", "Start", "Poll", "Report"})
    @DisplayName("each function has SnapStart on its published versions, and a live alias on the version this deploy published")
    void snapStartOnThePublishedVersionTheAliasNames(String step) {
        String function = TestStack.get().functionId(step);
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", TestStack.handler(step),
                "SnapStart", Map.of("ApplyOn", "PublishedVersions")));
        Map<String, Map<String, Object>> versions = template.findResources("AWS::Lambda::Version", Map.of("Properties",
                Map.of("FunctionName", Map.of("Ref", function))));
        assertEquals(1, versions.size(), () -> step + " versions: " + versions.keySet());
        template.hasResourceProperties("AWS::Lambda::Alias", Map.of(
                "FunctionName", Map.of("Ref", function),
                "Name", EucImageUpdaterStack.LIVE_ALIAS,
                "FunctionVersion", Map.of("Fn::GetAtt", List.of(versions.keySet().iterator().next(), "Version"))));
    }

    @Test
    @DisplayName("every function, each step's and the approval endpoint's, has SnapStart and a live alias on its published version")
    void everyFunctionSnapStartOnTheVersionItsLiveAliasNames() {
        Map<String, Map<String, Object>> functions = template.findResources("AWS::Lambda::Function");
        Set<String> handlers = new TreeSet<>();
        functions.forEach((id, function) -> {
            Map<?, ?> properties = (Map<?, ?>) function.get("Properties");
            handlers.add(String.valueOf(properties.get("Handler")));
            assertEquals(Map.of("ApplyOn", "PublishedVersions"), properties.get("SnapStart"), id);
            Map<String, Map<String, Object>> versions = template.findResources("AWS::Lambda::Version", Map.of("Properties",
                    Map.of("FunctionName", Map.of("Ref", id))));
            assertEquals(1, versions.size(), () -> id + " versions: " + versions.keySet());
            Map<String, Map<String, Object>> aliases = template.findResources("AWS::Lambda::Alias", Map.of("Properties", Map.of(
                    "FunctionName", Map.of("Ref", id),
                    "Name", EucImageUpdaterStack.LIVE_ALIAS,
                    "FunctionVersion", Map.of("Fn::GetAtt", List.of(versions.keySet().iterator().next(), "Version")))));
            assertEquals(1, aliases.size(), () -> id + " live aliases: " + aliases.keySet());
        });

        Set<String> expected = new TreeSet<>(Arrays.stream(WorkflowStep.values()).map(step -> step.function().handler()).toList());
        expected.add(FunctionSpec.APPROVAL_ENDPOINT.handler());
        assertEquals(expected, handlers);
    }

    @Test
    @DisplayName("the AWS steps ship in the SDK jar, the run-wide steps in the databind jar, the approval mail in its own")
    void eachStepInItsJar() {
        Map<String, List<String>> stepsByJar = STEPS.stream().collect(Collectors.groupingBy(step ->
                String.valueOf(((Map<?, ?>) properties(TestStack.get().functionId(step)).get("Code")).get("S3Key")), TreeMap::new,
                Collectors.toList()));

        assertEquals(Set.of(List.of("Resolve", "Check", "Start", "Poll", "MoveTargets", "Retire", "FindRollout", "Survey"),
                List.of("Plan", "PlanRollout", "Report"), List.of("RequestApproval")), Set.copyOf(stepsByJar.values()));
    }

    @Test
    @DisplayName("the functions are told the metrics namespace, which is the stack's own")
    void metricsNamespacePerStack() {
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", "com.eucimageupdater.report.ReportHandler::handleRequest",
                "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        FunctionEnvironment.METRICS_NAMESPACE,
                        FunctionEnvironment.DEFAULT_METRICS_NAMESPACE + "/" + EucImageUpdaterApp.STACK_NAME)))));
    }

    @Test
    @DisplayName("the dashboard shows runs, outcomes, build minutes, quota waits, and each function's errors, throttles and durations")
    void dashboardWidgets() throws Exception {
        Map<String, Map<String, Object>> dashboards = template.findResources("AWS::CloudWatch::Dashboard");
        assertEquals(1, dashboards.size(), dashboards::toString);
        String body = new ObjectMapper().writeValueAsString(((Map<?, ?>) dashboards.values().iterator().next().get("Properties")).get("DashboardBody"));

        for (String expected : List.of("\\\"title\\\":\\\"Runs\\\"", "ExecutionsStarted", "ExecutionsSucceeded", "ExecutionsFailed",
                "ExecutionsTimedOut", "ImagesUpdated", "ImagesUpToDate", "ImagesFailed", "InputRejected", "BuildMinutes",
                "QuotaWaitSeconds", "\\\"Service\\\",\\\"APPSTREAM\\\"", "\\\"Service\\\",\\\"WORKSPACES\\\"", "\\\"Errors\\\"",
                "\\\"Throttles\\\"", "\\\"Duration\\\"", "p50",
                FunctionEnvironment.DEFAULT_METRICS_NAMESPACE + "/" + EucImageUpdaterApp.STACK_NAME)) {
            assertTrue(body.contains(expected), () -> expected + " in " + body);
        }
        for (String step : STEPS) {
            String function = TestStack.get().functionId(step);
            assertTrue(body.contains("{\"Ref\":\"" + function + "\"}"), () -> step + "'s function in " + body);
        }
    }

    private static Map<String, Object> properties(String logicalId) {
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) template.findResources("AWS::Lambda::Function").get(logicalId).get("Properties");
        return properties;
    }
}
