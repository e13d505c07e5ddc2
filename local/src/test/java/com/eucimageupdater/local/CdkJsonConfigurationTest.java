package com.eucimageupdater.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eucimageupdater.config.InvalidConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cdk.json as the local runner reads it: with the CDK app's reader and rules, so that a run works as deployed. */
class CdkJsonConfigurationTest {
    @TempDir
    Path dir;

    private Path cdkJson(String context) throws Exception {
        return Files.writeString(dir.resolve("cdk.json"), "{\"app\": \"scripts/cdk-app\", \"context\": " + context + "}");
    }

    @Test
    void cdkJsonsTargetsImagesAndAdditionalRegionsAreTheRunsWorkRegionsAsDeployed() throws Exception {
        Path cdkJson = cdkJson("""
                {"targets": [{"account": "222222222222", "regions": ["eu-west-1", "us-east-1"]},
                             {"account": "333333333333", "regions": ["us-east-1"]}],
                 "images": [{"service": "APPSTREAM", "image": "Base-Win2022", "region": "eu-central-1",
                             "copyToRegions": ["ap-southeast-2"]}],
                 "additionalRegions": ["ca-central-1", "eu-west-1"]}""");

        assertEquals(List.of("ap-southeast-2", "ca-central-1", "eu-central-1", "eu-west-1", "us-east-1"),
                LocalRun.configuration(cdkJson).organizationSettings().workRegions());
    }

    @Test
    void aCdkJsonWithoutThemWorksInTheOwnRegionOnly() throws Exception {
        assertEquals(List.of(), LocalRun.configuration(cdkJson("{\"targets\": [], \"images\": [], \"additionalRegions\": []}"))
                .organizationSettings().workRegions());
        assertEquals(List.of(), LocalRun.configuration(cdkJson("{}")).organizationSettings().workRegions());
        assertEquals(List.of(), LocalRun.configuration(dir.resolve("none.json")).organizationSettings().workRegions(),
                "no cdk.json: the defaults");
    }

    @Test
    void aBadValueIsRefusedAsCdkSynthRefusesIt() throws Exception {
        InvalidConfigurationException refused = assertThrows(InvalidConfigurationException.class,
                () -> LocalRun.configuration(cdkJson("{\"maxWaitHours\": 2.5, \"approval\": \"maybe\", \"maxConcurency\": 2}")));

        assertEquals(List.of("maxConcurency: unknown key; did you mean maxConcurrency?",
                "maxWaitHours: must be a whole number from 1 to 48, got 2.5",
                "approval: must be \"required\" (production waits for an approve link), \"none\" (production right after staging)"
                        + " or \"auto\" (production after promoteAfterHours unless rejected), got \"maybe\""), refused.problems());
    }
}
