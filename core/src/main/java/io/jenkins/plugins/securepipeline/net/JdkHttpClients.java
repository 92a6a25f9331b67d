package io.jenkins.plugins.securepipeline.net;

import java.net.http.HttpClient;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ending the life of a JDK {@link HttpClient}. The client runs a selector thread that waits in native code, and an
 * exiting JVM waits up to 300 ms for every thread in native code: a command-line run that leaves its client open
 * ends 0.3 s later than it needs to, and in a long-running JVM (a Jenkins agent) the thread lingers until the client
 * is garbage collected.
 *
 * <p>From Java 21 the client is {@link AutoCloseable}. Before that there is no API to stop it, but its selector
 * thread (named {@code HttpClient-<id>-SelectorManager}, the id being the one the client's {@code toString()} ends
 * with) leaves its loop when interrupted, then closes its selector and connections itself. Where neither applies
 * (another JDK's client) nothing is done and the thread ends when the client becomes unreachable.
 */
public final class JdkHttpClients {
    private static final Pattern CLIENT_ID = Pattern.compile("\\((\\d+)\\)$");

    private JdkHttpClients() {}

    /** Ends the client; exchanges still running are left to finish (Java 21+) or aborted (before). */
    public static void close(HttpClient client) {
        if (client instanceof AutoCloseable) {
            try {
                ((AutoCloseable) client).close();
            } catch (Exception e) {
                // HttpClient.close() declares no exception; nothing is left to release if it did throw.
            }
            return;
        }
        Thread selector = selectorThread(client);
        if (selector != null) {
            selector.interrupt();
        }
    }

    /** The client's selector thread on Java 11-20, or null. */
    static Thread selectorThread(HttpClient client) {
        if (!client.getClass().getName().startsWith("jdk.internal.net.http.")) {
            return null;  // not the JDK's own client: its threads are none of our business
        }
        Matcher id = CLIENT_ID.matcher(client.toString());
        if (!id.find()) {
            return null;
        }
        String name = "HttpClient-" + id.group(1) + "-SelectorManager";
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int count = root.enumerate(threads, true);
        for (int i = 0; i < count; i++) {
            if (threads[i].getName().equals(name)) {
                return threads[i];
            }
        }
        return null;
    }
}
