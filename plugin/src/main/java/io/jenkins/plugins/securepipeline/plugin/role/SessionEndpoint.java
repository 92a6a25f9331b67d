package io.jenkins.plugins.securepipeline.plugin.role;

import hudson.FilePath;
import hudson.remoting.Channel;
import hudson.remoting.VirtualChannel;
import hudson.util.Secret;
import io.jenkins.plugins.securepipeline.role.AssumedRole;
import io.jenkins.plugins.securepipeline.role.endpoint.CredentialEndpoint;
import io.jenkins.plugins.securepipeline.role.endpoint.PushedCredentials;
import io.jenkins.plugins.securepipeline.role.endpoint.ServedCredentials;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jenkins.MasterToSlaveFileCallable;

/**
 * The credential endpoint of one {@code assumeCrossAccountRole(credentials: 'endpoint')} block, seen from the
 * controller: it runs in the JVM of the node that runs the block (the agent), where the block's processes can reach
 * its loopback address. The controller starts it, hands it each renewed session, and stops it; the agent stops it on
 * its own when the channel to the controller closes. What goes to the agent: the session keys, as the environment
 * would carry them; what comes back: a port number.
 *
 * <p>Saved with the block in the pipeline's state (the token as a {@link Secret}), so that after a controller restart
 * the block can bring the endpoint back on the same port with the same token: the processes of the block still hold
 * that URL and token in their environment.
 */
final class SessionEndpoint implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String id;
    private final String path;
    private final Secret token;
    private final FilePath node;
    private int port;

    private SessionEndpoint(String id, String path, Secret token, FilePath node) {
        this.id = id;
        this.path = path;
        this.token = token;
        this.node = node;
    }

    static SessionEndpoint on(FilePath node) {
        return new SessionEndpoint(CredentialEndpoint.newToken(), CredentialEndpoint.newPath(),
                Secret.fromString(CredentialEndpoint.newToken()), node);
    }

    String uri() {
        return "http://127.0.0.1:" + port + path;
    }

    Secret token() {
        return token;
    }

    /** Starts it with the first session, or brings it back (same port and token) after a restart. */
    void start(AssumedRole session) throws IOException, InterruptedException {
        port = node.act(new Start(id, path, token.getPlainText(), port, served(session)));
    }

    /** Hands over a renewed session; false when the agent has no such endpoint (it restarted, or lost its controller). */
    boolean update(AssumedRole session) throws IOException, InterruptedException {
        return node.act(new Update(id, served(session), null));
    }

    /** Renewal failed: the agent serves the current session until it expires, then this reason. */
    void renewalFailed(String reason) throws IOException, InterruptedException {
        node.act(new Update(id, null, reason));
    }

    void stop() throws IOException, InterruptedException {
        node.act(new Stop(id));
    }

    private static String[] served(AssumedRole session) {
        return new String[] {session.credentials().accessKeyId(), session.credentials().secretAccessKey(),
                session.credentials().sessionToken(), String.valueOf(session.expiration().toEpochMilli())};
    }

    /** The endpoints running in this JVM (on the agent), by block. */
    private static final Map<String, Running> RUNNING = new ConcurrentHashMap<>();

    /** An endpoint on this agent, and the listener that stops it with the controller's connection (null: none). */
    private record Running(CredentialEndpoint endpoint, PushedCredentials credentials, Channel controller,
            Channel.Listener onControllerGone) {}

    private static ServedCredentials credentials(String[] served) {
        return new ServedCredentials(served[0], served[1], served[2], Instant.ofEpochMilli(Long.parseLong(served[3])));
    }

    private static void stopOnAgent(String id) {
        Running running = RUNNING.remove(id);
        if (running != null) {
            running.endpoint().close();
            if (running.controller() != null) {
                // Each block in endpoint mode adds one; an agent that lives for months must not keep them all.
                running.controller().removeListener(running.onControllerGone());
            }
        }
    }

    /** Runs on the agent: starts (or, when it runs already, updates) the endpoint; answers its port. */
    static final class Start extends MasterToSlaveFileCallable<Integer> {
        private static final long serialVersionUID = 1L;
        private final String id;
        private final String path;
        private final String token;
        private final int port;
        private final String[] served;

        Start(String id, String path, String token, int port, String[] served) {
            this.id = id;
            this.path = path;
            this.token = token;
            this.port = port;
            this.served = served;
        }

        @Override
        public Integer invoke(File workspace, VirtualChannel channel) throws IOException {
            Running running = RUNNING.get(id);
            if (running == null) {
                PushedCredentials pushed = new PushedCredentials(Clock.systemUTC());
                pushed.update(credentials(served));
                CredentialEndpoint endpoint;
                try {
                    endpoint = CredentialEndpoint.start(port, path, token, pushed);
                } catch (IOException e) {
                    throw new IOException("cannot start the credential endpoint on 127.0.0.1"
                            + (port == 0 ? "" : ":" + port) + ": " + e.getMessage());
                }
                Channel controller = Channel.current();
                Channel.Listener onControllerGone = null;
                if (controller != null) {
                    // Without its controller nobody renews or stops it: it goes with the connection.
                    onControllerGone = new Channel.Listener() {
                        @Override
                        public void onClosed(Channel closed, IOException cause) {
                            stopOnAgent(id);
                        }
                    };
                }
                running = new Running(endpoint, pushed, controller, onControllerGone);
                RUNNING.put(id, running);
                if (controller != null) {
                    controller.addListener(onControllerGone);
                }
            } else {
                running.credentials().update(credentials(served));
            }
            return running.endpoint().port();
        }
    }

    /** Runs on the agent: a renewed session, or the reason renewal failed; false when no such endpoint runs here. */
    static final class Update extends MasterToSlaveFileCallable<Boolean> {
        private static final long serialVersionUID = 1L;
        private final String id;
        private final String[] served;
        private final String failure;

        Update(String id, String[] served, String failure) {
            this.id = id;
            this.served = served;
            this.failure = failure;
        }

        @Override
        public Boolean invoke(File workspace, VirtualChannel channel) {
            Running running = RUNNING.get(id);
            if (running == null) {
                return false;
            }
            if (served != null) {
                running.credentials().update(credentials(served));
            } else {
                running.credentials().renewalFailed(failure);
            }
            return true;
        }
    }

    /** Runs on the agent: stops the endpoint at once. */
    static final class Stop extends MasterToSlaveFileCallable<Boolean> {
        private static final long serialVersionUID = 1L;
        private final String id;

        Stop(String id) {
            this.id = id;
        }

        @Override
        public Boolean invoke(File workspace, VirtualChannel channel) {
            boolean wasRunning = RUNNING.containsKey(id);
            stopOnAgent(id);
            return wasRunning;
        }
    }
}
