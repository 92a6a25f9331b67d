package io.jenkins.plugins.securepipeline.aws;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.http.HttpException;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.impl.conn.DefaultProxyRoutePlanner;
import org.apache.http.protocol.HttpContext;

/**
 * An HTTP(S) proxy and the hosts that bypass it. The no-proxy list uses the {@code NO_PROXY} conventions admins
 * already know ({@code .example.com} and {@code *.example.com} for a domain and its subdomains, exact host names and
 * IPs otherwise, {@code *} for everything); PrivateLink endpoints are usually on this list. Matching is ours, not the
 * HTTP client's, so the SDK clients and the Roles Anywhere client (JDK HTTP) route identically.
 */
public final class ProxySettings {
    private final URI proxy;
    private final List<String> noProxy;

    public ProxySettings(URI proxy, List<String> noProxy) {
        Objects.requireNonNull(proxy, "proxy");
        if (proxy.getHost() == null
                || !("http".equalsIgnoreCase(proxy.getScheme()) || "https".equalsIgnoreCase(proxy.getScheme()))) {
            throw new IllegalArgumentException("proxy: '" + proxy + "' must be http://host:port or https://host:port");
        }
        if (proxy.getUserInfo() != null) {
            // Credentials in a URL end up in logs and thread dumps; refuse rather than carry them around.
            throw new IllegalArgumentException("proxy: user information in the proxy URL is not supported");
        }
        this.proxy = proxy;
        List<String> entries = new ArrayList<>();
        for (String entry : Objects.requireNonNullElse(noProxy, List.<String>of())) {
            String trimmed = entry == null ? "" : entry.strip().toLowerCase(Locale.ROOT);
            if (!trimmed.isEmpty()) {
                entries.add(trimmed);
            }
        }
        this.noProxy = List.copyOf(entries);
    }

    /** Parses a comma-separated {@code NO_PROXY} value. */
    public static List<String> parseNoProxy(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return List.of(commaSeparated.split("\\s*,\\s*"));
    }

    public URI proxy() {
        return proxy;
    }

    public List<String> noProxy() {
        return noProxy;
    }

    int port() {
        if (proxy.getPort() > 0) {
            return proxy.getPort();
        }
        return "https".equalsIgnoreCase(proxy.getScheme()) ? 443 : 80;
    }

    /** Whether requests to {@code host} go direct. */
    public boolean bypasses(String host) {
        String candidate = host.toLowerCase(Locale.ROOT);
        if (candidate.startsWith("[") && candidate.endsWith("]")) {
            candidate = candidate.substring(1, candidate.length() - 1);
        }
        for (String entry : noProxy) {
            if (entry.equals("*") || entry.equals(candidate)) {
                return true;
            }
            String domain = entry.startsWith("*.") ? entry.substring(1) : entry.startsWith(".") ? entry : null;
            if (domain != null && (candidate.endsWith(domain) || candidate.equals(domain.substring(1)))) {
                return true;
            }
        }
        return false;
    }

    /** For the Apache client under the SDK clients. */
    DefaultProxyRoutePlanner routePlanner() {
        return new DefaultProxyRoutePlanner(new HttpHost(proxy.getHost(), port(), proxy.getScheme())) {
            @Override
            protected HttpHost determineProxy(HttpHost target, HttpRequest request, HttpContext context) throws HttpException {
                return bypasses(target.getHostName()) ? null : super.determineProxy(target, request, context);
            }
        };
    }

    /** For the JDK HTTP client (Roles Anywhere). */
    public ProxySelector proxySelector() {
        Proxy httpProxy = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.getHost(), port()));
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                return uri.getHost() != null && bypasses(uri.getHost()) ? List.of(Proxy.NO_PROXY) : List.of(httpProxy);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException e) {
                // Nothing to fall back to: the request fails and is reported with the proxy named.
            }
        };
    }

    @Override
    public String toString() {
        return "proxy " + proxy + (noProxy.isEmpty() ? "" : ", no proxy for " + noProxy);
    }
}
