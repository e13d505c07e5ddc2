package com.eucimageupdater.lambda;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The steps' JSON, in the two shapes the state machine has always been given, both jackson-jr's. Unknown fields are
 * ignored and absent ones are null or zero in both; text, numbers, booleans and enums are read as strictly in both
 * ({@link WireValues}). Each step's handler primes its shape on its own types before SnapStart's snapshot
 * ({@link JsonHandler#beforeCheckpoint}), so a restored function never introspects a type.
 */
public final class StepJson {
    /**
     * As the types' {@code @JsonInclude} annotations say (a plan's items leave out their empty lists), a null written
     * as null where a type has none ({@link AnnotatedRecords}): the run-wide steps and the approval mail, whose inputs
     * also hold free-form JSON (plain maps and lists, {@link JsonValues}).
     */
    public static StepJson annotated() {
        return Annotated.SHAPE;
    }

    /**
     * Every record component but the null ones, in declaration order, whatever the annotations say (a resolved item
     * keeps its empty lists); the entries of maps and lists all written, enums as their {@code toString()}: the steps
     * that call AWS on images, fleets and bundles, and the approval endpoint.
     */
    public static StepJson records() {
        return Records.SHAPE;
    }

    // Each shape in a class of its own, built when first used: a function builds only the shape its handler uses.

    private static final class Records {
        static final StepJson SHAPE = new StepJson(base().build());
    }

    private static final class Annotated {
        static final StepJson SHAPE = new StepJson(base().enable(JSON.Feature.WRITE_NULL_PROPERTIES)
                .register(new AnnotatedRecords()).build());
    }

    private static JSON.Builder base() {
        return JSON.builder()
                .enable(JSON.Feature.WRITE_RECORD_FIELDS_IN_DECLARATION_ORDER)
                .disable(JSON.Feature.FAIL_ON_UNKNOWN_BEAN_PROPERTY)
                .register(new WireValues());
    }

    private final JSON json;

    private StepJson(JSON json) {
        this.json = json;
    }

    /** @throws UnreadableInput when the input is not JSON or not {@code type}'s shape, naming the field */
    public <T> T read(InputStream input, Class<T> type) throws IOException {
        JsonParser parser = json.getStreamingFactory().createParser(input);
        try (parser) {
            return json.beanFrom(type, parser);
        } catch (JsonProcessingException e) {
            throw new UnreadableInput(where(parser.getParsingContext(), refusal(e)), e);
        }
    }

    public void write(OutputStream output, Object value) throws IOException {
        json.write(value, output);
    }

    /** A record's own refusal in its words ({@code item and run: every image job carries ...}), else jr's. */
    private static String refusal(JsonProcessingException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InvocationTargetException refused && refused.getTargetException() != null) {
                return refused.getTargetException().getMessage();
            }
        }
        return e.getOriginalMessage();
    }

    /** e.g. {@code item.service: ...}: the fields and indexes from the input's root to where reading stopped. */
    private static String where(JsonStreamContext context, String message) {
        Deque<JsonStreamContext> fromRoot = new ArrayDeque<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            fromRoot.push(at);
        }
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext at : fromRoot) {
            if (at.inArray()) {
                path.append('[').append(Math.max(at.getCurrentIndex(), 0)).append(']');
            } else if (at.getCurrentName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(at.getCurrentName());
            }
        }
        return path.isEmpty() ? message : path + ": " + message;
    }
}
