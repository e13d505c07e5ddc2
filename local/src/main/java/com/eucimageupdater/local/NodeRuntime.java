package com.eucimageupdater.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The Node that runs the local interpreter: node_modules/.bin/node, which scripts/setup.sh links to Node 22 or later
 * (from PATH, or the one npm installed for this platform), the same Node that jsii and the infra tests use.
 */
final class NodeRuntime {
    static final Path LINK = Path.of("node_modules", ".bin", "node");
    /** aws-local-stepfunctions uses Promise.withResolvers, new in Node 22. */
    static final int MINIMUM_MAJOR = 22;
    private static Path checked;

    private NodeRuntime() {}

    /** The project's Node, checked once per JVM. */
    static synchronized Path node() {
        if (checked == null) {
            checked = resolve(Path.of(""));
        }
        return checked;
    }

    /** The Node linked under projectRoot, or a clear error saying how to get one. */
    static Path resolve(Path projectRoot) {
        Path link = projectRoot.resolve(LINK);
        if (!Files.isExecutable(link)) {
            throw new IllegalStateException(link + " is missing: run ./run-local, or `source scripts/setup.sh` in the"
                    + " project root; it links Node " + MINIMUM_MAJOR + " or later there (from PATH, or installed by npm)");
        }
        String version = version(link);
        if (major(version) < MINIMUM_MAJOR) {
            throw new IllegalStateException(link + " is Node " + version + ", the local interpreter needs Node "
                    + MINIMUM_MAJOR + " or later: run `source scripts/setup.sh` again to link another");
        }
        return link;
    }

    private static String version(Path node) {
        try {
            Process process = new ProcessBuilder(node.toString(), "--version").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(node + " --version failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(node + " does not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + node + " for its version", e);
        }
    }

    /** The major version of `node --version` output such as v22.23.3; 0 when it is not one. */
    private static int major(String version) {
        String digits = version.startsWith("v") ? version.substring(1) : version;
        int dot = digits.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? digits : digits.substring(0, dot));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
