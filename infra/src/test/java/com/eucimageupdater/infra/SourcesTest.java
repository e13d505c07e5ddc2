package com.eucimageupdater.infra;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcesTest {

    @Test
    @DisplayName("a missing functions jar stops the synth with the command that builds it")
    void missingJarNamesTheBuild(@TempDir Path emptyProject) {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> Sources.inProject(emptyProject));

        assertTrue(error.getMessage().contains("functions-lambda.jar is missing"), error.getMessage());
        assertTrue(error.getMessage().contains("mvn -B -pl functions -am package"), error.getMessage());
    }
}
