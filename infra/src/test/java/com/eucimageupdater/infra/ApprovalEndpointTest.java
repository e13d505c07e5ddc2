package com.eucimageupdater.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.config.UpdaterConfig;
import com.eucimageupdater.workflow.FunctionEnvironment;
import com.eucimageupdater.workflow.FunctionJar;
import com.eucimageupdater.workflow.Scope;
import com.eucimageupdater.workflow.WorkflowStep;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.ApplicationLogLevel;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.StateMachine;

/**
 * The approval endpoint in the app's template (shared, synthesized once), and in a small stack wired the way the
 * approval step will be: a mailer function with the link environment and signing grant, invoked by a state
 * machine of the fixed name.
 */
class ApprovalEndpointTest {
    private static final String STATE_MACHINE_NAME = EucImageUpdaterApp.STACK_NAME + "-Workflow";
    private static Template template;
    private static Template wired;

    @BeforeAll
    static void synthesize() {
        template = TestStack.get().template;
        wired = Template.fromStack(wiredStack());
    }

    /** A mailer built before the state machine that invokes it, as the approval step's function will be. */
    private static Stack wiredStack() {
        Stack stack = new Stack(new App(), "Wired");
        Code code = Code.fromAsset(TestStack.PROJECT_ROOT.resolve(FunctionJar.APPROVAL_ENDPOINT.path()).toString());
        ApprovalEndpoint endpoint = new ApprovalEndpoint(stack, "ApprovalEndpoint", "Wired-Workflow", code, ApplicationLogLevel.WARN,
                OptionalInt.empty());
        Function mailer = Function.Builder.create(stack, "Mailer")
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .code(code)
                .handler("com.example.Mailer::handleRequest")
                .environment(endpoint.linkEnvironment())
                .build();
        Permissions permissions = new Permissions(stack, Permissions.Regions.NONE).bind(Scope.APPROVAL_LINK_KEY, endpoint.getKey());
        WorkflowStep.REQUEST_APPROVAL.function().grants().stream().filter(grant -> grant.scopes().contains(Scope.APPROVAL_LINK_KEY))
                .forEach(grant -> permissions.grant(grant, mailer));
        StateMachine.Builder.create(stack, "StateMachine")
                .stateMachineName("Wired-Workflow")
                .definitionBody(DefinitionBody.fromString("{\"StartAt\": \"Ask\", \"States\": {\"Ask\": {\"Type\": \"Task\","
                        + " \"Resource\": \"arn:aws:states:::lambda:invoke.waitForTaskToken\", \"Parameters\": {\"FunctionName\": \""
                        + mailer.getFunctionArn() + "\", \"Payload\": {\"token.$\": \"$$.Task.Token\"}}, \"End\": true}}}"))
                .build();
        return stack;
    }

    private static String onlyResource(Template in, String type) {
        Map<String, Map<String, Object>> resources = in.findResources(type, Match.anyValue());
        assertEquals(1, resources.size(), () -> type + ": " + resources.keySet());
        return resources.keySet().iterator().next();
    }

    private static String endpointFunction() {
        Map<String, Map<String, Object>> functions = template.findResources("AWS::Lambda::Function",
                Map.of("Properties", Map.of("Handler", TestStack.handler("ApprovalEndpoint"))));
        assertEquals(1, functions.size(), () -> "approval endpoint functions: " + functions.keySet());
        return functions.keySet().iterator().next();
    }

    private static String linkKey(Template in) {
        Map<String, Map<String, Object>> keys = in.findResources("AWS::KMS::Key",
                Map.of("Properties", Map.of("KeySpec", "HMAC_256")));
        assertEquals(1, keys.size(), () -> "HMAC keys: " + keys.keySet());
        return keys.keySet().iterator().next();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> resource) {
        return (Map<String, Object>) resource.get("Properties");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> endpointProperties() {
        return properties(template.findResources("AWS::Lambda::Function").get(endpointFunction()));
    }

    /** The statements of every policy attached to the role. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statementsOfRole(Template in, String roleId) {
        return in.findResources("AWS::IAM::Policy").values().stream()
                .map(ApprovalEndpointTest::properties)
                .filter(policy -> ((List<Object>) policy.get("Roles")).contains(Map.of("Ref", roleId)))
                .flatMap(policy -> ((List<Map<String, Object>>) ((Map<String, Object>) policy.get("PolicyDocument"))
                        .get("Statement")).stream())
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static String endpointRole() {
        return (String) ((List<Object>) ((Map<String, Object>) endpointProperties().get("Role")).get("Fn::GetAtt")).get(0);
    }

    private static List<Object> listOf(Object value) {
        return value instanceof List<?> list ? List.copyOf(list) : List.of(value);
    }

    private static Object stateMachineArn() {
        return Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"), ":states:",
                Map.of("Ref", "AWS::Region"), ":", Map.of("Ref", "AWS::AccountId"), ":stateMachine:" + STATE_MACHINE_NAME)));
    }

    /** The endpoint's live alias: its logical id. */
    private static String endpointAlias() {
        Map<String, Map<String, Object>> aliases = template.findResources("AWS::Lambda::Alias",
                Map.of("Properties", Map.of("FunctionName", Map.of("Ref", endpointFunction()))));
        assertEquals(1, aliases.size(), () -> "approval endpoint aliases: " + aliases.keySet());
        return aliases.keySet().iterator().next();
    }

    @Test
    @DisplayName("the endpoint is a public HTTPS Function URL on the live alias: links are clicked from a mail, without AWS credentials")
    void functionUrlWithoutAuthOnTheAlias() {
        template.hasResourceProperties("AWS::Lambda::Url", Map.of(
                "AuthType", "NONE",
                "TargetFunctionArn", Map.of("Fn::GetAtt", List.of(endpointFunction(), "Arn")),
                "Qualifier", EucImageUpdaterStack.LIVE_ALIAS));
        // Since October 2025 a public Function URL needs both permissions, the second one only through the URL; both
        // on the alias, which is what the URL invokes, and on nothing else.
        Map<String, Map<String, Object>> permissions = template.findResources("AWS::Lambda::Permission",
                Map.of("Properties", Map.of("Principal", "*")));
        assertEquals(Set.of(
                Map.of("Action", "lambda:InvokeFunctionUrl", "Principal", "*", "FunctionUrlAuthType", "NONE",
                        "FunctionName", Map.of("Ref", endpointAlias())),
                Map.of("Action", "lambda:InvokeFunction", "Principal", "*", "InvokedViaFunctionUrl", true,
                        "FunctionName", Map.of("Ref", endpointAlias()))),
                permissions.values().stream().map(ApprovalEndpointTest::properties).collect(Collectors.toSet()));
    }

    @Test
    @DisplayName("the endpoint has SnapStart on its published versions, and its live alias names the version this deploy published")
    void snapStartOnThePublishedVersionTheUrlServes() {
        Map<String, Map<String, Object>> versions = template.findResources("AWS::Lambda::Version",
                Map.of("Properties", Map.of("FunctionName", Map.of("Ref", endpointFunction()))));

        assertEquals(Map.of("ApplyOn", "PublishedVersions"), endpointProperties().get("SnapStart"));
        assertEquals(1, versions.size(), () -> "versions: " + versions.keySet());
        template.hasResourceProperties("AWS::Lambda::Alias", Map.of(
                "FunctionName", Map.of("Ref", endpointFunction()),
                "Name", EucImageUpdaterStack.LIVE_ALIAS,
                "FunctionVersion", Map.of("Fn::GetAtt", List.of(versions.keySet().iterator().next(), "Version"))));
    }

    @Test
    @DisplayName("the endpoint logs JSON at the level it is given (cdk.json's logLevel in the app), platform events at INFO")
    void jsonLogsAtTheGivenLevel() {
        Object logGroup = ((Map<?, ?>) endpointProperties().get("LoggingConfig")).get("LogGroup");
        assertEquals(Map.of("LogFormat", "JSON", "ApplicationLogLevel", "INFO", "SystemLogLevel", "INFO", "LogGroup", logGroup),
                endpointProperties().get("LoggingConfig"));
        wired.hasResourceProperties("AWS::Lambda::Function", Map.of("Handler", TestStack.handler("ApprovalEndpoint"),
                "LoggingConfig", Map.of("LogFormat", "JSON", "ApplicationLogLevel", "WARN", "SystemLogLevel", "INFO")));
    }

    @Test
    @DisplayName("the endpoint's concurrency is reserved as configured (cdk.json's default 5), and not reserved when none is given")
    void reservedConcurrencyAsConfigured() {
        assertEquals(UpdaterConfig.DEFAULT_APPROVAL_ENDPOINT_CONCURRENCY, endpointProperties().get("ReservedConcurrentExecutions"));
        Map<String, Map<String, Object>> unreserved = wired.findResources("AWS::Lambda::Function",
                Map.of("Properties", Map.of("Handler", TestStack.handler("ApprovalEndpoint"))));
        assertEquals(1, unreserved.size());
        assertFalse(properties(unreserved.values().iterator().next()).containsKey("ReservedConcurrentExecutions"));
    }

    @Test
    @DisplayName("the stack outputs the endpoint's URL")
    void urlOutput() {
        template.hasOutput("ApprovalEndpointUrl", Map.of("Value",
                Map.of("Fn::GetAtt", List.of(onlyResource(template, "AWS::Lambda::Url"), "FunctionUrl"))));
    }

    @Test
    @DisplayName("the state machine has the fixed name whose ARN the endpoint is given")
    void stateMachineNamed() {
        template.hasResourceProperties("AWS::StepFunctions::StateMachine", Map.of("StateMachineName", STATE_MACHINE_NAME));
        assertEquals(stateMachineArn(), ((Map<?, ?>) ((Map<?, ?>) endpointProperties().get("Environment")).get("Variables"))
                .get(FunctionEnvironment.STATE_MACHINE_ARN));
    }

    @Test
    @DisplayName("the endpoint runs its handler on Java (arm64) with the state machine and the HMAC key in its environment")
    void endpointRunsItsHandler() {
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", TestStack.handler("ApprovalEndpoint"),
                "Runtime", "java21",
                "Architectures", List.of("arm64"),
                "Timeout", 30,
                "Environment", Map.of("Variables", Map.of(
                        FunctionEnvironment.STATE_MACHINE_ARN, stateMachineArn(),
                        FunctionEnvironment.APPROVAL_KEY_ARN, Map.of("Fn::GetAtt", List.of(linkKey(template), "Arn")),
                        "JAVA_TOOL_OPTIONS", EucImageUpdaterStack.FAST_START_JVM_OPTIONS))));
        assertFalse(endpointProperties().containsKey("TracingConfig"), "no X-Ray: its actions would need Resource \"*\"");
    }

    @Test
    @DisplayName("the link key is a KMS HMAC key that only signs and verifies")
    void hmacKey() {
        template.hasResourceProperties("AWS::KMS::Key", Map.of("KeySpec", "HMAC_256", "KeyUsage", "GENERATE_VERIFY_MAC"));
    }

    @Test
    @DisplayName("the endpoint's role: task answers for this state machine, VerifyMac on the link key, its own log group; nothing else")
    void endpointRoleScoped() {
        List<Map<String, Object>> statements = statementsOfRole(template, endpointRole());
        Map<String, List<Object>> resourcesByAction = new HashMap<>();
        statements.forEach(statement -> listOf(statement.get("Action")).forEach(action ->
                resourcesByAction.computeIfAbsent((String) action, a -> new ArrayList<>()).addAll(listOf(statement.get("Resource")))));
        Object key = Map.of("Fn::GetAtt", List.of(linkKey(template), "Arn"));
        String logGroup = ((Map<?, ?>) ((Map<?, ?>) endpointProperties().get("LoggingConfig")).get("LogGroup")).get("Ref").toString();

        assertEquals(new TreeSet<>(Set.of("states:SendTaskSuccess", "states:SendTaskFailure", "kms:VerifyMac",
                "logs:CreateLogStream", "logs:PutLogEvents")), new TreeSet<>(resourcesByAction.keySet()));
        assertEquals(List.of(stateMachineArn()), resourcesByAction.get("states:SendTaskSuccess"));
        assertEquals(List.of(stateMachineArn()), resourcesByAction.get("states:SendTaskFailure"));
        assertEquals(List.of(key), resourcesByAction.get("kms:VerifyMac"));
        assertEquals(List.of(Map.of("Fn::GetAtt", List.of(logGroup, "Arn"))), resourcesByAction.get("logs:PutLogEvents"));
        assertTrue(statements.stream().allMatch(statement -> "Allow".equals(statement.get("Effect"))));
        assertFalse(statements.stream().flatMap(statement -> listOf(statement.get("Action")).stream())
                .anyMatch(action -> action.toString().contains("*")), "no wildcard action");
        assertFalse(statements.stream().flatMap(statement -> listOf(statement.get("Resource")).stream())
                .anyMatch("*"::equals), "no wildcard resource");
    }

    @Test
    @DisplayName("the mailer gets the endpoint URL, the state machine and the key, and may sign with that key only")
    void mailerMaySignLinks() {
        String key = linkKey(wired);
        Map<String, Map<String, Object>> mailers = wired.findResources("AWS::Lambda::Function",
                Map.of("Properties", Map.of("Handler", "com.example.Mailer::handleRequest")));
        Map<String, Object> mailer = properties(mailers.values().iterator().next());

        assertEquals(Set.of(FunctionEnvironment.APPROVAL_ENDPOINT_URL, FunctionEnvironment.STATE_MACHINE_ARN,
                        FunctionEnvironment.APPROVAL_KEY_ARN),
                ((Map<?, ?>) ((Map<?, ?>) mailer.get("Environment")).get("Variables")).keySet());
        String role = (String) ((List<?>) ((Map<?, ?>) mailer.get("Role")).get("Fn::GetAtt")).get(0);
        List<Map<String, Object>> signing = statementsOfRole(wired, role).stream()
                .filter(statement -> listOf(statement.get("Action")).contains("kms:GenerateMac"))
                .toList();
        assertEquals(List.of(Map.of("Fn::GetAtt", List.of(key, "Arn"))),
                signing.stream().flatMap(statement -> listOf(statement.get("Resource")).stream()).toList());
        assertEquals(List.of("kms:GenerateMac"), listOf(signing.get(0).get("Action")));
    }

    @Test
    @DisplayName("a state machine invoking the mailer, which links to the endpoint, which answers that state machine: deployable")
    void noDependencyCycle() {
        // Template.fromStack in synthesize() refuses a template with a dependency cycle ("Template is undeployable"),
        // so that it synthesized is the check; here the links of the would-be loop are shown to be there.
        String mailer = wired.findResources("AWS::Lambda::Function",
                Map.of("Properties", Map.of("Handler", "com.example.Mailer::handleRequest"))).keySet().iterator().next();
        String definition = wired.toJSON().get("Resources").toString();

        assertTrue(definition.contains("Fn::GetAtt=[" + mailer + ", Arn]"), "the state machine invokes the mailer");
        wired.hasResourceProperties("AWS::Lambda::Function", Map.of("Environment", Map.of("Variables", Map.of(
                FunctionEnvironment.APPROVAL_ENDPOINT_URL,
                Map.of("Fn::GetAtt", List.of(onlyResource(wired, "AWS::Lambda::Url"), "FunctionUrl"))))));
        wired.hasResourceProperties("AWS::Lambda::Function", Map.of("Handler", TestStack.handler("ApprovalEndpoint"),
                "Environment", Map.of("Variables", Match.objectLike(Map.of(FunctionEnvironment.STATE_MACHINE_ARN,
                        Map.of("Fn::Join", Match.arrayWith(List.of(Match.arrayWith(List.of(":stateMachine:Wired-Workflow"))))))))));
    }
}
