package com.eucimageupdater.infra;

import com.eucimageupdater.config.InvalidConfigurationException;
import com.eucimageupdater.config.UpdaterConfig;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.StackProps;

/** The CDK app; {@code cdk synth} runs it from the project root, where cdk.json is. */
public final class EucImageUpdaterApp {
    public static final String STACK_NAME = "EucImageUpdater";
    public static final String MEMBER_STACK_NAME = "EucImageUpdaterMember";

    private EucImageUpdaterApp() {}

    public static void main(String[] args) {
        App app = new App();
        UpdaterConfig config;
        try {
            config = UpdaterConfig.fromContext(allContext(app));
        } catch (InvalidConfigurationException e) {
            // The problems are the whole message; a stack trace would only bury them.
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        build(app, config, Sources.inProject(Path.of("")));
        app.synth();
    }

    /** Every context key the app sees: cdk.json's "context", -c keys, cdk.context.json's and the CLI's own settings. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> allContext(App app) {
        return (Map<String, Object>) app.getNode().getAllContext();
    }

    /** The stacks with the cdk-nag AWS Solutions checks applied, as deployed and as tested. */
    public static EucImageUpdaterStack build(App app, UpdaterConfig config, Sources sources) {
        EucImageUpdaterStack stack = new EucImageUpdaterStack(app, STACK_NAME, StackProps.builder()
                .description("euc-image-updater: keeps AppStream 2.0 and WorkSpaces images patched every month")
                .build(), config, sources);
        buildMember(app, config);
        Aspects.of(app).add(new AwsSolutionsChecks());
        return stack;
    }

    /**
     * The member accounts' stack, when updaterAccount is set (a member account's deploy gives it with -c): without
     * it there is no account to trust, and a stack that could not be deployed would hold up the main one.
     */
    static Optional<EucImageUpdaterMemberStack> buildMember(App app, UpdaterConfig config) {
        return config.memberTrust().map(trust -> new EucImageUpdaterMemberStack(app, MEMBER_STACK_NAME, trust));
    }
}
