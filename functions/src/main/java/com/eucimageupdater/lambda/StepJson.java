package com.eucimageupdater.lambda;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The steps' JSON, in the two shapes the state machine has always been given. Unknown fields are ignored and absent ones
 * are null or zero in both. Each step's handler primes its shape on its own types before SnapStart's snapshot
 * ({@link JsonHandler#beforeCheckpoint}), so a restored function never introspects a type.
 */
public abstract class StepJson {
    /**
     * As the types' {@code @JsonInclude} annotations say (a plan's items leave out their empty lists): the run-wide
     * steps and the approval mail, whose inputs also hold free-form JSON (Jackson databind's trees).
     */
    public static StepJson annotated() {
        return Databind.SHAPE;
    }

    /**
     * Every record component but the null ones, in declaration order, whatever the annotations say (a resolved item
     * keeps its empty lists); the entries of maps and lists all written: the steps that call AWS on images, fleets and
     * bundles, and the approval endpoint. jackson-jr, whose cold start costs about half of databind's.
     */
    public static StepJson records() {
        return Jr.SHAPE;
    }

    /** @throws UnreadableInput when the input is not JSON or not {@code type}'s shape, naming the field */
    public abstract <T> T read(InputStream input, Class<T> type) throws IOException;

    public abstract void write(OutputStream output, Object value) throws IOException;

    // Each shape in a class of its own, built when first used: a function loads only the library its handler uses.

    /** jackson-jr: nulls are left out, enums written as their {@code toString()}; a field's path is the parser's. */
    private static final class Jr extends StepJson {
        static final StepJson SHAPE = new Jr();
        private final JSON json = JSON.builder()
                .enable(JSON.Feature.WRITE_RECORD_FIELDS_IN_DECLARATION_ORDER)
                .disable(JSON.Feature.FAIL_ON_UNKNOWN_BEAN_PROPERTY)
                .register(new WireValues())
                .build();

        @Override
        public <T> T read(InputStream input, Class<T> type) throws IOException {
            JsonParser parser = json.getStreamingFactory().createParser(input);
            try (parser) {
                return json.beanFrom(type, parser);
            } catch (JsonProcessingException e) {
                throw new UnreadableInput(where(parser.getParsingContext(), refusal(e)), e);
            }
        }

        @Override
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

    /** Jackson databind: the annotations say what is left out; a field's path is the mapping exception's. */
    private static final class Databind extends StepJson {
        static final StepJson SHAPE = new Databind();
        private final ObjectMapper mapper = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

        @Override
        public <T> T read(InputStream input, Class<T> type) throws IOException {
            try {
                return mapper.readValue(input, type);
            } catch (JsonProcessingException e) {
                throw new UnreadableInput(reason(e), e);
            }
        }

        @Override
        public void write(OutputStream output, Object value) throws IOException {
            mapper.writeValue(output, value);
        }

        /**
         * e.g. {@code item.service: Cannot deserialize value of type ... from String "EC2": not one of the values accepted}, or
         * a record's own refusal; without the input's text.
         */
        private static String reason(JsonProcessingException e) {
            String message = e instanceof ValueInstantiationException refused && refused.getCause() != null
                    ? refused.getCause().getMessage() : e.getOriginalMessage();
            if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
                return message;
            }
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference reference : mapping.getPath()) {
                if (reference.getFieldName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
                } else if (reference.getIndex() >= 0) {
                    path.append('[').append(reference.getIndex()).append(']');
                }
            }
            return path.isEmpty() ? message : path + ": " + message;
        }
    }
}
