package uringdio.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader for the files the suite reads back: its own metadata, JMH's result JSON
 * and fio's {@code --output-format=json}. Objects keep their key order; numbers are doubles.
 */
public final class MiniJson {

    /** A parsed JSON value: object, array, string, number, boolean or null. */
    public record Value(Object raw) {
        @SuppressWarnings("unchecked")
        public Map<String, Value> object() {
            if (!(raw instanceof Map)) {
                throw new IllegalStateException("not a JSON object: " + raw);
            }
            return (Map<String, Value>) raw;
        }

        @SuppressWarnings("unchecked")
        public List<Value> array() {
            if (!(raw instanceof List)) {
                throw new IllegalStateException("not a JSON array: " + raw);
            }
            return (List<Value>) raw;
        }

        public String string() {
            return raw == null ? "" : raw instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)
                    ? Long.toString(d.longValue()) : raw.toString();
        }

        public double number() {
            if (raw instanceof Double d) {
                return d;
            }
            return Double.parseDouble(raw.toString());
        }

        /** The member {@code key} of this object, or a null value. */
        public Value get(String key) {
            Value v = object().get(key);
            return v == null ? new Value(null) : v;
        }

        public boolean isNull() {
            return raw == null;
        }
    }

    private final String s;
    private int i;

    private MiniJson(String s) {
        this.s = s;
    }

    public static Value parse(String text) {
        MiniJson p = new MiniJson(text);
        p.space();
        Value v = p.value();
        p.space();
        if (p.i != p.s.length()) {
            throw p.error("trailing text");
        }
        return v;
    }

    private Value value() {
        space();
        if (i >= s.length()) {
            throw error("unexpected end");
        }
        char c = s.charAt(i);
        return switch (c) {
            case '{' -> new Value(object());
            case '[' -> new Value(array());
            case '"' -> new Value(string());
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> new Value(number());
        };
    }

    private Map<String, Value> object() {
        Map<String, Value> m = new LinkedHashMap<>();
        i++;
        space();
        if (peek('}')) {
            i++;
            return m;
        }
        while (true) {
            space();
            String key = string();
            space();
            expect(':');
            m.put(key, value());
            space();
            if (peek(',')) {
                i++;
            } else {
                expect('}');
                return m;
            }
        }
    }

    private List<Value> array() {
        List<Value> l = new ArrayList<>();
        i++;
        space();
        if (peek(']')) {
            i++;
            return l;
        }
        while (true) {
            l.add(value());
            space();
            if (peek(',')) {
                i++;
            } else {
                expect(']');
                return l;
            }
        }
    }

    private String string() {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '"') {
                return b.toString();
            }
            if (c == '\\') {
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> b.append(e);
                }
            } else {
                b.append(c);
            }
        }
        throw error("unterminated string");
    }

    private Double number() {
        int start = i;
        while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        String n = s.substring(start, i);
        if (n.isEmpty()) {
            // JMH writes NaN and Infinity unquoted.
            for (String word : new String[] {"NaN", "Infinity", "-Infinity"}) {
                if (s.startsWith(word, i)) {
                    i += word.length();
                    return Double.valueOf(word);
                }
            }
            throw error("unexpected character '" + s.charAt(i) + "'");
        }
        return Double.valueOf(n);
    }

    private Value literal(String word, Object v) {
        if (!s.startsWith(word, i)) {
            throw error("expected " + word);
        }
        i += word.length();
        return new Value(v);
    }

    private void space() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }

    private boolean peek(char c) {
        return i < s.length() && s.charAt(i) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw error("expected '" + c + "'");
        }
        i++;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("malformed JSON at character " + i + ": " + what);
    }
}
