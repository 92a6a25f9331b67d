package io.jenkins.plugins.securepipeline.net;

import java.net.http.HttpClient;

/**
 * Ending the life of a JDK {@link HttpClient}. From Java 21 the client is {@link AutoCloseable}: closing it stops its
 * selector thread at once. That thread waits in native code, and an exiting JVM waits up to 300 ms for every thread
 * in native code, so a command-line run that leaves the client open ends 0.3 s later than it needs to; in a
 * long-running JVM (a Jenkins agent) an unclosed client's thread lingers until the client is garbage collected.
 * On Java 17 there is nothing to close and the thread ends when the client becomes unreachable.
 */
public final class JdkHttpClients {
    private JdkHttpClients() {}

    /** Closes the client where the running JDK can (Java 21+); waits for exchanges still running to finish. */
    public static void close(HttpClient client) {
        if (client instanceof AutoCloseable) {
            try {
                ((AutoCloseable) client).close();
            } catch (Exception e) {
                // HttpClient.close() declares no exception; nothing is left to release if it did throw.
            }
        }
    }
}
