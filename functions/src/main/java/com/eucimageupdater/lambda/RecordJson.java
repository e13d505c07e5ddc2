package com.eucimageupdater.lambda;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records to and from JSON with a streaming parser and generator, for the image steps' cold path: Jackson databind
 * costs about 200 ms and 600 classes before it reads the first byte, more than the step's AWS call. The parser is
 * the SDK's own copy of jackson-core, which its JSON protocol loads anyway, so the image steps' jar carries no other
 * JSON library. Covers what the image steps' records hold (text, numbers, booleans, enums, text maps, lists, nested
 * records), with databind's rules for them: unknown fields ignored, absent ones null or zero, nulls left out. An enum
 * is its {@code toString()}: its name, or the JSON form an enum such as {@code Approval} gives there and marks
 * {@code @JsonValue} for databind (whose annotations this jar does not carry).
 */
public final class RecordJson {
    static final JsonFactory FACTORY = new JsonFactory();

    private RecordJson() {}

    public static <T extends Record> T read(InputStream input, Class<T> type) throws IOException {
        try (JsonParser parser = FACTORY.createParser(input)) {
            parser.nextToken();
            return readRecord(parser, type);
        } catch (JsonProcessingException e) {
            throw new UnreadableInput(e.getOriginalMessage(), e);
        }
    }

    public static void write(OutputStream output, Record value) throws IOException {
        try (JsonGenerator generator = FACTORY.createGenerator(output)) {
            writeValue(generator, value);
        }
    }

    private static <T> T readRecord(JsonParser parser, Class<T> type) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new JsonParseException(parser, "expected an object for " + type.getSimpleName() + ", got " + parser.currentToken());
        }
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = absent(components[i].getType());
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            int index = indexOf(components, name);
            if (index < 0) {
                parser.skipChildren();
            } else if (parser.currentToken() != JsonToken.VALUE_NULL) {
                values[index] = readValue(parser, components[index].getGenericType(), name);
            }
        }
        try {
            Constructor<T> constructor = type.getDeclaredConstructor(componentTypes(components));
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            // A record that refuses its fields (ImageJob without item or run) is input the step cannot read.
            throw new UnreadableInput(e.getCause().getMessage(), e.getCause() instanceof Exception cause ? cause : e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }

    private static Object readValue(JsonParser parser, Type type, String field) throws IOException {
        Class<?> raw = type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType() : (Class<?>) type;
        JsonToken token = parser.currentToken();
        if (raw == String.class && token == JsonToken.VALUE_STRING) {
            return parser.getText();
        } else if ((raw == int.class || raw == Integer.class) && token == JsonToken.VALUE_NUMBER_INT) {
            return parser.getIntValue();
        } else if ((raw == long.class || raw == Long.class) && token == JsonToken.VALUE_NUMBER_INT) {
            return parser.getLongValue();
        } else if ((raw == boolean.class || raw == Boolean.class) && token.isBoolean()) {
            return parser.getBooleanValue();
        } else if (raw.isEnum() && token == JsonToken.VALUE_STRING) {
            String text = parser.getText();
            for (Object constant : raw.getEnumConstants()) {
                if (constant.toString().equals(text)) {
                    return constant;
                }
            }
            throw new JsonParseException(parser, field + ": not one of " + java.util.Arrays.toString(raw.getEnumConstants()));
        } else if (raw == Map.class && token == JsonToken.START_OBJECT) {
            Type valueType = ((ParameterizedType) type).getActualTypeArguments()[1];
            Map<String, Object> map = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                parser.nextToken();
                map.put(key, parser.currentToken() == JsonToken.VALUE_NULL ? null : readValue(parser, valueType, field + "." + key));
            }
            return map;
        } else if (raw == List.class && token == JsonToken.START_ARRAY) {
            Type elementType = ((ParameterizedType) type).getActualTypeArguments()[0];
            List<Object> list = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                list.add(parser.currentToken() == JsonToken.VALUE_NULL ? null : readValue(parser, elementType, field + "[" + list.size() + "]"));
            }
            return list;
        } else if (raw.isRecord()) {
            return readRecord(parser, raw);
        }
        throw new JsonParseException(parser, field + ": expected " + raw.getSimpleName() + ", got " + token);
    }

    private static void writeValue(JsonGenerator generator, Object value) throws IOException {
        if (value instanceof Record record) {
            generator.writeStartObject();
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                Object field = accessor(component, record);
                if (field != null) {
                    generator.writeFieldName(component.getName());
                    writeValue(generator, field);
                }
            }
            generator.writeEndObject();
        } else if (value instanceof Map<?, ?> map) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                generator.writeFieldName(entry.getKey().toString());
                writeValue(generator, entry.getValue());
            }
            generator.writeEndObject();
        } else if (value instanceof List<?> list) {
            generator.writeStartArray();
            for (Object element : list) {
                writeValue(generator, element);
            }
            generator.writeEndArray();
        } else if (value instanceof String || value instanceof Enum<?>) {
            generator.writeString(value.toString());
        } else if (value instanceof Integer || value instanceof Long) {
            generator.writeNumber(((Number) value).longValue());
        } else if (value instanceof Boolean bool) {
            generator.writeBoolean(bool);
        } else if (value == null) {
            generator.writeNull();
        } else {
            throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
        }
    }

    private static Object accessor(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }

    private static int indexOf(RecordComponent[] components, String name) {
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static Class<?>[] componentTypes(RecordComponent[] components) {
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        return types;
    }

    private static Object absent(Class<?> type) {
        if (type == int.class) {
            return 0;
        } else if (type == long.class) {
            return 0L;
        } else if (type == boolean.class) {
            return false;
        }
        return null;
    }
}
