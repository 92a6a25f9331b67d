// Compile-only signature for offline type-checking; checked against jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/HttpResponses.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package org.kohsuke.stapler;

public class HttpResponses {
    public static HttpResponse redirectToDot() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public static HttpResponseException errorWithoutStack(int code, String errorMessage) {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public abstract static class HttpResponseException extends RuntimeException implements HttpResponse {}
}
