package dev.beak.config;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes any record to a JSON-friendly map (numbers, strings, booleans, lists, maps) and reads it
 * back, component by component, with no per-type code. Model files describe layers this way.
 *
 * <p>The forms: a component {@code kernelH} is the key {@code kernel_h}; numbers, booleans and strings
 * are themselves ({@code float}s written so that they read back bit for bit); an enum constant is its
 * lower-case name; arrays, {@code List}s and {@code Map}s with string keys are lists and maps of these
 * forms; a nested record is a map. A value of a sealed interface whose permitted types are records
 * names its type: a record without components is just its snake-case name ({@code "same"},
 * {@code "glorot_uniform"}), another is a map with {@code "type"} first ({@code {"type": "normal",
 * "stddev": 0.01}}).
 *
 * <p>Reading is strict: a missing or unknown key, a value of the wrong form or a number out of range
 * fails with one {@link IllegalArgumentException} naming the field's path ({@code padding.top}); the
 * record's own constructor then validates the values as it always does.
 *
 * {@snippet :
 * Map<String, Object> json = RecordConfig.write(new Padding.Explicit(1, 1, 0, 0));  // {top=1, bottom=1, left=0, right=0}
 * Padding.Explicit p = RecordConfig.read(Padding.Explicit.class, json);
 * }
 */
public final class RecordConfig {
    private RecordConfig() {}

    /** The map form of {@code record}: one entry per component, in declaration order. */
    public static Map<String, Object> write(Record record) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            m.put(key(c.getName()), encode(access(c, record)));
        }
        return m;
    }

    /** The record of class {@code type} described by {@code config} (as {@link #write} gives it). */
    public static <R extends Record> R read(Class<R> type, Map<String, ?> config) {
        return type.cast(readRecord(type, config, ""));
    }

    /** The snake-case key of a component name: {@code kernelH} -> {@code kernel_h}, {@code useBias} -> {@code use_bias}. */
    public static String key(String componentName) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < componentName.length(); i++) {
            char ch = componentName.charAt(i);
            if (Character.isUpperCase(ch)) {
                if (i > 0) sb.append('_');
                sb.append(Character.toLowerCase(ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    private static Object encode(Object v) {
        if (v == null || v instanceof Number || v instanceof Boolean || v instanceof String) return v;
        if (v instanceof Enum<?> e) return e.name().toLowerCase(Locale.ROOT);
        if (v.getClass().isArray()) {
            List<Object> l = new ArrayList<>();
            for (int i = 0; i < Array.getLength(v); i++) l.add(encode(Array.get(v, i)));
            return l;
        }
        if (v instanceof List<?> list) {
            List<Object> l = new ArrayList<>();
            for (Object o : list) l.add(encode(o));
            return l;
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> m = new LinkedHashMap<>();
            map.forEach((k, o) -> m.put((String) k, encode(o)));
            return m;
        }
        if (v instanceof Record r) {
            if (sealedParent(r.getClass()) == null) return write(r);
            String name = key(r.getClass().getSimpleName());
            if (r.getClass().getRecordComponents().length == 0) return name;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", name);
            m.putAll(write(r));
            return m;
        }
        throw new IllegalArgumentException("cannot describe a " + v.getClass().getName() + " in a configuration");
    }

    private static Record readRecord(Class<?> type, Object config, String path) {
        if (!(config instanceof Map<?, ?> m)) throw new IllegalArgumentException(at(path) + "expected an object, got " + show(config));
        RecordComponent[] components = type.getRecordComponents();
        Set<String> unknown = new TreeSet<>();
        for (Object k : m.keySet()) unknown.add(String.valueOf(k));
        unknown.remove("type");
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            String k = key(components[i].getName());
            types[i] = components[i].getType();
            if (!m.containsKey(k)) throw new IllegalArgumentException(at(path) + "lacks field \"" + k + "\"");
            unknown.remove(k);
            args[i] = decode(components[i].getGenericType(), m.get(k), path.isEmpty() ? k : path + "." + k);
        }
        if (!unknown.isEmpty()) throw new IllegalArgumentException(at(path) + "has unknown field" + (unknown.size() > 1 ? "s " : " ") + unknown);
        try {
            Constructor<?> ctor = type.getDeclaredConstructor(types);
            reachable(ctor);
            return (Record) ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r && !(r instanceof NullPointerException)) throw new IllegalArgumentException(at(path) + r.getMessage(), r);
            throw new IllegalArgumentException(at(path) + "rejected: " + cause, cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(at(path) + "cannot create " + type.getName() + " (is it a public record?): " + e.getMessage(), e);
        }
    }

    private static Object decode(Type generic, Object v, String path) {
        Class<?> raw = raw(generic);
        if (v == null) {
            if (raw.isPrimitive()) throw new IllegalArgumentException(at(path) + "must not be null");
            return null;
        }
        if (raw == int.class || raw == Integer.class) return (int) integer(v, Integer.MIN_VALUE, Integer.MAX_VALUE, path);
        if (raw == long.class || raw == Long.class) return integer(v, Long.MIN_VALUE, Long.MAX_VALUE, path);
        if (raw == float.class || raw == Float.class) return Float.parseFloat(number(v, path).toString());
        if (raw == double.class || raw == Double.class) return number(v, path).doubleValue();
        if (raw == boolean.class || raw == Boolean.class) {
            if (v instanceof Boolean b) return b;
            throw new IllegalArgumentException(at(path) + "must be true or false, got " + show(v));
        }
        if (raw == String.class) {
            if (v instanceof String s) return s;
            throw new IllegalArgumentException(at(path) + "must be a string, got " + show(v));
        }
        if (raw.isEnum()) return enumConstant(raw, v, path);
        if (raw.isArray()) {
            List<?> l = list(v, path);
            Object a = Array.newInstance(raw.getComponentType(), l.size());
            for (int i = 0; i < l.size(); i++) Array.set(a, i, decode(raw.getComponentType(), l.get(i), path + "[" + i + "]"));
            return a;
        }
        if (raw == List.class) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            List<?> l = list(v, path);
            List<Object> r = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) r.add(decode(element, l.get(i), path + "[" + i + "]"));
            return java.util.Collections.unmodifiableList(r);
        }
        if (raw == Map.class) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[1];
            if (!(v instanceof Map<?, ?> m)) throw new IllegalArgumentException(at(path) + "expected an object, got " + show(v));
            Map<String, Object> r = new LinkedHashMap<>();
            m.forEach((k, o) -> r.put(String.valueOf(k), decode(element, o, path + "." + k)));
            return java.util.Collections.unmodifiableMap(r);
        }
        if (raw.isRecord()) return readRecord(raw, v, path);
        if (raw.isSealed()) return readSealed(raw, v, path);
        throw new IllegalArgumentException(at(path) + "has a type that configurations cannot hold: " + raw.getName());
    }

    /** One of the record types permitted by a sealed interface, chosen by its snake-case name. */
    private static Object readSealed(Class<?> sealed, Object v, String path) {
        String name = v instanceof String s ? s : v instanceof Map<?, ?> m && m.get("type") instanceof String s ? s : null;
        List<String> known = new ArrayList<>();
        for (Class<?> c : sealed.getPermittedSubclasses()) {
            String k = key(c.getSimpleName());
            known.add(k);
            if (!k.equals(name)) continue;
            if (v instanceof String) {
                if (c.getRecordComponents().length > 0) throw new IllegalArgumentException(at(path) + "\"" + name + "\" needs its settings as an object");
                return readRecord(c, Map.of(), path);
            }
            return readRecord(c, v, path);
        }
        throw new IllegalArgumentException(at(path) + "must be one of " + known + " (a name, or an object with \"type\"), got " + show(v));
    }

    private static Object enumConstant(Class<?> type, Object v, String path) {
        List<String> known = new ArrayList<>();
        for (Object c : type.getEnumConstants()) {
            String name = ((Enum<?>) c).name().toLowerCase(Locale.ROOT);
            if (name.equals(v)) return c;
            known.add(name);
        }
        throw new IllegalArgumentException(at(path) + "must be one of " + known + ", got " + show(v));
    }

    private static long integer(Object v, long min, long max, String path) {
        Number n = number(v, path);
        double d = n.doubleValue();
        boolean integral = n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
                || (d == Math.rint(d) && !Double.isInfinite(d));
        if (!integral || d < min || d > max) throw new IllegalArgumentException(at(path) + "must be an integer in [" + min + ", " + max + "], got " + show(v));
        return n.longValue();
    }

    private static Number number(Object v, String path) {
        if (v instanceof Number n) return n;
        throw new IllegalArgumentException(at(path) + "must be a number, got " + show(v));
    }

    private static List<?> list(Object v, String path) {
        if (v instanceof List<?> l) return l;
        throw new IllegalArgumentException(at(path) + "must be a list, got " + show(v));
    }

    private static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) return c;
        if (t instanceof ParameterizedType p) return (Class<?>) p.getRawType();
        throw new IllegalArgumentException("unsupported configuration type " + t);
    }

    private static Class<?> sealedParent(Class<?> c) {
        for (Class<?> i : c.getInterfaces()) if (i.isSealed()) return i;
        return null;
    }

    private static Object access(RecordComponent c, Record r) {
        try {
            reachable(c.getAccessor());
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot read " + r.getClass().getName() + "." + c.getName() + " (is the record public?)", e);
        }
    }

    /** Lets reflection reach a record that is not public where its module allows it (the class path does); else the call fails clearly. */
    private static void reachable(java.lang.reflect.AccessibleObject member) {
        try {
            member.trySetAccessible();
        } catch (SecurityException e) {
            // Left as it is: the call below reports what cannot be reached.
        }
    }

    private static String at(String path) {
        return path.isEmpty() ? "" : "field \"" + path + "\" ";
    }

    private static String show(Object v) {
        String s = v instanceof String str ? "\"" + str + "\"" : String.valueOf(v);
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
