// Compile-only signature for offline type-checking; checked against jenkinsci/remoting tag 3352.v17a_fb_4b_2773f
// src/main/java/hudson/remoting/Channel.java. Holds only the members the plugin uses. Never packaged or shipped.
package hudson.remoting;

import java.io.IOException;

public class Channel implements VirtualChannel {
    private Channel() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public static Channel current() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public void addListener(Listener l) {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public boolean removeListener(Listener l) {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public abstract static class Listener {
        public void onClosed(Channel channel, IOException cause) {}
    }
}
