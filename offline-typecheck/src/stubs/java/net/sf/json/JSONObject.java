// Compile-only signature for offline type-checking; checked against json-lib net.sf.json.JSONObject (org.kohsuke.stapler:json-lib, bundled by Jenkins 2.541.3).
// Holds only the members the plugin uses. Never packaged or shipped.
package net.sf.json;

import java.util.Map;

@SuppressWarnings("rawtypes")
public final class JSONObject implements Map {
    public JSONObject() {}

    @Override public int size() { throw new UnsupportedOperationException("compile-only signature"); }
    @Override public boolean isEmpty() { throw new UnsupportedOperationException("compile-only signature"); }
    @Override public boolean containsKey(Object key) { throw new UnsupportedOperationException("compile-only signature"); }
    @Override public boolean containsValue(Object value) { throw new UnsupportedOperationException("compile-only signature"); }
    @Override public Object get(Object key) { throw new UnsupportedOperationException("compile-only signature"); }
    @Override public Object put(Object key, Object value) { throw new UnsupportedOperationException("compile-only signature"); }
    @Override public Object remove(Object key) { throw new UnsupportedOperationException("compile-only signature"); }
    @Override public void putAll(Map m) { throw new UnsupportedOperationException("compile-only signature"); }
    @Override public void clear() { throw new UnsupportedOperationException("compile-only signature"); }
    @Override public java.util.Set keySet() { throw new UnsupportedOperationException("compile-only signature"); }
    @Override public java.util.Collection values() { throw new UnsupportedOperationException("compile-only signature"); }
    @Override public java.util.Set entrySet() { throw new UnsupportedOperationException("compile-only signature"); }
}
