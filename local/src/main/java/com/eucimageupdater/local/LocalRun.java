package com.eucimageupdater.local;

import com.eucimageupdater.aws.ImageServices;
import com.eucimageupdater.aws.Publishing;
import com.eucimageupdater.config.MemberRole;
import com.eucimageupdater.config.UpdaterConfig;
import com.eucimageupdater.plan.DeploymentSettings;
import com.eucimageupdater.plan.OrganizationSettings;
import com.eucimageupdater.simulator.PublishedEvent;
import com.eucimageupdater.simulator.Scenario;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.sns.SnsClient;

/** The README's main command: one full workflow run, on the embedded simulator by default. */
public final class LocalRun {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DEFAULT_INPUT = Path.of("events", "local-run.json");
    private static final Path CDK_JSON = Path.of("cdk.json");
    private static final Pattern SNS_TOPIC_ARN = Pattern.compile("^arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}$");
    private static final String USAGE = """
            Usage: ./run-local [options]
              --input FILE                  execution input (default events/local-run.json; {} uses cdk.json's images)
              --scenario FILE               simulated account to run against (default: the built-in scenario)
              --state FILE                  keep the simulated account in FILE between runs: a run starts from FILE when
                                            it exists (else from the scenario) and saves the account there at its end;
                                            the scenario's faults and scripted errors are not saved
              --wait-ms N                   every Wait in milliseconds, and every Retry in half that (default 100 on the
                                            simulator)
              --poll-interval-seconds N     time between polls (default: cdk.json's pollIntervalMinutes)
              --max-wait-minutes N          bound on waiting for one image (default: cdk.json's maxWaitHours)
              --max-concurrency N           images processed at once (default: cdk.json's maxConcurrency)
              --target sim|aws              aws: a real account through the SDK's default credential, region and
                                            endpoint chain; real waits unless --wait-ms is given
              --topic-arn ARN               with --target aws: the SNS topic to mail (default: $EUC_TOPIC_ARN)
              --approve yes|no|timeout      how the run's approval is answered, in place of the mail's links (default on
                                            the simulator: yes; with --target aws it has no default and is required when
                                            the run can ask for an approval)
              --member-external-id ID       the external id member roles ask for (default: cdk.json's memberExternalId)
              --help                        this text
            """;

    private LocalRun() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) throws IOException, InterruptedException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (HelpRequested help) {
            out.print(USAGE);
            return 0;
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.print(USAGE);
            return 2;
        }
        try {
            JsonNode input = readInput(options.input, "--input");
            UpdaterConfig config = configuration(CDK_JSON);
            DeploymentSettings deployment = options.deploymentSettings(config);
            MemberRole memberRole = options.memberRole(config);
            return options.target.equals("aws")
                    ? runOnAws(options, input, deployment, config.organizationSettings(), memberRole, out)
                    : runOnSimulator(options.startingAccount(), options.state, input,
                            options.settings(deployment, 100L, config.organizationSettings(), LocalApproval.YES), memberRole, out);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            return 2;
        }
    }

    /** @param state where the account is kept between runs, or null */
    private static int runOnSimulator(Scenario scenario, Path state, JsonNode input, LocalWorkflow.Settings settings,
            MemberRole memberRole, PrintStream out) throws IOException, InterruptedException {
        try (SimulatedAccount account = new SimulatedAccount(scenario)) {
            String topicArn = "arn:aws:sns:" + scenario.region() + ":" + scenario.accountId() + ":euc-image-updater";
            out.println("Simulated AWS account " + scenario.accountId() + " in " + scenario.region() + " at "
                    + account.simulator().endpoint() + (state == null ? ""
                    : Files.exists(state) ? ", as the last run left it in " + state : ", from the scenario; kept in " + state));
            ExecutionResult result = null;
            try {
                try (ProgressPrinter progress = ProgressPrinter.takingStderr(out)) {
                    result = LocalWorkflow.run(Definition.DEFAULT_FILE, input, settings,
                            account.target(topicArn, memberRole.access(scenario.accountId())), progress);
                }
                account.simulator().publishedMessages().forEach(mail -> printMail(mail.subject(), mail.message(), out));
                printEvents(account.simulator().publishedEvents(), out);
                return finish(result, out);
            } finally {
                // Whatever the execution's end, what it changed stays changed, as in AWS.
                if (state != null) {
                    account.simulator().snapshot().save(state);
                    out.println("Account saved to " + state + (result == null ? "" : " after execution " + result.executionName())
                            + ": the next run with --state " + state + " goes on from there");
                }
            }
        }
    }

    private static int runOnAws(Options options, JsonNode input, DeploymentSettings deployment, OrganizationSettings organization,
            MemberRole memberRole, PrintStream out) throws IOException, InterruptedException {
        String topicArn = options.topicArn != null ? options.topicArn : System.getenv("EUC_TOPIC_ARN");
        if (topicArn == null || !SNS_TOPIC_ARN.matcher(topicArn).matches()) {
            out.println("--target aws needs --topic-arn ARN or EUC_TOPIC_ARN with an SNS topic ARN"
                    + " (arn:aws:sns:REGION:ACCOUNT:NAME): the mail goes to a real topic" + (topicArn == null ? "" : ", got " + topicArn));
            return 2;
        }
        String[] arn = topicArn.split(":");
        LocalWorkflow.Settings settings = options.settings(deployment, null, organization, null);
        if (settings.approval() == null) {
            // Planned in the topic's account and Region: where the run's own ones are only places its items, not whether it asks.
            String definition = LocalWorkflow.render(Definition.DEFAULT_FILE, settings, arn[3], arn[4], topicArn);
            Optional<String> asks = ApprovalPreview.reason(definition, input, arn[3], arn[4]);
            if (asks.isPresent()) {
                out.println("--target aws: this run can ask for an approval, which a local run answers in place of the mail's links:"
                        + " say how with --approve yes, no or timeout. It can ask because " + asks.get() + ". Nothing was called in AWS.");
                return 2;
            }
        }
        // The topic lives in the deployment's account: images elsewhere are reached through their member role, as deployed. The
        // deployment's own Region is the SDK's default one (AWS_REGION), where images that name none are; the topic may be elsewhere.
        String region = new DefaultAwsRegionProviderChain().getRegion().id();
        // The run's events and parameters go to the deployment's own account and Region, as the SDK's settings name them.
        LocalWorkflow.Target target = new LocalWorkflow.Target(ImageServices.fromEnvironment(memberRole.access(arn[4])),
                snsFor(topicArn), Publishing.fromEnvironment(), Publishing.busFromEnvironment(), region, arn[4], topicArn,
                LambdaFaultInjector.NONE, List.of());
        ExecutionResult result;
        try (ProgressPrinter progress = ProgressPrinter.takingStderr(out)) {
            result = LocalWorkflow.run(Definition.DEFAULT_FILE, input, settings, target, progress);
        }
        if (result.report() != null) {
            printMail(result.report().path("subject").asText(), result.report().path("message").asText(), out);
        }
        return finish(result, out);
    }

    /**
     * SNS publishes only to topics in the client's Region, so the client takes the topic's Region, whatever the
     * default Region is; credentials and endpoint still come from the SDK's standard settings.
     */
    static SnsClient snsFor(String topicArn) {
        return SnsClient.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.of(topicArn.split(":")[3])).build();
    }

    private static int finish(ExecutionResult result, PrintStream out) {
        if (result.report() != null && !result.report().path("results").isEmpty()) {
            ResultTable.print(result.report().path("results"), out);
        }
        out.printf("%nExecution %s in %.1f s%s%n", result.succeeded() ? "SUCCEEDED" : "FAILED",
                result.elapsed().toMillis() / 1000.0, result.succeeded() ? "" : ": " + result.error() + " " + result.cause());
        return result.succeeded() ? 0 : 1;
    }

    /** What a rule on the default bus would get: each event's detail-type and detail, as EventBridge took them. */
    private static void printEvents(List<PublishedEvent> events, PrintStream out) {
        if (events.isEmpty()) {
            return;
        }
        out.println();
        out.println("---- events on the default bus (source " + events.get(0).source() + ") ----");
        events.forEach(event -> out.println(event.detailType() + ": " + event.detail()));
        out.println("-------------------------------");
    }

    private static void printMail(String subject, String message, PrintStream out) {
        out.println();
        out.println("---- mail sent through SNS ----");
        out.println("Subject: " + subject);
        out.println();
        out.print(message);
        out.println("-------------------------------");
    }

    /**
     * The execution input as Step Functions would take it. Text that is not one JSON value is refused here, by line and
     * column; any JSON value goes to the run, and an empty file goes as null: the plan refuses both with a mail, as deployed.
     */
    private static JsonNode readInput(Path file, String option) throws IOException {
        try (JsonParser parser = JSON.createParser(Files.readString(file))) {
            JsonNode input = parser.readValueAsTree();
            if (input != null && parser.nextToken() != null) {
                throw malformed(option, file, parser.currentTokenLocation(), "a second value follows the input's " + input.getNodeType()
                        .toString().toLowerCase(Locale.ROOT));
            }
            return input == null ? NullNode.getInstance() : input;
        } catch (JsonProcessingException e) {
            throw malformed(option, file, e.getLocation(), e.getOriginalMessage());
        }
    }

    private static IllegalArgumentException malformed(String option, Path file, JsonLocation at, String reason) {
        return new IllegalArgumentException(option + " " + file + ": is not valid JSON" + (at == null ? "" : " at line " + at.getLineNr()
                + ", column " + at.getColumnNr()) + ": " + reason);
    }

    /**
     * The deployment's configuration (cdk.json's context), read and judged as {@code cdk synth} reads it, so that a local run
     * behaves as the deployed one would; without a cdk.json, the defaults.
     */
    static UpdaterConfig configuration(Path cdkJson) throws IOException {
        return Files.exists(cdkJson) ? UpdaterConfig.fromCdkJson(cdkJson) : UpdaterConfig.fromContext(Map.of());
    }

    private static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super("help", null, false, false);
        }
    }

    private static final class Options {
        Path input = DEFAULT_INPUT;
        Path scenario;
        Path state;
        Long waitMillis;
        Integer pollIntervalSeconds;
        Integer maxWaitMinutes;
        Integer maxConcurrency;
        String target = "sim";
        String topicArn;
        /** Null when not given: each target has its own default. */
        LocalApproval approval;
        String memberExternalId;

        static Options parse(String[] args) {
            Options options = new Options();
            Deque<String> rest = new ArrayDeque<>(List.of(args));
            while (!rest.isEmpty()) {
                String option = rest.pop();
                if (option.equals("--help") || option.equals("-h")) {
                    throw new HelpRequested();
                }
                if (rest.isEmpty()) {
                    throw new IllegalArgumentException(option + ": needs a value (or is not an option)");
                }
                String value = rest.pop();
                switch (option) {
                    case "--input" -> options.input = existingFile(option, value);
                    case "--scenario" -> options.scenario = existingFile(option, value);
                    case "--state" -> options.state = stateFile(option, value);
                    case "--wait-ms" -> options.waitMillis = (long) number(option, value, 0);
                    case "--poll-interval-seconds" -> options.pollIntervalSeconds = number(option, value, 1);
                    case "--max-wait-minutes" -> options.maxWaitMinutes = number(option, value, 1);
                    case "--max-concurrency" -> options.maxConcurrency = number(option, value, 1);
                    case "--target" -> options.target = oneOf(option, value, "sim", "aws");
                    case "--topic-arn" -> options.topicArn = value;
                    case "--approve" -> options.approval = LocalApproval.parse(option, value);
                    case "--member-external-id" -> options.memberExternalId = value;
                    default -> throw new IllegalArgumentException(option + ": unknown option");
                }
            }
            if (options.state != null && options.target.equals("aws")) {
                throw new IllegalArgumentException("--state: keeps a simulated account between runs; --target aws works on a real"
                        + " account, which keeps its own");
            }
            if (options.state != null && options.scenario != null && Files.exists(options.state)) {
                throw new IllegalArgumentException("--scenario and --state " + options.state + ": the account comes from the state"
                        + " file, which exists; drop --scenario to go on from it, or delete the file to start again from the scenario");
            }
            return options;
        }

        /** The simulated account a run starts with: as the last run left it in the state file, else the scenario. */
        Scenario startingAccount() {
            if (state != null && Files.exists(state)) {
                try {
                    return Scenario.load(state);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--state " + state + ": " + e.getMessage()
                            + "; fix it, or delete it to start again from the scenario", e);
                }
            }
            return scenario == null ? Scenario.defaultScenario() : Scenario.load(scenario);
        }

        /** cdk.json's settings, with the options given here taking precedence; the plan step judges their ranges, as deployed. */
        DeploymentSettings deploymentSettings(UpdaterConfig config) {
            DeploymentSettings configured = config.deploymentSettings();
            return new DeploymentSettings(configured.configuredImagesJson(),
                    Objects.requireNonNullElse(pollIntervalSeconds, configured.pollIntervalSeconds()),
                    Objects.requireNonNullElse(maxWaitMinutes, configured.maxWaitMinutes()),
                    Objects.requireNonNullElse(maxConcurrency, configured.maxConcurrency()),
                    configured.timeZone(), configured.daysAfterPatchTuesday(), configured.rollout());
        }

        /** cdk.json's member role, with --member-external-id over its external id. */
        MemberRole memberRole(UpdaterConfig config) {
            MemberRole configured = config.organization().memberRole();
            return memberExternalId == null ? configured : configured.withExternalId(memberExternalId);
        }

        LocalWorkflow.Settings settings(DeploymentSettings deployment, Long defaultWaitMillis, OrganizationSettings organization,
                LocalApproval defaultApproval) {
            Long wait = waitMillis != null ? waitMillis : defaultWaitMillis;
            return new LocalWorkflow.Settings(deployment, wait, wait == null ? null : wait / 2,
                    approval != null ? approval : defaultApproval, organization);
        }

        private static Path existingFile(String option, String value) {
            Path file = Path.of(value);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(option + ": no such file " + value);
            }
            return file;
        }

        /** A file that may not exist yet, in a folder that does. */
        private static Path stateFile(String option, String value) {
            Path file = Path.of(value);
            Path folder = file.toAbsolutePath().getParent();
            if (Files.exists(file) ? !Files.isRegularFile(file) : folder == null || !Files.isDirectory(folder)) {
                throw new IllegalArgumentException(option + ": " + value + " must be a file, or a new file in an existing folder");
            }
            return file;
        }

        private static int number(String option, String value, int min) {
            try {
                int parsed = Integer.parseInt(value);
                if (parsed >= min) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // reported below with the rule
            }
            throw new IllegalArgumentException(option + ": must be a whole number >= " + min + ", got " + value);
        }

        private static String oneOf(String option, String value, String... allowed) {
            if (!List.of(allowed).contains(value)) {
                throw new IllegalArgumentException(option + ": must be one of " + String.join(", ", allowed) + ", got " + value);
            }
            return value;
        }
    }
}
