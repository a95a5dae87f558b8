package io.rebound.support.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;

/**
 * A string must be a JSON string (not a number or a boolean turned into one), then {@link Texts}: a refused value is
 * an error at its field's JSON path.
 */
final class CheckedStringDeserializer extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.isExpectedNumberIntToken() || parser.hasToken(JsonToken.VALUE_NUMBER_FLOAT)
                || parser.hasToken(JsonToken.VALUE_TRUE) || parser.hasToken(JsonToken.VALUE_FALSE)) {
            throw MismatchedInputException.from(parser, String.class,
                    "must be a string, not " + TextOnlyDeserializer.describe(parser.currentToken()));
        }
        String text = super.deserialize(parser, context);
        String problem = Texts.problem(text).orElse(null);
        if (problem != null) {
            throw new InvalidFormatException(parser, problem, text, String.class);
        }
        return text;
    }
}
