package com.eucimageupdater.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local interpreter runs on the Node that scripts/setup.sh linked, and only on Node 22 or later. */
class NodeRuntimeTest {
    @TempDir
    Path project;

    @Test
    void missingLinkIsRefusedNamingTheSetupScript() {
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> NodeRuntime.resolve(project));
        assertTrue(error.getMessage().contains("node_modules/.bin/node is missing"), error::getMessage);
        assertTrue(error.getMessage().contains("scripts/setup.sh"), error::getMessage);
    }

    @Test
    void nodeOlderThan22IsRefusedNamingItsVersion() throws IOException {
        linkFakeNode("v20.20.2");
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> NodeRuntime.resolve(project));
        assertTrue(error.getMessage().contains("is Node v20.20.2"), error::getMessage);
        assertTrue(error.getMessage().contains("needs Node 22 or later"), error::getMessage);
    }

    @Test
    void node22OrLaterIsTheLinkedPath() throws IOException {
        linkFakeNode("v22.0.0");
        assertEquals(project.resolve("node_modules/.bin/node"), NodeRuntime.resolve(project));
    }

    @Test
    void theProjectsOwnLinkIsNode22OrLater() {
        assertEquals(Path.of("node_modules/.bin/node"), NodeRuntime.node());
    }

    /** A stand-in for node that answers --version with the given version, linked as setup.sh links the real one. */
    private void linkFakeNode(String version) throws IOException {
        Path fake = Files.createDirectories(project.resolve("bin")).resolve("node");
        Files.writeString(fake, "#!/bin/sh\necho " + version + "\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path link = Files.createDirectories(project.resolve("node_modules/.bin")).resolve("node");
        Files.createSymbolicLink(link, fake);
    }
}
