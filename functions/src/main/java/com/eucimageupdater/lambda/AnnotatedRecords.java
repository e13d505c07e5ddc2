package com.eucimageupdater.lambda;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.jr.ob.JacksonJrExtension;
import com.fasterxml.jackson.jr.ob.api.ExtensionContext;
import com.fasterxml.jackson.jr.ob.api.ReaderWriterProvider;
import com.fasterxml.jackson.jr.ob.api.ValueWriter;
import com.fasterxml.jackson.jr.ob.impl.JSONWriter;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How {@link StepJson#annotated()} writes records and enums: as Jackson databind wrote them, following the two annotations
 * our types use, which jackson-jr (and its annotation support) does not read. A record's {@code @JsonInclude} says which of
 * its components it leaves out (none without it: a null is written as null); a {@code @JsonValue} method is the type's
 * JSON, and an enum without one is its constant's name. A component's value is written by jackson-jr, by its own class.
 */
final class AnnotatedRecords extends JacksonJrExtension {

    @Override
    protected void register(ExtensionContext context) {
        context.insertProvider(new ReaderWriterProvider() {
            @Override
            public ValueWriter findValueWriter(JSONWriter writer, Class<?> type) {
                Method jsonValue = jsonValue(type);
                if (jsonValue != null) {
                    return new Converted(type, value -> invoke(jsonValue, value));
                }
                if (type.isEnum()) {
                    return new Converted(type, value -> ((Enum<?>) value).name());
                }
                return type.isRecord() ? new RecordWriter(type) : null;
            }
        });
    }

    private static Method jsonValue(Class<?> type) {
        for (Method method : type.getDeclaredMethods()) {
            if (method.isAnnotationPresent(JsonValue.class) && method.getAnnotation(JsonValue.class).value()) {
                method.setAccessible(true);
                return method;
            }
        }
        return null;
    }

    private static Object invoke(Method accessor, Object value) {
        try {
            return accessor.invoke(value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(accessor + " is not accessible", e);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException failed ? failed : new IllegalStateException(e.getCause());
        }
    }

    /**
     * Which values a component of this declared type leaves out under the record's {@code @JsonInclude}, as databind decides:
     * NON_EMPTY by the value (empty text, list, map or array), NON_DEFAULT by the declared type (a record has no no-argument
     * constructor to take defaults from: 0 and false, empty text, an empty list, map or array).
     */
    static Predicate<Object> leftOut(JsonInclude.Include include, Class<?> declared) {
        return switch (include) {
            case ALWAYS -> value -> false;
            case NON_NULL -> value -> value == null;
            case NON_EMPTY -> value -> value == null || isEmpty(value);
            case NON_DEFAULT -> nonDefault(declared);
            default -> throw new IllegalStateException("@JsonInclude(" + include + ") is not one the steps' JSON writes");
        };
    }

    private static Predicate<Object> nonDefault(Class<?> declared) {
        Object primitiveDefault = primitiveDefault(declared);
        if (primitiveDefault != null) {
            return value -> value == null || primitiveDefault.equals(value);
        }
        boolean container = declared == String.class || Collection.class.isAssignableFrom(declared)
                || Map.class.isAssignableFrom(declared) || declared.isArray();
        return container ? value -> value == null || isEmpty(value) : value -> value == null;
    }

    private static Object primitiveDefault(Class<?> declared) {
        if (declared == int.class || declared == Integer.class) {
            return 0;
        }
        if (declared == long.class || declared == Long.class) {
            return 0L;
        }
        if (declared == boolean.class || declared == Boolean.class) {
            return false;
        }
        if (declared == double.class || declared == Double.class) {
            return 0.0d;
        }
        return declared == float.class || declared == Float.class ? 0.0f : null;
    }

    private static boolean isEmpty(Object value) {
        return value instanceof String text && text.isEmpty() || value instanceof Collection<?> list && list.isEmpty()
                || value instanceof Map<?, ?> map && map.isEmpty() || value.getClass().isArray() && Array.getLength(value) == 0;
    }

    /** A type written as another value: an enum's name, or what its {@code @JsonValue} method returns. */
    private record Converted(Class<?> valueType, Function<Object, Object> json) implements ValueWriter {
        @Override
        public void writeValue(JSONWriter context, JsonGenerator g, Object value) throws IOException {
            context.writeValue(json.apply(value));
        }
    }

    /** A record's components in declaration order, each unless the record's {@code @JsonInclude} leaves its value out. */
    private static final class RecordWriter implements ValueWriter {
        private final Class<?> type;
        private final String[] names;
        private final Method[] accessors;
        private final Predicate<?>[] leftOut;

        RecordWriter(Class<?> type) {
            this.type = type;
            JsonInclude annotation = type.getAnnotation(JsonInclude.class);
            JsonInclude.Include include = annotation == null ? JsonInclude.Include.ALWAYS : annotation.value();
            RecordComponent[] components = type.getRecordComponents();
            names = new String[components.length];
            accessors = new Method[components.length];
            leftOut = new Predicate<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                names[i] = components[i].getName();
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true);
                leftOut[i] = leftOut(include, components[i].getType());
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public void writeValue(JSONWriter context, JsonGenerator g, Object record) throws IOException {
            g.writeStartObject();
            for (int i = 0; i < names.length; i++) {
                Object value = invoke(accessors[i], record);
                if (!((Predicate<Object>) leftOut[i]).test(value)) {
                    g.writeFieldName(names[i]);
                    context.writeValue(value);
                }
            }
            g.writeEndObject();
        }

        @Override
        public Class<?> valueType() {
            return type;
        }
    }
}
