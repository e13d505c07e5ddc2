package com.eucimageupdater.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.config.UpdaterConfig;
import com.eucimageupdater.workflow.FunctionEnvironment;
import com.eucimageupdater.workflow.WorkflowStep;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.SynthesisMessage;

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
    @DisplayName("the schedule fires daily through the run day's window in the configured time zone")
    void scheduleExpressionAndTimeZone() {
        template.hasResourceProperties("AWS::Scheduler::Schedule", Map.of(
                "ScheduleExpression", "cron(0 6 9-15 * ? *)",
                "ScheduleExpressionTimezone", "UTC",
                "State", "ENABLED"));
    }

    @Test
    @DisplayName("with images configured the schedule is enabled, and the stack does not warn about missing images")
    void scheduleEnabledWithImages() {
        template.hasResourceProperties("AWS::Scheduler::Schedule", Map.of("State", "ENABLED"));
        assertEquals(List.of(), noImagesWarnings(TestStack.get()));
    }

    @Test
    @DisplayName("with no images configured (the shipped cdk.json) the schedule is deployed disabled")
    void scheduleDisabledWithoutImages() {
        TestStack shipped = TestStack.shipped();

        assertEquals(0, shipped.config.configuredImageCount(), "the shipped cdk.json lists no images");
        assertTrue(shipped.config.schedule().enabled(), "the shipped cdk.json asks for the schedule");
        shipped.template.hasResourceProperties("AWS::Scheduler::Schedule", Map.of("State", "DISABLED"));
    }

    @Test
    @DisplayName("with no images configured the stack warns that the schedule is off until images are in cdk.json")
    void warningWithoutImages() {
        List<String> warnings = noImagesWarnings(TestStack.shipped());

        assertEquals(1, warnings.size(), () -> "warnings: " + warnings);
        assertTrue(warnings.get(0).contains("schedule") && warnings.get(0).contains("cdk.json"), warnings.get(0));
    }

    private static List<String> noImagesWarnings(TestStack app) {
        return warnings(app.stack, EucImageUpdaterStack.NO_IMAGES_WARNING);
    }

    private static List<String> warnings(Stack stack, String id) {
        List<SynthesisMessage> warnings = Annotations.fromStack(stack).findWarning("*", Match.stringLikeRegexp(".*" + id + ".*"));
        return warnings.stream().map(warning -> String.valueOf(warning.getEntry().getData())).toList();
    }

    @Test
    @DisplayName("with approval required and no address (the shipped cdk.json) the stack warns, naming approval and notificationEmails")
    void warningWhenNobodyGetsTheApprovalMail() {
        List<String> warnings = warnings(TestStack.shipped().stack, EucImageUpdaterStack.NO_APPROVERS_WARNING);

        assertEquals(1, warnings.size(), () -> "warnings: " + warnings);
        assertTrue(warnings.get(0).contains("\"approval\" is \"required\"") && warnings.get(0).contains("\"notificationEmails\""),
                warnings.get(0));
    }

    @Test
    @DisplayName("no such warning when addresses are configured, or when approval is \"none\" and nobody need answer")
    void noWarningWhenApproversAreMailedOrNoneAreNeeded() {
        Map<String, Object> context = new LinkedHashMap<>(TestStack.cdkJsonContext());
        context.put(UpdaterConfig.APPROVAL, "none");
        Stack unattended = new EucImageUpdaterStack(new App(), "Unattended", StackProps.builder().build(),
                UpdaterConfig.fromContext(context), Sources.inProject(TestStack.PROJECT_ROOT));

        assertEquals(List.of(), warnings(TestStack.get().stack, EucImageUpdaterStack.NO_APPROVERS_WARNING));
        assertEquals(List.of(), warnings(unattended, EucImageUpdaterStack.NO_APPROVERS_WARNING));
        assertEquals(1, warnings(unattended, EucImageUpdaterStack.NO_IMAGES_WARNING).size(), "the stack's warnings are found");
    }

    @Test
    @DisplayName("the schedule starts the state machine with no images, so the run takes the configured ones, and its scheduled time")
    void scheduleTargetsStateMachineWithTheConfiguredImages() {
        template.hasResourceProperties("AWS::Scheduler::Schedule", Map.of("Target", Match.objectLike(Map.of(
                "Arn", ref(onlyResource("AWS::StepFunctions::StateMachine")),
                "Input", "{\"scheduledTime\":\"<aws.scheduler.scheduled-time>\"}"))));
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
        assertEquals(true, properties(template.findResources("AWS::KMS::Key").get(topicKey())).get("EnableKeyRotation"));
    }

    /** The key of the topic's encryption (the approval links have an HMAC key of their own). */
    private static String topicKey() {
        Object keyArn = properties(template.findResources("AWS::SNS::Topic").get(onlyResource("AWS::SNS::Topic"))).get("KmsMasterKeyId");
        return (String) ((List<?>) ((Map<?, ?>) keyArn).get("Fn::GetAtt")).get(0);
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
        "Start, 512, 90",
        "Poll, 512, 30",
        "Distribute, 512, 120",
        "SummarizeBuilds, 512, 60",
        "Report, 256, 30",
    })
    void functionsRunTheirHandlerOnJavaArm(String step, int memoryMb, int timeoutSeconds) {
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", TestStack.handler(step),
                "Runtime", "java21",
                "Architectures", List.of("arm64"),
                "MemorySize", memoryMb,
                "Timeout", timeoutSeconds,
                "TracingConfig", Map.of("Mode", "Active"),
                "Environment", Map.of("Variables", Map.of(
                        "JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"))));
    }

    @Test
    @DisplayName("there are exactly fourteen workflow functions and the approval endpoint, each logging to its own log group with a"
            + " retention")
    void functionsLogToRetainedGroups() {
        Map<String, Map<String, Object>> functions = template.findResources("AWS::Lambda::Function");
        Set<String> logGroups = template.findResources("AWS::Logs::LogGroup", Map.of("Properties",
                Map.of("RetentionInDays", 90))).keySet();

        Set<Object> usedLogGroups = functions.values().stream()
                .map(function -> properties(function).get("LoggingConfig"))
                .map(config -> ((Map<?, ?>) ((Map<?, ?>) config).get("LogGroup")).get("Ref"))
                .collect(Collectors.toSet());
        int stepsAndEndpoint = WorkflowStep.values().length + 1;
        assertEquals(stepsAndEndpoint, functions.size(), "every step's function and the approval endpoint");
        assertEquals(stepsAndEndpoint, usedLogGroups.size(), () -> "distinct log groups: " + usedLogGroups);
        assertTrue(logGroups.containsAll(usedLogGroups), () -> usedLogGroups + " all with 90-day retention: " + logGroups);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> resource) {
        return (Map<String, Object>) resource.get("Properties");
    }

    @Test
    @DisplayName("the state machine is a Standard workflow logging errors without execution data, and traced")
    void stateMachineLoggingAndTracing() {
        // Issue 14: execution data in the logs held the approval task token, so only errors are logged, without it.
        template.hasResourceProperties("AWS::StepFunctions::StateMachine", Map.of(
                "StateMachineType", "STANDARD",
                "LoggingConfiguration", Match.objectLike(Map.of("Level", "ERROR", "IncludeExecutionData", false)),
                "TracingConfiguration", Map.of("Enabled", true)));
    }

    @Test
    @DisplayName("the definition substitutions wire the five functions' live aliases and the topic into the state machine")
    void substitutionsWireFunctionsAndTopic() {
        Map<String, Object> wiring = new HashMap<>();
        List.of("Plan", "Check", "Start", "Poll", "Report").forEach(step -> wiring.put(step + "FunctionArn", ref(aliasId(step))));
        wiring.put("TopicArn", ref(onlyResource("AWS::SNS::Topic")));

        template.hasResourceProperties("AWS::StepFunctions::StateMachine", Map.of(
                "DefinitionSubstitutions", Match.objectLike(wiring)));
    }

    @Test
    @DisplayName("the definition substitutions carry the configuration in the units the workflow uses")
    void substitutionsCarryConfiguration() {
        template.hasResourceProperties("AWS::StepFunctions::StateMachine", Map.of(
                "DefinitionSubstitutions", Match.objectLike(Map.of(
                        "PollIntervalSeconds", "240",
                        "MaxWaitMinutes", "480",
                        "MaxConcurrency", Integer.toString(TestStack.MAX_CONCURRENCY),
                        "TimeZone", "UTC"))));
    }

    @Test
    @DisplayName("the Distribute step runs from the image steps' jar, through its live alias, as ${DistributeFunctionArn}")
    void distributeFunctionWired() {
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", "com.eucimageupdater.distribute.DistributeHandler::handleRequest",
                "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
                "Code", properties(template.findResources("AWS::Lambda::Function").get(functionId("Check"))).get("Code")));
        template.hasResourceProperties("AWS::StepFunctions::StateMachine", Map.of(
                "DefinitionSubstitutions", Match.objectLike(Map.of("DistributeFunctionArn", ref(aliasId("Distribute"))))));
    }

    @Test
    @DisplayName("a run's accounts and Regions, its overall concurrency and the first poll's delay reach the definition")
    void organizationSubstitutions() {
        template.hasResourceProperties("AWS::StepFunctions::StateMachine", Map.of(
                "DefinitionSubstitutions", Match.objectLike(Map.of(
                        "Targets", "[{\\\"account\\\":\\\"111122223333\\\",\\\"regions\\\":[\\\"eu-west-1\\\",\\\"eu-central-1\\\"]},"
                                + "{\\\"account\\\":\\\"444455556666\\\",\\\"regions\\\":[\\\"us-east-1\\\"]}]",
                        "MaxConcurrencyOverall", "50",
                        "ExpectedBuildMinutes", "90"))));
        TestStack.shipped().template.hasResourceProperties("AWS::StepFunctions::StateMachine", Map.of(
                "DefinitionSubstitutions", Match.objectLike(Map.of("Targets", "[]"))));
    }

    @ParameterizedTest(name = "{0} knows the member role and the external id it presents")
    @CsvSource({"Resolve", "Check", "Start", "Poll", "Distribute", "SummarizeBuilds", "MoveTargets", "Retire", "FindRollout", "Survey"})
    void imageStepsKnowTheMemberRole(String step) {
        Map<String, Object> withExternalId = variables(template, step);
        Map<String, Object> shipped = variables(TestStack.shipped().template, step);

        assertEquals(UpdaterConfig.DEFAULT_MEMBER_ROLE_NAME, withExternalId.get(FunctionEnvironment.MEMBER_ROLE_NAME));
        assertEquals(TestStack.EXTERNAL_ID, withExternalId.get(FunctionEnvironment.MEMBER_EXTERNAL_ID));
        assertEquals(ref("AWS::AccountId"), withExternalId.get(FunctionEnvironment.DEPLOYMENT_ACCOUNT),
                "the own account: no role to assume");
        assertEquals(UpdaterConfig.DEFAULT_MEMBER_ROLE_NAME, shipped.get(FunctionEnvironment.MEMBER_ROLE_NAME));
        assertTrue(!shipped.containsKey(FunctionEnvironment.MEMBER_EXTERNAL_ID), "no external id configured: " + shipped);
    }

    @ParameterizedTest(name = "{0} is not told about member roles")
    @CsvSource({"Plan", "PlanRollout", "RequestApproval", "Report"})
    void runWideStepsDoNotKnowTheMemberRole(String step) {
        assertTrue(!variables(template, step).containsKey(FunctionEnvironment.MEMBER_ROLE_NAME));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> variables(Template in, String step) {
        Map<String, Map<String, Object>> functions = in.findResources("AWS::Lambda::Function", Map.of("Properties",
                Map.of("Handler", TestStack.handler(step))));
        return (Map<String, Object>) ((Map<String, Object>) properties(functions.values().iterator().next()).get("Environment"))
                .get("Variables");
    }

    @Test
    @DisplayName("the setting substitutions are the shared DeploymentSettings ones, as the local runner makes them")
    void settingSubstitutionsAreTheDeploymentSettings() {
        template.hasResourceProperties("AWS::StepFunctions::StateMachine", Map.of(
                "DefinitionSubstitutions", Match.objectLike(TestStack.get().config.deploymentSettings().substitutions())));
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
    @DisplayName("a message in the schedule's dead-letter queue (a start the schedule gave up on) raises an alarm on the topic")
    void scheduleDeadLettersAlarm() {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmActions", List.of(ref(onlyResource("AWS::SNS::Topic"))),
                "Namespace", "AWS/SQS",
                "MetricName", "ApproximateNumberOfMessagesVisible",
                "Dimensions", List.of(Map.of("Name", "QueueName",
                        "Value", Map.of("Fn::GetAtt", List.of(onlyResource("AWS::SQS::Queue"), "QueueName")))),
                "Statistic", "Maximum",
                "ComparisonOperator", "GreaterThanOrEqualToThreshold",
                "Threshold", 1,
                "TreatMissingData", "notBreaching"));
    }

    @Test
    @DisplayName("only this account's two alarms may publish to the topic as CloudWatch, and use the topic's key")
    void cloudWatchMayPublishEncryptedForTheAlarmsOnly() {
        List<String> alarmArns = template.findResources("AWS::CloudWatch::Alarm").values().stream()
                .map(alarm -> "arn:${AWS::Partition}:cloudwatch:${AWS::Region}:${AWS::AccountId}:alarm:"
                        + render(properties(alarm).get("AlarmName")))
                .sorted()
                .toList();
        Map<String, Object> theseAlarmsOnly = Map.of(
                "StringEquals", Map.of("aws:SourceAccount", "${AWS::AccountId}"),
                "ArnLike", Map.of("aws:SourceArn", alarmArns));
        String stackAlarms = "arn:${AWS::Partition}:cloudwatch:${AWS::Region}:${AWS::AccountId}:alarm:" + EucImageUpdaterApp.STACK_NAME;
        assertEquals(List.of(stackAlarms + "-FailedExecutions", stackAlarms + "-ScheduleDeadLetters"), alarmArns);

        Map<String, Object> publish = cloudWatchStatement("AWS::SNS::TopicPolicy", onlyResource("AWS::SNS::TopicPolicy"), "PolicyDocument");
        Map<String, Object> useKey = cloudWatchStatement("AWS::KMS::Key", topicKey(), "KeyPolicy");

        assertEquals("Allow", publish.get("Effect"));
        assertEquals("sns:Publish", publish.get("Action"));
        assertEquals(theseAlarmsOnly, renderAll(publish.get("Condition")));
        assertEquals("Allow", useKey.get("Effect"));
        assertEquals(List.of("kms:Decrypt", "kms:GenerateDataKey"), useKey.get("Action"));
        assertEquals(theseAlarmsOnly, renderAll(useKey.get("Condition")));
    }

    /** The one statement of the resource's policy that names CloudWatch as its principal. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> cloudWatchStatement(String type, String id, String policyProperty) {
        Map<String, Object> policy = (Map<String, Object>) properties(template.findResources(type).get(id))
                .get(policyProperty);
        List<Map<String, Object>> statements = ((List<Map<String, Object>>) policy.get("Statement")).stream()
                .filter(statement -> Map.of("Service", "cloudwatch.amazonaws.com").equals(statement.get("Principal")))
                .toList();
        assertEquals(1, statements.size(), () -> type + " statements for CloudWatch: " + statements);
        return statements.get(0);
    }

    /** A string as CloudFormation would build it, with pseudo parameters and references left as ${Name}. */
    private static String render(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Map<?, ?> map && map.size() == 1 && map.containsKey("Ref")) {
            return "${" + map.get("Ref") + "}";
        }
        if (value instanceof Map<?, ?> map && map.size() == 1 && map.containsKey("Fn::Join")) {
            List<?> join = (List<?>) map.get("Fn::Join");
            return ((List<?>) join.get(1)).stream().map(StackResourcesTest::render).collect(Collectors.joining((String) join.get(0)));
        }
        throw new AssertionError("not a string, Ref or Fn::Join: " + value);
    }

    /** A policy condition block with every string value rendered. */
    private static Object renderAll(Object value) {
        if (value instanceof Map<?, ?> map && !map.containsKey("Ref") && !map.containsKey("Fn::Join")) {
            Map<Object, Object> rendered = new LinkedHashMap<>();
            map.forEach((key, nested) -> rendered.put(key, renderAll(nested)));
            return rendered;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(StackResourcesTest::renderAll).toList();
        }
        return render(value);
    }

    @Test
    @DisplayName("the outputs give the state machine ARN, the topic ARN and the console URL")
    void outputs() {
        template.hasOutput("StateMachineArn", Map.of("Value", ref(onlyResource("AWS::StepFunctions::StateMachine"))));
        template.hasOutput("TopicArn", Map.of("Value", ref(onlyResource("AWS::SNS::Topic"))));
        template.hasOutput("StateMachineConsoleUrl", Map.of("Value", Map.of("Fn::Join", Match.arrayWith(List.of(
                Match.arrayWith(List.of("https://", "#/statemachines/view/")))))));
    }

    private static String aliasId(String step) {
        return TestStack.get().aliasId(step);
    }

    private static String functionId(String step) {
        return TestStack.get().functionId(step);
    }
}
