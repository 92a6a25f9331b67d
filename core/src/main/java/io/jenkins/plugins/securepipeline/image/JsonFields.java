package io.jenkins.plugins.securepipeline.image;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed access to one JSON object with errors that say which file and which field was wrong
 * ({@code index.json: manifests[1].digest: ...}).
 */
public final class JsonFields {
    private final Map<String, Object> map;
    private final String source;
    private final String path;

    JsonFields(Map<String, Object> map, String source, String path) {
        this.map = map;
        this.source = source;
        this.path = path;
    }

    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(map);
    }

    public Set<String> keys() {
        return map.keySet();
    }

    public boolean has(String field) {
        return map.containsKey(field) && map.get(field) != null;
    }

    public String string(String field) throws InvalidImageException {
        Object value = map.get(field);
        if (!(value instanceof String)) {
            throw error(field, value == null ? "missing (a string is required)" : "must be a string");
        }
        return (String) value;
    }

    public String optionalString(String field) throws InvalidImageException {
        return has(field) ? string(field) : null;
    }

    public long nonNegativeLong(String field) throws InvalidImageException {
        Object value = map.get(field);
        if (!(value instanceof BigDecimal)) {
            throw error(field, value == null ? "missing (a number is required)" : "must be a number");
        }
        try {
            long result = ((BigDecimal) value).longValueExact();
            if (result < 0) {
                throw error(field, "must not be negative");
            }
            return result;
        } catch (ArithmeticException e) {
            throw error(field, "must be a whole number within 64 bits");
        }
    }

    public JsonFields object(String field) throws InvalidImageException {
        Object value = map.get(field);
        if (!(value instanceof Map)) {
            throw error(field, value == null ? "missing (an object is required)" : "must be an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> child = (Map<String, Object>) value;
        return new JsonFields(child, source, qualify(field));
    }

    public JsonFields optionalObject(String field) throws InvalidImageException {
        return has(field) ? object(field) : null;
    }

    /** An array whose elements are all objects. */
    public List<JsonFields> objects(String field) throws InvalidImageException {
        List<Object> items = array(field);
        List<JsonFields> result = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (!(item instanceof Map)) {
                throw new InvalidImageException(source + ": " + qualify(field) + "[" + i + "]: must be an object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> child = (Map<String, Object>) item;
            result.add(new JsonFields(child, source, qualify(field) + "[" + i + "]"));
        }
        return result;
    }

    /** An array whose elements are all strings. */
    public List<String> strings(String field) throws InvalidImageException {
        List<Object> items = array(field);
        List<String> result = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof String)) {
                throw new InvalidImageException(source + ": " + qualify(field) + "[" + i + "]: must be a string");
            }
            result.add((String) items.get(i));
        }
        return result;
    }

    private List<Object> array(String field) throws InvalidImageException {
        Object value = map.get(field);
        if (!(value instanceof List)) {
            throw error(field, value == null ? "missing (an array is required)" : "must be an array");
        }
        @SuppressWarnings("unchecked")
        List<Object> items = (List<Object>) value;
        return items;
    }

    /** A map of string to string, such as annotations; absent means empty. */
    public Map<String, String> stringMap(String field) throws InvalidImageException {
        if (!has(field)) {
            return Map.of();
        }
        JsonFields child = object(field);
        Map<String, String> result = new java.util.LinkedHashMap<>();
        for (String key : child.keys()) {
            result.put(key, child.string(key));
        }
        return result;
    }

    /** Fails when the object has keys other than the allowed ones (strict formats such as cosign's payload). */
    public void requireOnlyKeys(Set<String> allowed) throws InvalidImageException {
        for (String key : map.keySet()) {
            if (!allowed.contains(key)) {
                throw error(key, "unexpected field");
            }
        }
    }

    public InvalidImageException error(String field, String what) {
        return new InvalidImageException(source + ": " + qualify(field) + ": " + what);
    }

    public String source() {
        return source;
    }

    private String qualify(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
