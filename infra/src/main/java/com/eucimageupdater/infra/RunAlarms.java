package com.eucimageupdater.infra;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.stepfunctions.IStateMachine;
import software.constructs.Construct;

/**
 * Alarms on the topic: a run failed or timed out, or the schedule could not start one (EventBridge Scheduler gave
 * up after its retries and left the start in its dead-letter queue, so no run and no mail would say so).
 *
 * <p>The resources are the stack's own children, not this construct's: their logical ids, which deployed stacks
 * hold, stay those they had before this construct existed.
 */
final class RunAlarms extends Construct {
    private final Stack stack;

    RunAlarms(Stack stack, String id, IStateMachine stateMachine, IQueue scheduleDeadLetters, ITopic topic, IKey key) {
        super(stack, id);
        this.stack = stack;
        MathExpression failedOrTimedOut = MathExpression.Builder.create()
                .expression("FILL(failed, 0) + FILL(timedOut, 0)")
                // Sorted, so that every synth writes the metrics in the same order.
                .usingMetrics(new TreeMap<>(Map.of("failed", stateMachine.metricFailed(), "timedOut", stateMachine.metricTimedOut())))
                .label("Failed or timed-out executions")
                .period(Duration.minutes(5))
                .build();
        List<String> alarmArns = List.of(
                createAlarm("FailedExecutionsAlarm", "FailedExecutions", "A euc-image-updater execution failed or timed out:"
                        + " see the execution in the Step Functions console", failedOrTimedOut, topic),
                createAlarm("ScheduleDeadLettersAlarm", "ScheduleDeadLetters", "The monthly schedule could not start the"
                        + " euc-image-updater (EventBridge Scheduler gave up after its retries); if that was the run day's start,"
                        + " this month's run did not happen. The message in the schedule's dead-letter queue says why (its"
                        + " ERROR_CODE and ERROR_MESSAGE attributes): fix that, start the run by hand, and delete the message, so"
                        + " that the next failed start raises the alarm again",
                        scheduleDeadLetters.metricApproximateNumberOfMessagesVisible(MetricOptions.builder()
                                .statistic("Maximum").period(Duration.minutes(5)).build()), topic));
        // CloudWatch publishes as a service, so the topic and its key must let it in: for these alarms of this
        // account only, so that no other account's alarm can use CloudWatch as a confused deputy.
        Map<String, Object> theseAlarmsOnly = Map.of(
                "StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID),
                "ArnLike", Map.of("aws:SourceArn", alarmArns));
        topic.addToResourcePolicy(PolicyStatement.Builder.create()
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
                .actions(List.of("sns:Publish"))
                .resources(List.of(topic.getTopicArn()))
                .conditions(theseAlarmsOnly)
                .build());
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
                .actions(List.of("kms:GenerateDataKey", "kms:Decrypt"))
                .resources(List.of("*"))
                .conditions(theseAlarmsOnly)
                .build());
    }

    /**
     * An alarm that notifies the topic when the metric reaches 1 in a five-minute period, returning its ARN. Named, so
     * that its ARN is known without a reference to it: the key's policy names the alarm, and a reference would close
     * the loop key -> alarm -> topic -> key.
     */
    private String createAlarm(String id, String nameSuffix, String description, IMetric metric, ITopic topic) {
        String alarmName = stack.getStackName() + "-" + nameSuffix;
        Alarm alarm = Alarm.Builder.create(stack, id)
                .alarmName(alarmName)
                .alarmDescription(description)
                .metric(metric)
                .threshold(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alarm.addAlarmAction(new SnsAction(topic));
        return stack.formatArn(ArnComponents.builder()
                .service("cloudwatch")
                .resource("alarm")
                .resourceName(alarmName)
                .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                .build());
    }
}
