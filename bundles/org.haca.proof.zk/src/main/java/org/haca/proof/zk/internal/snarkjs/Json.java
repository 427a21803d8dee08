package org.haca.proof.zk.internal.snarkjs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal emitter reproducing JavaScript's {@code JSON.stringify(value, null, 1)} for the values snarkjs writes:
 * objects (insertion-ordered), arrays, strings without characters that need escaping, and integers.
 */
final class Json {
    /** An ordered JSON object. */
    static final class Obj {
        final Map<String, Object> members = new LinkedHashMap<>();

        void put(String key, Object value) {
            members.put(key, value);
        }
    }

    private record Str(String value) {
    }

    private record Num(long value) {
    }

    private Json() {
    }

    static Object str(String s) {
        return new Str(s);
    }

    static Object num(long n) {
        return new Num(n);
    }

    static String stringify(Object value) {
        StringBuilder sb = new StringBuilder();
        emit(sb, value, 0);
        return sb.toString();
    }

    private static void emit(StringBuilder sb, Object v, int depth) {
        if (v instanceof Str s) {
            quote(sb, s.value);
        } else if (v instanceof Num n) {
            sb.append(n.value);
        } else if (v instanceof Obj o) {
            if (o.members.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> m : o.members.entrySet()) {
                sb.append(first ? "\n" : ",\n");
                first = false;
                indent(sb, depth + 1);
                quote(sb, m.getKey());
                sb.append(": ");
                emit(sb, m.getValue(), depth + 1);
            }
            sb.append('\n');
            indent(sb, depth);
            sb.append('}');
        } else if (v instanceof List<?> list) {
            if (list.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append('[');
            boolean first = true;
            for (Object e : new ArrayList<>(list)) {
                sb.append(first ? "\n" : ",\n");
                first = false;
                indent(sb, depth + 1);
                emit(sb, e, depth + 1);
            }
            sb.append('\n');
            indent(sb, depth);
            sb.append(']');
        } else {
            throw new IllegalArgumentException("cannot emit " + v);
        }
    }

    private static void indent(StringBuilder sb, int depth) {
        sb.append(" ".repeat(depth));
    }

    private static void quote(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                throw new IllegalArgumentException("string needs escaping: " + s);
            }
        }
        sb.append('"').append(s).append('"');
    }
}
