package app.carnival.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.OffsetDateTime;

/**
 * JSON bodies mean what their types say: {@code {"slug": 123}} is refused, not read as "123", and no
 * string carries a control character (PostgreSQL cannot store NUL; the others are never meant).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Last, so that these deserializers win over the Java time module Quarkus registers. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("strict-json")
                .addDeserializer(String.class, new PlainText())
                .addDeserializer(OffsetDateTime.class, new DateTimeText()));
    }

    /** An ISO 8601 date-time string: the number form (epoch seconds) that Jackson also reads is not documented. */
    static final class DateTimeText extends StdDeserializer<OffsetDateTime> {

        DateTimeText() {
            super(OffsetDateTime.class);
        }

        @Override
        public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (OffsetDateTime) ctxt.handleUnexpectedToken(OffsetDateTime.class, p);
            }
            return InstantDeserializer.OFFSET_DATE_TIME.deserialize(p, ctxt);
        }
    }

    /** A string with no control character but tab, line feed and carriage return. */
    static final class PlainText extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            if (value != null && ControlCharacters.in(value, true)) {
                return (String) ctxt.handleWeirdStringValue(String.class, value, "contains a control character");
            }
            return value;
        }
    }
}
