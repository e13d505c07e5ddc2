package com.eucimageupdater.config;

import com.eucimageupdater.lambda.JsonValues;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the context one key at a time, recording problems instead of stopping at the first. Values are JSON types
 * (from cdk.json) or strings (from {@code -c key=value} on the command line).
 */
final class ContextReader {
    private static final Pattern REGION = Pattern.compile("^[a-z]{2}(-[a-z]+)+-\\d$");

    private final Map<String, ?> context;
    private final List<String> problems = new ArrayList<>();

    ContextReader(Map<String, ?> context) {
        this.context = context;
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    boolean valid() {
        return problems.isEmpty();
    }

    void add(String problem) {
        problems.add(problem);
    }

    void addAll(Collection<String> more) {
        problems.addAll(more);
    }

    /** The key's value as given, or null when it is not set. */
    Object value(String key) {
        return context.get(key);
    }

    int integer(String key, int defaultValue, int min, int max) {
        Object value = value(key);
        if (value == null) {
            return defaultValue;
        }
        OptionalInt number = wholeNumber(value);
        if (number.isEmpty() || number.getAsInt() < min || number.getAsInt() > max) {
            problems.add(key + ": must be a whole number from " + min + " to " + max + ", got " + value);
        }
        return number.orElse(defaultValue);
    }

    /** cdk.json numbers may arrive as doubles (5.0); -c values arrive as text. Empty when not a whole number. */
    static OptionalInt wholeNumber(Object value) {
        String text = value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                ? Long.toString(number.longValue())
                : value.toString().strip();
        try {
            return OptionalInt.of(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /**
     * A Lambda reserved concurrency from 1 to max, or {@code none}. Lambda's 0 would stop the function, so it is refused
     * rather than read as "none".
     */
    OptionalInt reservedConcurrency(String key, String none, int defaultValue, int max) {
        Object value = value(key);
        if (value == null) {
            return OptionalInt.of(defaultValue);
        }
        if (value instanceof String text && text.strip().equals(none)) {
            return OptionalInt.empty();
        }
        OptionalInt size = wholeNumber(value);
        if (size.isEmpty() || size.getAsInt() < 1 || size.getAsInt() > max) {
            problems.add(key + ": must be a whole number from 1 to " + max + ", or \"" + none + "\" for no"
                    + " reservation, got " + value + (size.equals(OptionalInt.of(0))
                            ? " (a reserved concurrency of 0 stops the function: every request would be throttled)" : ""));
            return OptionalInt.empty();
        }
        return size;
    }

    boolean bool(String key, boolean defaultValue) {
        Object value = value(key);
        if (value == null) {
            return defaultValue;
        }
        String text = value.toString().strip();
        if (!text.equals("true") && !text.equals("false")) {
            problems.add(key + ": must be true or false, got " + text);
            return defaultValue;
        }
        return Boolean.parseBoolean(text);
    }

    String string(String key, String defaultValue) {
        Object value = value(key);
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof String text)) {
            problems.add(key + ": must be a string, got " + value);
            return defaultValue;
        }
        return text.strip();
    }

    /** An optional text setting; blank (cdk.json's "") means unset. */
    Optional<String> matching(String key, Pattern pattern, String rule) {
        Object value = value(key);
        if (value == null || value instanceof String text && text.isBlank()) {
            return Optional.empty();
        }
        if (!(value instanceof String text) || !pattern.matcher(text.strip()).matches()) {
            problems.add(key + ": must be " + rule + ", got " + (value instanceof String ? "\"" + value + "\"" : value));
            return Optional.empty();
        }
        return Optional.of(text.strip());
    }

    /** cdk.json gives JSON values; {@code -c key='[...]'} gives the same value as a JSON string. Null when not set. */
    Object json(String key) {
        Object value = value(key);
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            try {
                return JsonValues.parse(text);
            } catch (JsonProcessingException e) {
                problems.add(key + ": must be a JSON list, got unparseable text " + text);
                return null;
            }
        }
        return value;
    }

    /** A non-empty list of Region names, each once; {@code at} names it in problems. */
    List<String> regions(String at, Object node) {
        List<Object> list = JsonValues.list(node);
        if (list.isEmpty()) {
            problems.add(at + ": must be a non-empty list of Region names such as \"us-east-1\", got " + shown(node));
            return List.of();
        }
        Set<String> regions = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Object region = list.get(i);
            if (!(region instanceof String name) || !REGION.matcher(name).matches()) {
                problems.add(at + "[" + i + "]: must be a Region name such as \"eu-west-1\", got " + JsonValues.shown(region));
            } else if (!regions.add(name)) {
                problems.add(at + "[" + i + "]: " + JsonValues.shown(region) + " is listed twice");
            }
        }
        return List.copyOf(regions);
    }

    /** What a field holds, as JSON; "nothing" when it is absent. */
    static String shown(Object node) {
        return node == null ? "nothing" : JsonValues.shown(node);
    }
}
