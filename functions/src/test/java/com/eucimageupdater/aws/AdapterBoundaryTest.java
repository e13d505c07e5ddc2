package com.eucimageupdater.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The feature packages reach AWS only through their own ports, which this package implements: no other package imports a client. */
class AdapterBoundaryTest {
    private static final Path MAIN = Path.of("src", "main", "java", "com", "eucimageupdater");
    private static final Pattern ADAPTER = Pattern.compile("import software\\.amazon\\.awssdk\\.services\\."
            + "|\\b(ServiceAdapter|AppStreamImageService|WorkSpacesImageService|AppStreamImages|WorkSpacesImages)\\b");

    @Test
    void noClassOutsideTheAdapterPackageImportsTheServiceClientsOrNamesAnAdapter() throws IOException {
        try (Stream<Path> sources = Files.walk(MAIN)) {
            List<String> crossing = sources.filter(path -> path.toString().endsWith(".java"))
                    .filter(path -> !path.startsWith(MAIN.resolve("aws")))
                    .filter(path -> ADAPTER.matcher(read(path)).find())
                    .map(path -> MAIN.relativize(path).toString()).sorted().toList();

            assertEquals(List.of(), crossing);
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
