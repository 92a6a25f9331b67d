package io.jenkins.plugins.securepipeline.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeferredDefaultTrustTest {
    @TempDir
    Path temp;

    @Test
    void plainHttpNeedsNoTrustAndTlsIsCheckedAgainstTheDefaultTrust() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(DeferredDefaultTrust.sslContext()).build();
        HttpServer plain = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        plain.createContext("/", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        HttpsServer tls = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        tls.setHttpsConfigurator(new HttpsConfigurator(selfSignedServerContext()));
        tls.createContext("/", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        plain.start();
        tls.start();
        try {
            assertThat(client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + plain.getAddress().getPort()
                    + "/")).build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(204);
            // A certificate no default trust anchor signed: refused by the JDK's own PKIX check, not accepted.
            assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:"
                    + tls.getAddress().getPort() + "/")).build(), HttpResponse.BodyHandlers.discarding()))
                    .isInstanceOf(SSLHandshakeException.class)
                    .hasStackTraceContaining("PKIX path building failed");
        } finally {
            plain.stop(0);
            tls.stop(0);
            JdkHttpClients.close(client);
        }
    }

    @Test
    void theLazyContextWithEmptyParametersKeepsTheJdkDefaultsAndTheDefaultTrust() throws Exception {
        SSLContext lazy = DeferredDefaultTrust.lazySslContext();
        javax.net.ssl.SSLEngine engine = lazy.createSSLEngine("registry.example", 443);
        // What the HTTP client does with the parameters it was given: unset ones leave the defaults in place.
        engine.setSSLParameters(new javax.net.ssl.SSLParameters());
        javax.net.ssl.SSLEngine reference = SSLContext.getDefault().createSSLEngine("registry.example", 443);
        assertThat(engine.getEnabledProtocols()).containsExactly(reference.getEnabledProtocols());
        assertThat(engine.getEnabledCipherSuites()).containsExactly(reference.getEnabledCipherSuites());
        assertThatThrownBy(() -> lazy.init(null, null, null)).isInstanceOf(java.security.KeyManagementException.class);

        HttpClient client = HttpClient.newBuilder().sslContext(lazy).sslParameters(new javax.net.ssl.SSLParameters())
                .build();
        HttpsServer tls = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        tls.setHttpsConfigurator(new HttpsConfigurator(selfSignedServerContext()));
        tls.createContext("/", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        tls.start();
        try {
            assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:"
                    + tls.getAddress().getPort() + "/")).build(), HttpResponse.BodyHandlers.discarding()))
                    .isInstanceOf(SSLHandshakeException.class)
                    .hasStackTraceContaining("PKIX path building failed");
        } finally {
            tls.stop(0);
            JdkHttpClients.close(client);
        }
    }

    private SSLContext selfSignedServerContext() throws Exception {
        Path keystore = temp.resolve("server.p12");
        Process keytool = new ProcessBuilder(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair", "-alias", "server",
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1",
                "-validity", "2", "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", "test-only", "-keypass", "test-only"))
                .redirectErrorStream(true).start();
        keytool.getInputStream().readAllBytes();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, "test-only".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "test-only".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }
}
