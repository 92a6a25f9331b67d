package io.jenkins.plugins.securepipeline.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP server on 127.0.0.1 that misbehaves on purpose, for deadline tests: it accepts connections and then never
 * answers, or answers with headers and one body byte at a time, slowly. Tests stop by themselves: the server's
 * threads are daemons and {@link #close()} ends them.
 */
public final class HostileServer implements AutoCloseable {
    public enum Behaviour {
        /** Accepts, reads the request, never answers. */
        SILENT,
        /** Answers 200 with a large Content-Length, then one byte every 200 ms. */
        TRICKLE,
        /** A plain-HTTP server: whatever arrives (a TLS ClientHello too) gets "400 Bad Request" in plain text. */
        PLAIN_HTTP
    }

    private final ServerSocket server;
    private final Behaviour behaviour;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private HostileServer(Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "hostile-server-" + behaviour);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static HostileServer start(Behaviour behaviour) throws IOException {
        return new HostileServer(behaviour);
    }

    /** {@code 127.0.0.1:PORT} */
    public String address() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** How many connections were accepted so far. */
    public int connections() {
        return connections.size();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                connections.add(socket);
                Thread handler = new Thread(() -> handle(socket), "hostile-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            if (behaviour == Behaviour.PLAIN_HTTP) {
                in.read(new byte[4096]);
                socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                return;
            }
            readHeaders(in);
            if (behaviour == Behaviour.SILENT) {
                while (!closed && in.read() >= 0) {
                    // swallow whatever comes (an upload body), answer nothing
                }
                return;
            }
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/calendar\r\nContent-Length: 100000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            while (!closed) {
                out.write('B');
                out.flush();
                Thread.sleep(200);
            }
        } catch (IOException e) {
            // the client gave up: that is what the tests want
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void readHeaders(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int b; matched < 4 && (b = in.read()) >= 0; ) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket socket : connections) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
