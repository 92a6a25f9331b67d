package io.jenkins.plugins.securepipeline.plugin.runtime;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;

/**
 * Sends an object the way an agent answers the controller: Java serialization, then deserialization that asks
 * {@link JenkinsClassFilter} about every class in the stream, as remoting does with Jenkins' filter installed.
 */
public final class AcrossTheChannel {
    private AcrossTheChannel() {}

    /** The object as the controller would receive it; an InvalidClassException names a class the filter rejects. */
    @SuppressWarnings("unchecked")
    public static <T> T fromAgent(T sent) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(sent);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass description) throws IOException, ClassNotFoundException {
                Class<?> c = super.resolveClass(description);
                String rejection = JenkinsClassFilter.rejection(c);
                if (rejection != null) {
                    throw new InvalidClassException(c.getName(), rejection);
                }
                return c;
            }
        }) {
            return (T) in.readObject();
        }
    }
}
