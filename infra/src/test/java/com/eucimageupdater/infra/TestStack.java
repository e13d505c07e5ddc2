package com.eucimageupdater.infra;

import com.eucimageupdater.config.UpdaterConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * The app as {@code cdk synth} builds it from cdk.json, with e-mails, images, targets, an additional Region and the
 * member keys (an external id and an organization) added so that every resource appears ({@link #get()}), and as
 * cdk.json ships it, without them ({@link #shipped()}). Each is synthesized once and shared by the test classes,
 * because each synth costs seconds of jsii time.
 */
final class TestStack {
    static final Path PROJECT_ROOT = Path.of("..").toAbsolutePath().normalize();
    static final List<String> EMAILS = List.of("euc-admins@example.com", "oncall@example.com");
    static final List<Map<String, Object>> IMAGES = List.of(
            Map.of("service", "APPSTREAM", "image", "Finance-Win2022", "tags", Map.of("team", "euc"), "copyToRegions",
                    List.of("ap-northeast-1")),
            Map.of("service", "WORKSPACES", "image", "wsi-0a1b2c3d4", "description", "Engineering desktop"));
    /** One image at a time, so the two images take two rounds of the maximum wait. */
    static final int MAX_CONCURRENCY = 1;
    static final List<Map<String, Object>> TARGETS = List.of(
            Map.of("account", "111122223333", "regions", List.of("eu-west-1", "eu-central-1")),
            Map.of("account", "444455556666", "regions", List.of("us-east-1")));
    static final List<String> ADDITIONAL_REGIONS = List.of("ca-central-1");
    /** Counted by hand: the targets' Regions, the images' copyToRegions and the additional Region, sorted. */
    static final List<String> WORK_REGIONS = List.of("ap-northeast-1", "ca-central-1", "eu-central-1", "eu-west-1", "us-east-1");
    static final String UPDATER_ACCOUNT = "999988887777";
    static final String EXTERNAL_ID = "euc-image-updater-7f3a";
    static final String ORGANIZATION_ID = "o-a1b2c3d4e5";

    private static TestStack instance;
    private static TestStack shipped;

    final EucImageUpdaterStack stack;
    final Template template;
    final UpdaterConfig config;
    /** The member accounts' stack of the same app, or null: it is built only when updaterAccount is set. */
    final Stack memberStack;

    private TestStack(Map<String, Object> context) {
        Path outdir = createTempDirectory();
        App app = App.Builder.create().context(context).outdir(outdir.toString()).build();
        config = UpdaterConfig.fromContext(EucImageUpdaterApp.allContext(app));
        stack = EucImageUpdaterApp.build(app, config, Sources.inProject(PROJECT_ROOT));
        memberStack = (Stack) app.getNode().tryFindChild(EucImageUpdaterApp.MEMBER_STACK_NAME);
        template = synthesize(stack, outdir.resolve("validation-report.json"));
    }

    /** Synthesis fails on any cdk-nag error; the validation report says which, the exception only where it is. */
    private static Template synthesize(EucImageUpdaterStack stack, Path validationReport) {
        try {
            return Template.fromStack(stack);
        } catch (RuntimeException e) {
            if (!Files.isRegularFile(validationReport)) {
                throw e;
            }
            try {
                throw new AssertionError("Synthesis failed validation:\n" + Files.readString(validationReport), e);
            } catch (IOException unreadable) {
                e.addSuppressed(unreadable);
                throw e;
            }
        }
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("cdk.out");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized TestStack get() {
        if (instance == null) {
            Map<String, Object> context = new LinkedHashMap<>(cdkJsonContext());
            context.put(UpdaterConfig.NOTIFICATION_EMAILS, EMAILS);
            context.put(UpdaterConfig.IMAGES, IMAGES);
            context.put(UpdaterConfig.MAX_CONCURRENCY, MAX_CONCURRENCY);
            context.put(UpdaterConfig.TARGETS, TARGETS);
            context.put(UpdaterConfig.ADDITIONAL_REGIONS, ADDITIONAL_REGIONS);
            context.put(UpdaterConfig.UPDATER_ACCOUNT, UPDATER_ACCOUNT);
            context.put(UpdaterConfig.MEMBER_EXTERNAL_ID, EXTERNAL_ID);
            context.put(UpdaterConfig.ORGANIZATION_ID, ORGANIZATION_ID);
            instance = new TestStack(context);
        }
        return instance;
    }

    /** A stack of its own, for a test that varies the context. */
    static TestStack of(Map<String, Object> context) {
        return new TestStack(context);
    }

    /** The app exactly as the shipped cdk.json configures it: no images, no e-mails, no organization. */
    static synchronized TestStack shipped() {
        if (shipped == null) {
            shipped = new TestStack(cdkJsonContext());
        }
        return shipped;
    }

    /** The Lambda handler setting the step's function must have. */
    static String handler(String step) {
        String handlerClass = switch (step) {
            case "Plan" -> "plan.PlanHandler";
            case "Resolve", "MoveTargets", "PlanRollout" -> "rollout." + step + "Handler";
            case "Check", "Start", "Poll", "SummarizeBuilds" -> "build." + step + "Handler";
            case "Distribute" -> "distribute.DistributeHandler";
            case "Validate" -> "validate.ValidateHandler";
            case "Retire" -> "retire.RetireHandler";
            case "Rebuild" -> "rebuild.RebuildHandler";
            case "RequestApproval" -> "approve.RequestApprovalHandler";
            case "FindRollout" -> "rollback.FindRolloutHandler";
            case "Survey" -> "drift.SurveyHandler";
            case "Publish" -> "publish.PublishHandler";
            case "Report" -> "report.ReportHandler";
            case "ApprovalEndpoint" -> "approve.ApprovalEndpointHandler";
            default -> throw new IllegalArgumentException("no step " + step);
        };
        return "com.eucimageupdater." + handlerClass + "::handleRequest";
    }

    /** The logical id of the step's function. */
    String functionId(String step) {
        Map<String, Map<String, Object>> functions = template.findResources("AWS::Lambda::Function", Map.of("Properties",
                Map.of("Handler", TestStack.handler(step))));
        if (functions.size() != 1) {
            throw new AssertionError(step + " functions: " + functions.keySet());
        }
        return functions.keySet().iterator().next();
    }

    /** The logical id of the alias on the published version of the step's function. */
    String aliasId(String step) {
        Map<String, Map<String, Object>> aliases = template.findResources("AWS::Lambda::Alias", Map.of("Properties",
                Map.of("FunctionName", Map.of("Ref", functionId(step)))));
        if (aliases.size() != 1) {
            throw new AssertionError(step + " aliases: " + aliases.keySet());
        }
        return aliases.keySet().iterator().next();
    }

    /** The "context" object of the project's cdk.json: configuration defaults and feature flags. */
    static Map<String, Object> cdkJsonContext() {
        try {
            return UpdaterConfig.cdkJsonContext(PROJECT_ROOT.resolve("cdk.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
