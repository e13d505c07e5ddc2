package com.eucimageupdater.lambda;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The steps' JSON, read and written by Jackson databind in the two shapes the state machine has always been given.
 * Unknown fields are ignored and absent ones are null or zero in both. Each step's handler primes its shape on its own
 * types before SnapStart's snapshot ({@link JsonHandler#beforeCheckpoint}), so a restored function never builds a
 * serializer.
 */
public final class StepJson {
    /**
     * As the types' {@code @JsonInclude} annotations say (a plan's items leave out their empty lists): the run-wide
     * steps and the approval mail, whose inputs also hold free-form JSON.
     */
    public static StepJson annotated() {
        return Annotated.JSON;
    }

    /**
     * Every record component but the null ones, in declaration order, whatever the annotations say (a resolved item
     * keeps its empty lists); the entries of maps and lists all written: the steps that call AWS on images, fleets and
     * bundles, and the approval endpoint.
     */
    public static StepJson records() {
        return Records.JSON;
    }

    // Each shape in a holder of its own: a function builds only the mapper its handler uses, not both, on a cold start.
    private static final class Annotated {
        static final StepJson JSON = new StepJson(JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build());
    }

    private static final class Records {
        static final StepJson JSON = new StepJson(JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(MapperFeature.USE_ANNOTATIONS)
                // Without annotations, an enum's wire form (Approval's "required") is its toString(), as @JsonValue says elsewhere.
                .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
                .enable(DeserializationFeature.READ_ENUMS_USING_TO_STRING)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS))
                .build());
    }

    private final ObjectMapper mapper;

    private StepJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** @throws UnreadableInput when the input is not JSON or not {@code type}'s shape, naming the field */
    public <T> T read(InputStream input, Class<T> type) throws IOException {
        try {
            return mapper.readValue(input, type);
        } catch (JsonProcessingException e) {
            throw new UnreadableInput(reason(e), e);
        }
    }

    public void write(OutputStream output, Object value) throws IOException {
        mapper.writeValue(output, value);
    }

    /**
     * e.g. {@code item.service: Cannot deserialize value of type ... from String "EC2": not one of the values accepted}, or
     * a record's own refusal ({@code item and run: every image job carries ...}); without the input's text.
     */
    static String reason(JsonProcessingException e) {
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
