package dev.crmkit.adapters.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.KeyDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.Serializers;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import dev.crmkit.core.company.WebDomain;
import dev.crmkit.core.kernel.EmailAddress;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Set;
import java.util.UUID;

/**
 * Records that wrap one string or UUID written as that bare string: every crmkit id ({@code LeadId}, {@code DealId},
 * {@code UserId}, ... a record named {@code ...Id} whose one component is {@code value}), {@link EmailAddress} and
 * {@link WebDomain}. Read back through the type's {@code parse(String)} (or {@code of(String)}, or its constructor), so
 * the type's own validation applies.
 */
final class SingleValueFormat {

    private static final Set<Class<?>> NAMED = Set.of(EmailAddress.class, WebDomain.class);

    private SingleValueFormat() {
    }

    /** Whether a class is written as a bare string by this format. */
    static boolean applies(Class<?> type) {
        if (!type.isRecord() || !type.getName().startsWith("dev.crmkit.")) {
            return false;
        }
        RecordComponent[] components = type.getRecordComponents();
        if (components.length != 1 || !components[0].getName().equals("value")) {
            return false;
        }
        Class<?> valueType = components[0].getType();
        boolean wrapsText = valueType == String.class || valueType == UUID.class;
        return wrapsText && (NAMED.contains(type) || type.getSimpleName().endsWith("Id"));
    }

    /** Finds the writer for the types this format applies to. */
    static final class Writers extends Serializers.Base {
        @Override
        public JsonSerializer<?> findSerializer(SerializationConfig config, JavaType type, BeanDescription beanDesc) {
            return applies(type.getRawClass()) ? new Writer(type.getRawClass()) : null;
        }
    }

    /** Finds the reader for the types this format applies to. */
    static final class Readers extends Deserializers.Base {
        @Override
        public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
                                                        BeanDescription beanDesc) {
            return applies(type.getRawClass()) ? new Reader(type.getRawClass()) : null;
        }
    }

    /** Finds the map key reader for the types this format applies to; keys are written by {@code toString()}. */
    static final class KeyReaders implements KeyDeserializers {
        @Override
        public KeyDeserializer findKeyDeserializer(JavaType type, DeserializationConfig config,
                                                   BeanDescription beanDesc) {
            if (!applies(type.getRawClass())) {
                return null;
            }
            Reader reader = new Reader(type.getRawClass());
            return new KeyDeserializer() {
                @Override
                public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
                    return reader.fromText(key, ctxt);
                }
            };
        }
    }

    private static final class Writer extends StdScalarSerializer<Object> {
        private final Method value;

        Writer(Class<?> type) {
            super(type, false);
            this.value = type.getRecordComponents()[0].getAccessor();
        }

        @Override
        public void serialize(Object record, JsonGenerator gen, SerializerProvider provider) throws IOException {
            try {
                gen.writeString(String.valueOf(value.invoke(record)));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + value, e);
            }
        }
    }

    private static final class Reader extends StdScalarDeserializer<Object> {
        private final Class<?> type;

        Reader(Class<?> type) {
            super(type);
            this.type = type;
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            if (text == null) {
                return ctxt.handleUnexpectedToken(type, p);
            }
            return fromText(text, ctxt);
        }

        Object fromText(String text, DeserializationContext ctxt) throws IOException {
            try {
                return create(text);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw ctxt.weirdStringException(text, type, String.valueOf(cause));
            } catch (IllegalArgumentException e) {
                throw ctxt.weirdStringException(text, type, e.getMessage());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot create " + type.getName(), e);
            }
        }

        private Object create(String text) throws ReflectiveOperationException {
            for (String name : new String[]{"parse", "of"}) {
                try {
                    Method factory = type.getMethod(name, String.class);
                    if (Modifier.isStatic(factory.getModifiers()) && factory.getReturnType() == type) {
                        return factory.invoke(null, text);
                    }
                } catch (NoSuchMethodException next) {
                    // try the next way
                }
            }
            Class<?> valueType = type.getRecordComponents()[0].getType();
            Object value = valueType == UUID.class ? UUID.fromString(text) : text;
            return type.getDeclaredConstructor(valueType).newInstance(value);
        }
    }
}
