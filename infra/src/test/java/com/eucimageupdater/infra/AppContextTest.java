package com.eucimageupdater.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eucimageupdater.config.InvalidConfigurationException;
import com.eucimageupdater.config.UpdaterConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;

/** The settings as the CDK app reads them from its context, where CDK's own keys sit beside ours. */
class AppContextTest {

    @Test
    @DisplayName("CDK's own context keys pass: feature flags, the CLI's settings, cached lookups, acknowledged notices")
    void cdksOwnKeysPass() {
        Map<String, Object> context = new HashMap<>(cdkCliContext());
        context.put("@aws-cdk-containers/ecs-service-extensions:enableDefaultLogDriver", true);
        context.put("availability-zones:account=123456789012:region=us-east-1", List.of("us-east-1a", "us-east-1b"));
        context.put("acknowledged-issue-numbers", List.of(32775));
        context.put("cli-telemetry", false);
        assertEquals(UpdaterConfig.fromContext(Map.of()), UpdaterConfig.fromContext(context));
    }

    @Test
    @DisplayName("the project's cdk.json, with what the CLI adds, passes as the app sees it in its context")
    void projectCdkJsonPassesAsTheAppSeesIt() {
        Map<String, Object> context = new HashMap<>(TestStack.cdkJsonContext());
        context.putAll(cdkCliContext());
        App app = App.Builder.create().context(context).build();
        assertEquals(UpdaterConfig.fromContext(TestStack.cdkJsonContext()), UpdaterConfig.fromContext(EucImageUpdaterApp.allContext(app)));

        context.put("maxConcurency", 2);
        App typo = App.Builder.create().context(context).build();
        assertEquals(List.of("maxConcurency: unknown key; did you mean maxConcurrency?"), assertThrows(InvalidConfigurationException.class,
                () -> UpdaterConfig.fromContext(EucImageUpdaterApp.allContext(typo))).problems());
    }

    /** What the CDK CLI puts in every app's context besides cdk.json's (its settings, as of CLI 2.1148). */
    private static Map<String, Object> cdkCliContext() {
        return Map.of("aws:cdk:enable-path-metadata", true, "aws:cdk:enable-asset-metadata", true, "aws:cdk:version-reporting", true,
                "aws:cdk:bundling-stacks", List.of("**"), "@aws-cdk/core:failSynthOnValidationErrors", false);
    }
}
