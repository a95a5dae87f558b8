package io.rebound.support.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;

/** Jackson's own string reading, then {@link Texts}: a refused text is an error at its field's JSON path. */
final class CheckedStringDeserializer extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = super.deserialize(parser, context);
        String problem = Texts.problem(text).orElse(null);
        if (problem != null) {
            throw new InvalidFormatException(parser, problem, text, String.class);
        }
        return text;
    }
}
