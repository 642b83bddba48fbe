package org.infusionwatch.gateway.mqtt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.NumberInput;
import com.fasterxml.jackson.core.io.NumberOutput;
import java.io.IOException;

/**
 * The value at a streaming parser's current token, read the way Jackson's {@code JsonNode} tree
 * reads the node it would have built from it ({@code asText()}, {@code asInt(0)},
 * {@code asDouble()}, {@code asLong()}).
 *
 * <p>Why: the MQTT observation decoder used to build a tree and ask its nodes; it now streams,
 * and devices (and replays of what they sent) must be read as before: a number where text is
 * expected still reads as its digits, {@code "123"} as a code still reads as 123, an object where
 * text is expected still reads as empty. Every method leaves the parser on the value's last token,
 * so after a container it stands on the matching end token.
 */
final class TreeLikeTokens {
    private TreeLikeTokens() {
    }

    /**
     * Moves past the current value. Strings are decoded (in the parser's buffer, no copy) rather
     * than skipped: the tree decoded every string, so a payload with a broken escape or bad UTF-8
     * anywhere, even in a field nobody reads, was not valid JSON. Jackson's own skipping checks
     * those too, but decoding is what the tree did, so the two cannot part on some byte sequence.
     */
    static void skipValue(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            p.getTextLength();
            return;
        }
        if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
            return;
        }
        int depth = 1;
        while (depth > 0) {
            token = p.nextToken();
            if (token == null) {
                // Unreachable with a blocking parser: it refuses the end of input inside a container.
                throw new IOException("unexpected end of JSON input");
            }
            switch (token) {
                case START_OBJECT, START_ARRAY -> depth++;
                case END_OBJECT, END_ARRAY -> depth--;
                case VALUE_STRING -> p.getTextLength();
                default -> {
                    // Field names and scalars other than strings are complete once tokenised.
                }
            }
        }
    }

    /**
     * {@code asText()} of the node: a string as it is, an integer as its decimal digits (so
     * {@code -0} is "0"), a fraction as {@code DoubleNode} writes it ({@code 1e2} is "100.0"), a
     * boolean as {@code true}/{@code false}, a container as {@code ""} (skipped); {@code null} for
     * JSON {@code null}, which callers treat as absent as the tree decoder did.
     */
    static String asText(JsonParser p) throws IOException {
        return p.currentToken() == JsonToken.VALUE_STRING ? p.getText() : asTextOfNonString(p);
    }

    /** {@link #asText(JsonParser)}, a string being taken from {@code texts} when it was read before. */
    static String asText(JsonParser p, RecentTexts texts) throws IOException {
        return p.currentToken() == JsonToken.VALUE_STRING
                ? texts.of(p.getTextCharacters(), p.getTextOffset(), p.getTextLength())
                : asTextOfNonString(p);
    }

    private static String asTextOfNonString(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> Integer.toString(p.getIntValue());
                case LONG -> Long.toString(p.getLongValue());
                default -> p.getBigIntegerValue().toString();
            };
            case VALUE_NUMBER_FLOAT -> NumberOutput.toString(p.getDoubleValue());
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> null;
            default -> {
                skipValue(p);
                yield "";
            }
        };
    }

    /**
     * {@code asInt(0)} of the node: integers keep their low 32 bits (as {@code (int)} of a long and
     * {@code BigInteger.intValue()} do), fractions are cut towards zero, {@code true} is 1, a string
     * is read by Jackson's lenient {@code NumberInput.parseAsInt} (so {@code "123"} is 123), and
     * everything else is 0.
     */
    static int asInt(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> p.getIntValue();
                case LONG -> (int) p.getLongValue();
                default -> p.getBigIntegerValue().intValue();
            };
            case VALUE_NUMBER_FLOAT -> (int) p.getDoubleValue();
            case VALUE_TRUE -> 1;
            case VALUE_STRING -> NumberInput.parseAsInt(p.getText(), 0);
            default -> {
                skipValue(p);
                yield 0;
            }
        };
    }

    /** {@code asDouble()} of a number node; call only on a number token. */
    static double asDouble(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            return switch (p.getNumberType()) {
                case INT -> p.getIntValue();
                case LONG -> (double) p.getLongValue();
                default -> p.getBigIntegerValue().doubleValue();
            };
        }
        return p.getDoubleValue();
    }

    /** {@code asLong()} of an integer node (a {@code BigInteger} keeps its low 64 bits); call only on an integer token. */
    static long asLong(JsonParser p) throws IOException {
        return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue().longValue()
                : p.getLongValue();
    }

    static boolean isNumber(JsonParser p) {
        return p.currentToken() == JsonToken.VALUE_NUMBER_INT || p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT;
    }
}
