package org.gatehouse.platform;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * The rules for text that people type, in one place: C0 control characters other than tab, line feed and carriage
 * return are refused (they break storage, as NUL does on PostgreSQL, and hide text), and bidirectional override and
 * isolate characters are taken out of {@link SingleLine} fields. {@link #module()} applies them to every string of
 * every JSON body Gatehouse's API reads; {@link #sanitise} and {@link #singleLine} clean what comes from elsewhere
 * (e-mail, imported files), which is never refused for it.
 */
public final class TextInput {

    private TextInput() {
    }

    /** The first control character that is refused in {@code text}, or -1. */
    static int firstRefused(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (refused(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean refused(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
    }

    private static boolean bidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    /** Text from a channel that is not refused for it: the refused control characters are dropped. */
    public static String sanitise(String text) {
        return text == null || firstRefused(text) < 0 ? text : strip(text, false);
    }

    /** A single-line field from anywhere: refused control characters and bidirectional controls are dropped. */
    public static String singleLine(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            if (refused(text.charAt(i)) || bidiControl(text.charAt(i))) {
                return strip(text, true);
            }
        }
        return text;
    }

    private static String strip(String text, boolean bidiToo) {
        var kept = new StringBuilder(text.length());
        text.chars().filter(c -> !refused((char) c) && !(bidiToo && bidiControl((char) c))).forEach(c -> kept.append((char) c));
        return kept.toString();
    }

    /** The Jackson module: Spring Boot registers it on the ObjectMapper that reads request bodies. */
    public static SimpleModule module() {
        return new SimpleModule("gatehouse-text-input").addDeserializer(String.class, new Checked(false));
    }

    /** A string with a refused control character: a bad value of its field, named by the problem's {@code errors}. */
    public static final class RefusedText extends MismatchedInputException {

        RefusedText(JsonParser parser, int at) {
            super(parser, "must not contain control characters (one at position " + (at + 1) + ")", String.class);
        }
    }

    private static final class Checked extends StdScalarDeserializer<String> implements ContextualDeserializer {

        private final boolean singleLine;

        Checked(boolean singleLine) {
            super(String.class);
            this.singleLine = singleLine;
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text == null) {
                return null;
            }
            int at = firstRefused(text);
            if (at >= 0) {
                throw new RefusedText(parser, at);
            }
            return singleLine ? singleLine(text) : text;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            boolean marked = property != null && property.getAnnotation(SingleLine.class) != null;
            return marked == singleLine ? this : new Checked(marked);
        }
    }
}
