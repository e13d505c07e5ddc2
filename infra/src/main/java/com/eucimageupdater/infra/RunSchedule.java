package com.eucimageupdater.infra;

import com.eucimageupdater.config.UpdaterConfig;
import com.eucimageupdater.workflow.WorkflowInput;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.TimeZone;
import software.amazon.awscdk.services.scheduler.ContextAttribute;
import software.amazon.awscdk.services.scheduler.Schedule;
import software.amazon.awscdk.services.scheduler.ScheduleExpression;
import software.amazon.awscdk.services.scheduler.ScheduleTargetInput;
import software.amazon.awscdk.services.scheduler.targets.ScheduleTargetBaseProps;
import software.amazon.awscdk.services.scheduler.targets.StepFunctionsStartExecution;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.amazon.awscdk.services.stepfunctions.IStateMachine;
import software.constructs.Construct;

/**
 * The monthly schedule (EventBridge Scheduler) that starts a run with the configured images, and the queue where it
 * leaves the starts it could not make.
 *
 * <p>The resources are the stack's own children, not this construct's: their logical ids, which deployed stacks
 * hold, stay those they had before this construct existed.
 */
final class RunSchedule extends Construct {
    private final Queue deadLetters;

    RunSchedule(Stack stack, String id, UpdaterConfig config, IStateMachine stateMachine) {
        super(stack, id);
        deadLetters = Queue.Builder.create(stack, "ScheduleDeadLetterQueue")
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(Duration.days(14))
                .build();
        NagSuppressions.addResourceSuppressions(deadLetters, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-SQS3")
                .reason("This queue is itself the dead-letter queue of the schedule; it needs no dead-letter queue of its own")
                .build()));
        Schedule.Builder.create(stack, "MonthlySchedule")
                .description("Starts the euc-image-updater with the images configured in cdk.json, "
                        + config.schedule().daysAfterPatchTuesday() + " day(s) after Patch Tuesday")
                .schedule(ScheduleExpression.expression(config.schedule().expression(), TimeZone.of(config.schedule().timeZone())))
                // Without configured images a scheduled run could only fail with InvalidInput, every month.
                .enabled(config.schedule().enabled() && config.configuredImageCount() > 0)
                .target(new StepFunctionsStartExecution(stateMachine, ScheduleTargetBaseProps.builder()
                        // No "images" in the input: the run takes the configured list. The scheduled time (not the
                        // execution's start, which a retry may delay past midnight) decides whether today is the run day.
                        .input(ScheduleTargetInput.fromObject(Map.of(WorkflowInput.SCHEDULED_TIME, ContextAttribute.getScheduledTime())))
                        .retryAttempts(3)
                        .maxEventAge(Duration.hours(6))
                        .deadLetterQueue(deadLetters)
                        .build()))
                .build();
    }

    /** Where the schedule leaves a start it gave up on. */
    Queue deadLetters() {
        return deadLetters;
    }
}
