// Compile-only signature for offline type-checking; checked against jenkinsci/jenkins tag jenkins-2.541.3 core/src/main/java/hudson/Launcher.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package hudson;

import hudson.model.TaskListener;
import java.io.IOException;

public abstract class Launcher {
    protected Launcher(TaskListener listener, hudson.remoting.VirtualChannel channel) {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public final ProcStarter launch() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public final class ProcStarter {
        private ProcStarter() {}

        public ProcStarter cmds(String... args) {
            throw new UnsupportedOperationException("compile-only signature");
        }

        public ProcStarter envs(java.util.Map<String, String> overrides) {
            throw new UnsupportedOperationException("compile-only signature");
        }

        public ProcStarter pwd(FilePath workDir) {
            throw new UnsupportedOperationException("compile-only signature");
        }

        public ProcStarter stdout(TaskListener out) {
            throw new UnsupportedOperationException("compile-only signature");
        }

        public int join() throws IOException, InterruptedException {
            throw new UnsupportedOperationException("compile-only signature");
        }
    }
}
