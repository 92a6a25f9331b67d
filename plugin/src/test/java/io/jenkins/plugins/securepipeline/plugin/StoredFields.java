package io.jenkins.plugins.securepipeline.plugin;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Reads an object's stored state as XStream's reflection converter does when Jenkins writes build.xml: every
 * non-static, non-transient field of the class and its superclasses, read directly (no getter, no lock of the
 * object), collections and maps through their iterators, the plugin's own types field by field. Plain Java, so
 * tests using it run without Jenkins.
 */
public final class StoredFields {
    private static final String PLUGIN_PACKAGE = "io.jenkins.plugins.securepipeline.";

    private StoredFields() {}

    /** Reads everything reachable from {@code value}; returns how many values were visited. */
    public static int readAll(Object value) throws IllegalAccessException {
        if (value == null) {
            return 0;
        }
        if (value instanceof Collection<?> collection) {
            int count = 1;
            for (Object element : collection) {
                count += readAll(element);
            }
            return count;
        }
        if (value instanceof Map<?, ?> map) {
            int count = 1;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                count += readAll(entry.getKey()) + readAll(entry.getValue());
            }
            return count;
        }
        if (!value.getClass().getName().startsWith(PLUGIN_PACKAGE)) {
            return 1; // String, Long, Instant, ...: written as a value
        }
        int count = 1;
        for (Class<?> type = value.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || Modifier.isTransient(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                count += readAll(field.get(value));
            }
        }
        return count;
    }

    /**
     * Runs every writer on its own thread while one more thread keeps reading {@code stored} with {@link #readAll}
     * until all writers are done, as {@code WorkflowRun.save()} would from another thread. Rethrows what any thread
     * threw (a {@link java.util.ConcurrentModificationException} of the reader, typically).
     *
     * @return how many times the reader read the whole object while writers were running (at least once)
     */
    public static int readWhileWriting(Object stored, Iterable<? extends Callable<?>> writers) throws Exception {
        ExecutorService threads = Executors.newCachedThreadPool();
        try {
            CountDownLatch start = new CountDownLatch(1);
            java.util.List<Future<?>> writing = new java.util.ArrayList<>();
            for (Callable<?> writer : writers) {
                writing.add(threads.submit(() -> {
                    start.await();
                    return writer.call();
                }));
            }
            Future<Integer> reading = threads.submit(() -> {
                start.await();
                int passes = 0;
                do {
                    readAll(stored);
                    passes++;
                } while (!writing.stream().allMatch(Future::isDone));
                return passes;
            });
            start.countDown();
            for (Future<?> writer : writing) {
                writer.get(2, TimeUnit.MINUTES);
            }
            return reading.get(2, TimeUnit.MINUTES);
        } finally {
            threads.shutdownNow();
        }
    }
}
