package com.eucimageupdater.lambda;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A read-only view of free-form JSON (see {@link JsonValues}) for the code that reads other steps' results into a mail or
 * an event: a field that is absent, null or of another kind reads as missing, and a missing value as "", 0, false or an
 * empty list, so a report reads what is there without a check at every step.
 */
public final class JsonView implements Iterable<JsonView> {
    private static final JsonView MISSING = new JsonView(null);

    private final Object value;

    private JsonView(Object value) {
        this.value = value;
    }

    public static JsonView of(Object value) {
        return value == null ? MISSING : new JsonView(value);
    }

    /** The JSON value itself: a map, a list, a String, Number or Boolean, or null when missing. */
    public Object value() {
        return value;
    }

    public JsonView path(String field) {
        return of(JsonValues.field(value, field));
    }

    public JsonView path(int index) {
        List<Object> list = JsonValues.list(value);
        return index >= 0 && index < list.size() ? of(list.get(index)) : MISSING;
    }

    /** The value at a JSON pointer of field names, e.g. {@code /start/newImage}. */
    public JsonView at(String pointer) {
        JsonView at = this;
        for (String field : pointer.substring(1).split("/")) {
            at = at.path(field);
        }
        return at;
    }

    /** Whether the field is there and not null. */
    public boolean has(String field) {
        return JsonValues.field(value, field) != null;
    }

    public boolean isMissing() {
        return value == null;
    }

    public boolean isObject() {
        return value instanceof Map;
    }

    public boolean isTextual() {
        return value instanceof String;
    }

    /** A list's or an object's entries; 0 for anything else. */
    public int size() {
        return value instanceof Map<?, ?> map ? map.size() : JsonValues.list(value).size();
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /** A text, number or boolean as text; "" for anything else. */
    public String asText() {
        return JsonValues.text(value);
    }

    /** As {@link #asText()}, or {@code missing} when the value is missing. */
    public String asText(String missing) {
        return value == null ? missing : asText();
    }

    /** As {@link #asInt(int)}, 0 otherwise. */
    public int asInt() {
        return asInt(0);
    }

    /** A number's whole part, or a text that is a whole number; else {@code otherwise}. */
    public int asInt(int otherwise) {
        if (value instanceof Number number) {
            return number.intValue();
        }
        try {
            return value instanceof String text ? Integer.parseInt(text.strip()) : otherwise;
        } catch (NumberFormatException notANumber) {
            return otherwise;
        }
    }

    /** true, or the text "true". */
    public boolean asBoolean() {
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }

    /** An object's fields, in order; none for anything else. */
    public Map<String, Object> fields() {
        Map<String, Object> fields = JsonValues.object(value);
        return fields == null ? Map.of() : fields;
    }

    /** A list's values, in order; nothing for anything else. */
    @Override
    public Iterator<JsonView> iterator() {
        return JsonValues.list(value).stream().map(JsonView::of).iterator();
    }

    /** The value as compact JSON text. */
    @Override
    public String toString() {
        return JsonValues.shown(value);
    }
}
