package com.eucimageupdater.simulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A {@link Scenario} as a file holds it: JSON read strictly (a duplicate or unknown field is an error that names where
 * it is), written indented without what is empty, and saved whole or not at all.
 */
final class ScenarioFile {
    private ScenarioFile() {}

    static String toJson(Scenario scenario) {
        try {
            return Json.MAPPER.copy().setSerializationInclusion(JsonInclude.Include.NON_EMPTY).writerWithDefaultPrettyPrinter()
                    .writeValueAsString(scenario) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a scenario always serialises", e);
        }
    }

    /** A save cut short leaves the file as it was: the scenario is written beside it, then moved into place. */
    static void save(Scenario scenario, Path file) {
        Path target = file.toAbsolutePath();
        try {
            Path partial = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".partial");
            try {
                Files.writeString(partial, toJson(scenario));
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the scenario to " + file, e);
        }
    }

    static Scenario load(Path file) {
        try {
            return fromJson(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the scenario " + file, e);
        }
    }

    static Scenario fromJson(String json) {
        try {
            return Json.MAPPER.readerFor(Scenario.class).with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).readValue(json);
        } catch (JsonMappingException e) {
            String at = field(e.getPath());
            // A rule of ours broken: its own message, without Jackson's "Cannot construct instance of ...".
            String problem = e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException
                    ? e.getCause().getMessage() : e.getOriginalMessage();
            throw new IllegalArgumentException("Invalid scenario" + (at.isEmpty() ? "" : " at " + at) + ": " + problem, e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Invalid scenario: " + e.getOriginalMessage(), e);
        }
    }

    static Scenario defaultScenario() {
        try (InputStream in = Scenario.class.getResourceAsStream("/scenarios/default.json")) {
            return fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the default scenario", e);
        }
    }

    /** Where in the file a problem is, e.g. accounts[1].regions.eu-west-1.appstream.images[0]. */
    private static String field(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference step : path) {
            if (step.getFieldName() != null) {
                field.append(field.length() == 0 ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                field.append('[').append(step.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
