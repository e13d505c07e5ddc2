package com.eucimageupdater.lambda;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.jr.ob.JSONObjectException;
import com.fasterxml.jackson.jr.ob.JacksonJrExtension;
import com.fasterxml.jackson.jr.ob.api.ExtensionContext;
import com.fasterxml.jackson.jr.ob.api.ReaderWriterProvider;
import com.fasterxml.jackson.jr.ob.api.ValueReader;
import com.fasterxml.jackson.jr.ob.impl.JSONReader;
import java.io.IOException;
import java.util.Arrays;

/**
 * How jackson-jr reads the steps' text, numbers, booleans and enums: as strictly as databind did. jr on its own reads
 * {@code "many"} as 0, {@code "yes"} as false, an object as a null text and an enum by its constant's name; here a value
 * of the wrong kind is refused, and an enum is read in the form it is written, its {@code toString()} (Approval's
 * "required"), so a wrong value names the values accepted.
 */
final class WireValues extends JacksonJrExtension {

    @Override
    protected void register(ExtensionContext context) {
        context.insertProvider(new ReaderWriterProvider() {
            @Override
            public ValueReader findValueReader(JSONReader reader, Class<?> type) {
                if (type.isEnum()) {
                    return new EnumReader(type);
                }
                if (type == String.class) {
                    return new TextReader();
                }
                if (type == boolean.class || type == Boolean.class) {
                    return new TruthReader(type);
                }
                boolean wholeNumber = type == int.class || type == Integer.class || type == long.class || type == Long.class;
                return wholeNumber ? new WholeNumberReader(type) : null;
            }
        });
    }

    /** Refused like databind refuses it: {@code Cannot deserialize value of type `int` from String "many": ...}. */
    private static JSONObjectException refused(JsonParser parser, String type, String why) throws IOException {
        String given = parser.currentToken() == JsonToken.VALUE_STRING
                ? "String \"" + parser.getText() + "\"" : ValueReader._tokenDesc(parser);
        return JSONObjectException.from(parser, "Cannot deserialize value of type `" + type + "` from " + given + ": " + why);
    }

    /** A whole number; null is 0 for a primitive as in databind, and a number written as a string is taken. */
    private static final class WholeNumberReader extends ValueReader {
        private final boolean primitive;
        private final boolean isLong;

        WholeNumberReader(Class<?> type) {
            super(type);
            this.primitive = type.isPrimitive();
            this.isLong = type == long.class || type == Long.class;
        }

        @Override
        public Object read(JSONReader reader, JsonParser parser) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NULL) {
                return primitive ? (isLong ? (Object) 0L : (Object) 0) : null;
            }
            long value;
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                value = parser.getValueAsLong();
            } else if (token == JsonToken.VALUE_STRING) {
                try {
                    value = Long.parseLong(parser.getText().trim());
                } catch (NumberFormatException notANumber) {
                    throw refused(parser, _valueType.getSimpleName(), "not a valid `" + _valueType.getSimpleName() + "` value");
                }
            } else {
                throw refused(parser, _valueType.getSimpleName(), "not a number");
            }
            if (isLong) {
                return value;
            }
            if (value != (int) value) {
                throw refused(parser, _valueType.getSimpleName(), "out of range of `int`");
            }
            return (int) value;
        }
    }

    /** Text; a number or boolean is taken as its text, as databind does, an object or a list is refused. */
    private static final class TextReader extends ValueReader {
        TextReader() {
            super(String.class);
        }

        @Override
        public Object read(JSONReader reader, JsonParser parser) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_NULL) {
                return null;
            }
            if (parser.currentToken().isScalarValue()) {
                return parser.getText();
            }
            throw refused(parser, "java.lang.String", "not a text");
        }
    }

    /** true or false, also written as text; null is false for a primitive as in databind. */
    private static final class TruthReader extends ValueReader {
        TruthReader(Class<?> type) {
            super(type);
        }

        @Override
        public Object read(JSONReader reader, JsonParser parser) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
                return token == JsonToken.VALUE_TRUE;
            }
            if (token == JsonToken.VALUE_NULL) {
                return _valueType.isPrimitive() ? Boolean.FALSE : null;
            }
            if (token == JsonToken.VALUE_STRING && (parser.getText().equals("true") || parser.getText().equals("false"))) {
                return Boolean.valueOf(parser.getText());
            }
            throw refused(parser, _valueType.getSimpleName(), "only \"true\" or \"false\" recognized");
        }
    }

    /** An enum by its wire form, its {@code toString()}. */
    private static final class EnumReader extends ValueReader {
        private final Object[] constants;

        EnumReader(Class<?> type) {
            super(type);
            this.constants = type.getEnumConstants();
        }

        @Override
        public Object read(JSONReader reader, JsonParser parser) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_NULL) {
                return null;
            }
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                String text = parser.getText();
                for (Object constant : constants) {
                    if (constant.toString().equals(text)) {
                        return constant;
                    }
                }
            }
            throw refused(parser, _valueType.getName(), "not one of the values accepted for Enum class: " + Arrays.toString(constants));
        }
    }
}
