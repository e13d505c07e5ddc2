package com.eucimageupdater.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class StackResourcesTest {
    private static Template template;

    @BeforeAll
    static void synthesize() {
        template = TestStack.get().template;
    }

    private static Map<String, Object> ref(String logicalId) {
        return Map.of("Ref", logicalId);
    }

    private static String onlyResource(String type) {
        Map<String, Map<String, Object>> resources = template.findResources(type);
        assertEquals(1, resources.size(), () -> type + ": " + resources.keySet());
        return resources.keySet().iterator().next();
    }

    @Test
    @DisplayName("the schedule runs the configured cron expression in the configured time zone")
    void scheduleExpressionAndTimeZone() {
        template.hasResourceProperties("AWS::Scheduler::Schedule", Map.of(
                "ScheduleExpression", "cron(0 6 ? * WED#2 *)",
                "ScheduleExpressionTimezone", "UTC",
                "State", "ENABLED"));
    }

    @Test
    @DisplayName("the schedule starts the state machine with {} so the run takes the configured images")
    void scheduleTargetsStateMachineWithEmptyInput() {
        template.hasResourceProperties("AWS::Scheduler::Schedule", Map.of("Target", Match.objectLike(Map.of(
                "Arn", ref(onlyResource("AWS::StepFunctions::StateMachine")),
                "Input", "{}"))));
    }

    @Test
    @DisplayName("the schedule retries a failed start and then parks it in the dead-letter queue")
    void scheduleRetriesIntoDeadLetterQueue() {
        template.hasResourceProperties("AWS::Scheduler::Schedule", Map.of("Target", Match.objectLike(Map.of(
                "RetryPolicy", Map.of("MaximumRetryAttempts", 3, "MaximumEventAgeInSeconds", 6 * 3600),
                "DeadLetterConfig", Map.of("Arn", Map.of("Fn::GetAtt", List.of(onlyResource("AWS::SQS::Queue"), "Arn")))))));
    }

    @Test
    @DisplayName("the dead-letter queue is encrypted and refuses plain HTTP")
    void deadLetterQueueEncryptedAndSslOnly() {
        template.hasResourceProperties("AWS::SQS::Queue", Map.of("SqsManagedSseEnabled", true));
        template.hasResourceProperties("AWS::SQS::QueuePolicy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Deny",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
    }

    @Test
    @DisplayName("every configured e-mail address is subscribed to the topic, and nothing else")
    void emailSubscriptions() {
        String topic = onlyResource("AWS::SNS::Topic");
        Map<String, Map<String, Object>> subscriptions = template.findResources("AWS::SNS::Subscription");

        assertEquals(TestStack.EMAILS.size(), subscriptions.size());
        TestStack.EMAILS.forEach(email -> template.hasResourceProperties("AWS::SNS::Subscription", Map.of(
                "Protocol", "email", "Endpoint", email, "TopicArn", ref(topic))));
    }

    @Test
    @DisplayName("the topic is encrypted with a rotating customer-managed key")
    void topicEncryptedWithRotatingKey() {
        String key = onlyResource("AWS::KMS::Key");

        template.hasResourceProperties("AWS::KMS::Key", Map.of("EnableKeyRotation", true));
        template.hasResourceProperties("AWS::SNS::Topic", Map.of(
                "KmsMasterKeyId", Map.of("Fn::GetAtt", List.of(key, "Arn"))));
    }

    @Test
    @DisplayName("the topic refuses publishing over plain HTTP")
    void topicSslOnly() {
        template.hasResourceProperties("AWS::SNS::TopicPolicy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Deny",
                        "Action", "sns:Publish",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
    }

    @ParameterizedTest(name = "{0}: {1} MB, {2} s")
    @CsvSource({
        "Plan, 256, 30",
        "Check, 512, 60",
        "Start, 512, 60",
        "Poll, 512, 30",
        "Report, 256, 30",
    })
    void functionsRunTheirHandlerOnJavaArm(String step, int memoryMb, int timeoutSeconds) {
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", "com.eucimageupdater.handlers." + step + "Handler::handleRequest",
                "Runtime", "java21",
                "Architectures", List.of("arm64"),
                "MemorySize", memoryMb,
                "Timeout", timeoutSeconds,
                "TracingConfig", Map.of("Mode", "Active"),
                "Environment", Map.of("Variables", Map.of(
                        "JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"))));
    }

    @Test
    @DisplayName("there are exactly five functions, each logging to its own log group with a retention")
    void functionsLogToRetainedGroups() {
        Map<String, Map<String, Object>> functions = template.findResources("AWS::Lambda::Function");
        Set<String> logGroups = template.findResources("AWS::Logs::LogGroup", Map.of("Properties",
                Map.of("RetentionInDays", 90))).keySet();

        Set<Object> usedLogGroups = functions.values().stream()
                .map(function -> properties(function).get("LoggingConfig"))
                .map(config -> ((Map<?, ?>) ((Map<?, ?>) config).get("LogGroup")).get("Ref"))
                .collect(Collectors.toSet());
        assertEquals(5, functions.size());
        assertEquals(5, usedLogGroups.size(), () -> "distinct log groups: " + usedLogGroups);
        assertTrue(logGroups.containsAll(usedLogGroups), () -> usedLogGroups + " all with 90-day retention: " + logGroups);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> resource) {
        return (Map<String, Object>) resource.get("Properties");
    }

    @Test
    @DisplayName("the state machine is a Standard workflow logging everything with execution data, and traced")
    void stateMachineLoggingAndTracing() {
        template.hasResourceProperties("AWS::StepFunctions::StateMachine", Map.of(
                "StateMachineType", "STANDARD",
                "LoggingConfiguration", Match.objectLike(Map.of("Level", "ALL", "IncludeExecutionData", true)),
                "TracingConfiguration", Map.of("Enabled", true)));
    }

    @Test
    @DisplayName("the definition substitutions wire the five functions and the topic into the state machine")
    void substitutionsWireFunctionsAndTopic() {
        Map<String, Object> wiring = new HashMap<>();
        List.of("Plan", "Check", "Start", "Poll", "Report").forEach(step -> wiring.put(step + "FunctionArn",
                Map.of("Fn::GetAtt", List.of(functionId(step), "Arn"))));
        wiring.put("TopicArn", ref(onlyResource("AWS::SNS::Topic")));

        template.hasResourceProperties("AWS::StepFunctions::StateMachine", Map.of(
                "DefinitionSubstitutions", Match.objectLike(wiring)));
    }

    @Test
    @DisplayName("the definition substitutions carry the configuration in the units the workflow uses")
    void substitutionsCarryConfiguration() {
        template.hasResourceProperties("AWS::StepFunctions::StateMachine", Map.of(
                "DefinitionSubstitutions", Match.objectLike(Map.of(
                        "PollIntervalSeconds", "900",
                        "MaxWaitMinutes", "480",
                        "MaxConcurrency", Integer.toString(TestStack.MAX_CONCURRENCY)))));
    }

    @Test
    @DisplayName("an alarm on failed plus timed-out executions notifies the topic")
    void failedExecutionsAlarm() {
        Object dimensions = List.of(Map.of("Name", "StateMachineArn", "Value", ref(onlyResource("AWS::StepFunctions::StateMachine"))));

        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmActions", List.of(ref(onlyResource("AWS::SNS::Topic"))),
                "ComparisonOperator", "GreaterThanOrEqualToThreshold",
                "Threshold", 1,
                "Metrics", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Expression", "FILL(failed, 0) + FILL(timedOut, 0)", "ReturnData", true))))));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "Metrics", Match.arrayWith(List.of(stateMachineMetric("failed", "ExecutionsFailed", dimensions)))));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "Metrics", Match.arrayWith(List.of(stateMachineMetric("timedOut", "ExecutionsTimedOut", dimensions)))));
    }

    private static Object stateMachineMetric(String id, String metricName, Object dimensions) {
        return Match.objectLike(Map.of("Id", id, "MetricStat", Match.objectLike(Map.of("Metric", Map.of(
                "MetricName", metricName, "Namespace", "AWS/States", "Dimensions", dimensions)))));
    }

    @Test
    @DisplayName("only the alarm may publish to the topic as CloudWatch, and the key lets CloudWatch encrypt")
    void cloudWatchMayPublishEncrypted() {
        Map<String, Object> cloudWatch = Map.of("Service", "cloudwatch.amazonaws.com");
        template.hasResourceProperties("AWS::SNS::TopicPolicy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Allow",
                        "Principal", cloudWatch,
                        "Action", "sns:Publish",
                        "Condition", Map.of("ArnLike", Map.of("aws:SourceArn",
                                Map.of("Fn::GetAtt", List.of(onlyResource("AWS::CloudWatch::Alarm"), "Arn")))))))))));
        template.hasResourceProperties("AWS::KMS::Key", Map.of("KeyPolicy", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Principal", cloudWatch,
                        "Action", List.of("kms:Decrypt", "kms:GenerateDataKey"))))))));
    }

    @Test
    @DisplayName("the outputs give the state machine ARN, the topic ARN and the console URL")
    void outputs() {
        template.hasOutput("StateMachineArn", Map.of("Value", ref(onlyResource("AWS::StepFunctions::StateMachine"))));
        template.hasOutput("TopicArn", Map.of("Value", ref(onlyResource("AWS::SNS::Topic"))));
        template.hasOutput("StateMachineConsoleUrl", Map.of("Value", Map.of("Fn::Join", Match.arrayWith(List.of(
                Match.arrayWith(List.of("https://", "#/statemachines/view/")))))));
    }

    private static String functionId(String step) {
        Map<String, Map<String, Object>> functions = template.findResources("AWS::Lambda::Function", Map.of("Properties",
                Map.of("Handler", "com.eucimageupdater.handlers." + step + "Handler::handleRequest")));
        assertEquals(1, functions.size(), () -> step + " functions: " + functions.keySet());
        return functions.keySet().iterator().next();
    }
}
