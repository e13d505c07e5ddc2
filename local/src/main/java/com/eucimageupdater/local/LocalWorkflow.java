package com.eucimageupdater.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.eucimageupdater.approve.RequestApprovalHandler;
import com.eucimageupdater.aws.ApprovalTopic;
import com.eucimageupdater.aws.ImageServices;
import com.eucimageupdater.build.CheckHandler;
import com.eucimageupdater.build.PollHandler;
import com.eucimageupdater.build.StartHandler;
import com.eucimageupdater.build.SummarizeBuildsHandler;
import com.eucimageupdater.distribute.DistributeHandler;
import com.eucimageupdater.drift.SurveyHandler;
import com.eucimageupdater.plan.DeploymentSettings;
import com.eucimageupdater.plan.OrganizationSettings;
import com.eucimageupdater.plan.PlanHandler;
import com.eucimageupdater.publish.EventBus;
import com.eucimageupdater.publish.PublishHandler;
import com.eucimageupdater.publish.Publisher;
import com.eucimageupdater.rebuild.RebuildHandler;
import com.eucimageupdater.report.ReportHandler;
import com.eucimageupdater.retire.RetireHandler;
import com.eucimageupdater.rollback.FindRolloutHandler;
import com.eucimageupdater.rollout.MoveTargetsHandler;
import com.eucimageupdater.rollout.PlanRolloutHandler;
import com.eucimageupdater.rollout.ResolveHandler;
import com.eucimageupdater.validate.ValidateHandler;
import com.eucimageupdater.workflow.WorkflowStep;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Runs statemachine/*.asl.json, the file CDK deploys, on the aws-local-stepfunctions interpreter (Node), with
 * its Task states executed by the real handlers in this JVM against whatever AWS the given clients reach.
 */
final class LocalWorkflow {
    static final Path RUNNER = Path.of("local", "src", "main", "node", "run-asl.mjs");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /**
     * Where the run's AWS calls go and what the deployment would have configured.
     *
     * @param simulatedRegions the Regions a simulated organization lists: the deployment works in them as if cdk.json's
     *                         targets named them (none on AWS, where cdk.json alone says)
     */
    record Target(ImageServices images, SnsClient sns, Publisher publisher, EventBus bus, String region, String account,
            String topicArn, LambdaFaultInjector lambdaFaults, List<String> simulatedRegions) {}

    /**
     * @param deployment what CDK would substitute into the definition
     * @param waitMillis every Wait state's duration, or null for the definition's own
     * @param retryMillis every Retry interval, or null for the definition's own backoff
     * @param organization the accounts and Regions a run reaches, and its pace across them
     * @param clockStart where the run's clock starts when Wait states take no time; null: when the run starts
     */
    record Settings(DeploymentSettings deployment, Long waitMillis, Long retryMillis, LocalApproval approval,
            OrganizationSettings organization, Instant clockStart) {

        Settings(DeploymentSettings deployment, Long waitMillis, Long retryMillis, LocalApproval approval,
                OrganizationSettings organization) {
            this(deployment, waitMillis, retryMillis, approval, organization, null);
        }

        Settings(DeploymentSettings deployment, Long waitMillis, Long retryMillis, LocalApproval approval) {
            this(deployment, waitMillis, retryMillis, approval, OrganizationSettings.DEFAULTS);
        }

        Settings(DeploymentSettings deployment, Long waitMillis, Long retryMillis) {
            this(deployment, waitMillis, retryMillis, LocalApproval.YES);
        }

        Settings withWorkRegions(List<String> regions) {
            return new Settings(deployment, waitMillis, retryMillis, approval, organization.withWorkRegions(regions), clockStart);
        }

        /** The run's clock starts at {@code start} (tests fix it); else at the run's start. */
        Settings startingAt(Instant start) {
            return new Settings(deployment, waitMillis, retryMillis, approval, organization, start);
        }

        /**
         * The clock the steps that wait by the clock read: when Wait states take no time, one that jumps to the end of each wait
         * a step asks for; with real waits, the real one.
         */
        Clock clock() {
            return waitMillis == null ? Clock.systemUTC() : new WaitingClock(clockStart != null ? clockStart : Instant.now());
        }
    }

    private LocalWorkflow() {}

    static ExecutionResult run(Path definitionFile, JsonNode input, Settings settings, Target target, Consumer<ExecutionEvent> listener)
            throws IOException, InterruptedException {
        NodeRuntime.node(); // fails before the task host starts when there is no Node 22
        Map<WorkflowStep, String> functionArns = Definition.functionArns(target.region(), target.account());
        String definition = render(definitionFile, settings.withWorkRegions(target.simulatedRegions()), target.region(), target.account(),
                target.topicArn());
        Map<String, RequestStreamHandler> handlers = new HashMap<>();
        Map<String, String> steps = new HashMap<>();
        Clock clock = settings.clock();
        functionArns.forEach((step, arn) -> {
            handlers.put(arn, handler(step, target, settings.approval(), clock));
            steps.put(arn, step.stepName());
        });
        try (TaskHost host = new TaskHost(handlers, steps, target.lambdaFaults(), settings.approval(), new SnsPublisher(target.sns()))) {
            Path config = Files.createTempFile("euc-image-updater-run", ".json");
            try {
                ObjectNode runner = runnerConfig(definition, input, settings, target, host);
                Files.writeString(config, JSON.writeValueAsString(runner));
                ExecutionResult result = execute(config, runner.path("context").path("Execution").path("Name").asText(), listener);
                return host.report() == null ? result : result.withReport(host.report());
            } finally {
                Files.deleteIfExists(config);
            }
        }
    }

    /** The definition as CDK would deploy it in {@code account} and {@code region} with these settings. */
    static String render(Path definitionFile, Settings settings, String region, String account, String topicArn) throws IOException {
        Map<String, String> substitutions = new HashMap<>();
        Definition.functionArns(region, account).forEach((step, arn) -> substitutions.put(step.placeholder(), arn));
        substitutions.put("TopicArn", topicArn);
        // The partition of the local runner's own ARNs (TaskHost's integrations, the functions', the topic's).
        substitutions.put("Partition", "aws");
        substitutions.putAll(settings.deployment().substitutions());
        substitutions.putAll(settings.organization().substitutions());
        return Definition.render(definitionFile, substitutions);
    }

    /**
     * The step's handler, over the run's AWS: exhaustive, so that a step added to the contract fails to compile here until
     * it is wired.
     *
     * @param approval how the run answers its approval, which its approval mail says instead of links
     * @param clock the run's clock: a {@link WaitingClock} jumps to the end of each wait the rebuild asks for
     */
    private static RequestStreamHandler handler(WorkflowStep step, Target target, LocalApproval approval, Clock clock) {
        ImageServices images = target.images();
        return switch (step) {
            case PLAN -> new PlanHandler();
            case RESOLVE -> new ResolveHandler(images);
            case CHECK -> new CheckHandler(images);
            case START -> new StartHandler(images);
            case POLL -> new PollHandler(images);
            case DISTRIBUTE -> new DistributeHandler(images);
            case VALIDATE -> new ValidateHandler(images);
            case SUMMARIZE_BUILDS -> new SummarizeBuildsHandler(images);
            case MOVE_TARGETS -> new MoveTargetsHandler(images);
            case REBUILD -> clock instanceof WaitingClock waiting ? waiting.jumpingAfter(new RebuildHandler(images, waiting))
                    : new RebuildHandler(images, clock);
            case RETIRE -> new RetireHandler(images);
            case PLAN_ROLLOUT -> new PlanRolloutHandler();
            case REQUEST_APPROVAL -> new RequestApprovalHandler(approval, new ApprovalTopic(target.sns(), target.topicArn()), target.bus(),
                    Clock.systemUTC());
            case FIND_ROLLOUT -> new FindRolloutHandler(images);
            case SURVEY -> new SurveyHandler(images);
            case PUBLISH -> new PublishHandler(target.publisher());
            case REPORT -> new ReportHandler();
        };
    }

    private static ObjectNode runnerConfig(String definition, JsonNode input, Settings settings, Target target, TaskHost host) {
        // A run whose clock starts at a given time (tests) starts its execution then too.
        Instant start = settings.clockStart() != null ? settings.clockStart() : Instant.now();
        String name = "local-" + NAME_TIME.format(start) + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        ObjectNode config = JSON.createObjectNode();
        config.put("definition", definition);
        config.set("input", input);
        config.put("taskHost", host.endpoint().toString());
        config.putPOJO("waitMillis", settings.waitMillis());
        config.putPOJO("retryMillis", settings.retryMillis());
        ObjectNode context = config.putObject("context");
        // The interpreter has no task tokens of its own: the context's token stands for the one SendTaskSuccess answers.
        context.putObject("Task").put("Token", "local-task-token-" + name);
        ObjectNode execution = context.putObject("Execution");
        execution.put("Id", "arn:aws:states:" + target.region() + ":" + target.account() + ":execution:euc-image-updater:" + name);
        execution.put("Name", name);
        execution.put("StartTime", start.toString());
        execution.set("Input", input);
        return config;
    }

    private static ExecutionResult execute(Path config, String executionName, Consumer<ExecutionEvent> listener)
            throws IOException, InterruptedException {
        Instant started = Instant.now();
        Process node = new ProcessBuilder(NodeRuntime.node().toString(), RUNNER.toString(), config.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        List<ExecutionEvent> events = new ArrayList<>();
        JsonNode report = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                ExecutionEvent event = JSON.readValue(line, ExecutionEvent.class);
                events.add(event);
                if (isReport(event)) {
                    report = event.output();
                }
                listener.accept(event);
            }
        }
        int exit = node.waitFor();
        ExecutionEvent last = events.isEmpty() ? null : events.get(events.size() - 1);
        if (last == null || !last.type().startsWith("Execution") || last.type().equals("ExecutionStarted")) {
            throw new IllegalStateException("the local interpreter stopped without finishing the execution (exit " + exit + ")");
        }
        return new ExecutionResult(executionName, last.type(), last.error(), last.cause(), report, events,
                Duration.between(started, Instant.now()));
    }

    /** The report step's output: what was mailed, and the per-image results. */
    private static boolean isReport(ExecutionEvent event) {
        return "StateExited".equals(event.type()) && event.output() != null && event.output().has("subject")
                && event.output().has("counts");
    }
}
