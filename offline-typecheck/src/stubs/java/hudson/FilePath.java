// Compile-only signature for offline type-checking; checked against jenkinsci/jenkins tag jenkins-2.541.3 core/src/main/java/hudson/FilePath.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package hudson;

import java.io.File;
import java.io.IOException;
import java.io.Serializable;

public final class FilePath implements Serializable {
    private static final long serialVersionUID = 1L;

    public interface FileCallable<T> extends Serializable {
        T invoke(File f, hudson.remoting.VirtualChannel channel) throws IOException, InterruptedException;
    }

    public <T> T act(final FileCallable<T> callable) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public java.io.InputStream read() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public java.io.InputStream read(FilePath rootPath, java.nio.file.OpenOption... openOptions)
            throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public FilePath(File localPath) {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public String getRemote() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public String getName() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public FilePath child(String relOrAbsolute) {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public boolean delete() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public boolean exists() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public FilePath[] list(final String includes) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public String readToString() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public void copyFrom(java.io.InputStream in) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public void write(final String content, final String encoding) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public int copyRecursiveTo(FilePath target) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-only signature");
    }
}
