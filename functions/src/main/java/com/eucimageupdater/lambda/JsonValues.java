package com.eucimageupdater.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Free-form JSON (an execution's input, cdk.json's settings, another step's result) as jackson-jr reads it: a
 * {@code Map<String, Object>} for an object, a {@code List<Object>} for a list, else a String, Number, Boolean or null.
 * The few questions the steps ask of such a value, so that each reads as the rule it checks.
 */
public final class JsonValues {
    /** A null field is written as null, as in the trees the steps built before. */
    private static final JSON WRITER = JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES);

    private JsonValues() {}

    /** @throws JsonProcessingException when the text is not JSON; its original message says where */
    public static Object parse(String text) throws JsonProcessingException {
        try {
            return JSON.std.anyFrom(text);
        } catch (JsonProcessingException notJson) {
            throw notJson;
        } catch (IOException e) {
            throw new UncheckedIOException("reading JSON from a string", e);
        }
    }

    /** The value as compact JSON text, as a message shows what was given: {@code "x"}, {@code 5}, {@code {"a":1}}. */
    public static String shown(Object value) {
        try {
            return value == null ? "null" : WRITER.asString(value);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a JSON value", e);
        }
    }

    /** The object's fields, or null when the value is not an object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    /** The list's values, or an empty list when the value is not a list. */
    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        return value instanceof List<?> list ? (List<Object>) list : List.of();
    }

    /** The field of an object; null when the value is not an object or has no such field. */
    public static Object field(Object value, String name) {
        Map<String, Object> object = object(value);
        return object == null ? null : object.get(name);
    }

    /** A text, number or boolean as its text; "" for anything else (an object, a list, null). */
    public static String text(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean ? value.toString() : "";
    }

    /** The field as text: see {@link #text(Object)}. */
    public static String text(Object value, String field) {
        return text(field(value, field));
    }

    /** A whole number that fits an int (not 5.0, not "5"); empty for anything else. */
    public static OptionalInt wholeNumber(Object value) {
        long whole;
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            whole = ((Number) value).longValue();
        } else if (value instanceof BigInteger big && big.bitLength() < Integer.SIZE) {
            whole = big.longValue();
        } else {
            return OptionalInt.empty();
        }
        return whole == (int) whole ? OptionalInt.of((int) whole) : OptionalInt.empty();
    }
}
