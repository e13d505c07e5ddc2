package com.eucimageupdater.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;
import software.constructs.Construct;

/**
 * The state machine that runs the workflow: the ASL file deployed as is, its {@code ${<step>FunctionArn}} placeholders
 * filled with the steps' live aliases and the others with the topic and the deployment's settings; logged at ERROR,
 * traced. Its role may invoke the steps' functions, publish to the topic, and run its Distributed Maps' child executions.
 *
 * <p>The resources are the stack's own children, not this construct's: their logical ids, which deployed stacks
 * hold, stay those they had before this construct existed.
 */
final class WorkflowStateMachine extends Construct {
    /**
     * @param name the state machine's fixed name, and {@code arn} its ARN formed from it: a reference from its own role's
     *        policy would be circular
     * @param settings the deployment's settings, exactly as the local runner substitutes them
     */
    record Props(Path definition, String name, String arn, WorkflowFunctions functions, ITopic topic, IKey topicKey,
            Map<String, String> settings) {}

    private final StateMachine stateMachine;

    WorkflowStateMachine(Stack stack, String id, Props props) {
        super(stack, id);
        // The /aws/vendedlogs/ prefix keeps Step Functions log delivery within the CloudWatch resource policy limit;
        // the stack's UUID keeps the name free when the stack is re-created after a delete retained the old logs.
        LogGroup logGroup = LogGroup.Builder.create(stack, "StateMachineLogs")
                .logGroupName(Fn.join("", List.of("/aws/vendedlogs/states/", stack.getStackName(), "-",
                        Fn.select(2, Fn.split("/", Aws.STACK_ID)))))
                .retention(EucImageUpdaterStack.LOG_RETENTION)
                .build();
        stateMachine = StateMachine.Builder.create(stack, "StateMachine")
                .stateMachineName(props.name())
                .stateMachineType(StateMachineType.STANDARD)
                .definitionBody(DefinitionBody.fromFile(props.definition().toString()))
                .definitionSubstitutions(substitutions(props))
                // Errors only, without execution data: the approval step's input holds its task token, which answers
                // the approval, and log readers need not be trusted with that. Inputs and outputs stay in the execution's
                // own history in Step Functions (states:GetExecutionHistory), for as long as Step Functions keeps it.
                .logs(LogOptions.builder().destination(logGroup).level(LogLevel.ERROR).includeExecutionData(false).build())
                .tracingEnabled(true)
                .build();
        // A definition read from a file carries no task metadata, so CDK grants nothing for its tasks.
        stateMachine.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("lambda:InvokeFunction"))
                .resources(props.functions().all().stream().map(Alias::getFunctionArn).toList())
                .build());
        stateMachine.addToRolePolicy(allow(props.topic().getTopicArn(), "sns:Publish"));
        // Distributed Map states run their items as child executions of this same state machine.
        stateMachine.addToRolePolicy(allow(props.arn(), "states:StartExecution"));
        String childExecutions = stack.formatArn(ArnComponents.builder().service("states").resource("execution")
                .resourceName(props.name() + "/*").arnFormat(ArnFormat.COLON_RESOURCE_NAME).build());
        stateMachine.addToRolePolicy(allow(childExecutions, "states:DescribeExecution", "states:StopExecution"));
        props.topicKey().grant(stateMachine, "kms:GenerateDataKey", "kms:Decrypt");
        NagSuppressions.addResourceSuppressions(stateMachine, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-SF1")
                .reason("Logged at ERROR, without execution data: every failure reaches CloudWatch Logs, while the approval task"
                        + " token in the approval step's input does not; each execution's full history stays in Step Functions")
                .build()));
        Permissions.suppressWildcardResources(stateMachine, "CloudWatch Logs log delivery (logs:*LogDelivery*, logs:*ResourcePolic*,"
                + " logs:DescribeLogGroups) and X-Ray tracing actions support no resource-level permissions",
                List.of("Resource::*"));
        Permissions.suppressWildcardResources(stateMachine, "A Distributed Map's child executions get names at run time: the"
                + " pattern covers only executions of this state machine",
                List.of("Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:" + props.name() + "/*"));
    }

    StateMachine stateMachine() {
        return stateMachine;
    }

    /** The wiring made here, then the settings (sorted, for stable synths). */
    private static Map<String, String> substitutions(Props props) {
        Map<String, String> substitutions = new LinkedHashMap<>();
        props.functions().byStep().forEach((step, alias) -> substitutions.put(step.placeholder(), alias.getFunctionArn()));
        substitutions.put("TopicArn", props.topic().getTopicArn());
        // The service integrations' ARNs (SNS publish, the approval's callback) in the partition the stack is deployed to.
        substitutions.put("Partition", Aws.PARTITION);
        substitutions.putAll(props.settings());
        return substitutions;
    }

    private static PolicyStatement allow(String resource, String... actions) {
        return PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .actions(List.of(actions))
                .resources(List.of(resource))
                .build();
    }
}
