package io.jenkins.plugins.securepipeline.net;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyManagementException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The JVM's default trust (its trust store, or the one {@code javax.net.ssl.trustStore} names), loaded on the first
 * TLS handshake instead of when the client is built. A JDK {@code HttpClient} builds the default SSL context, trust
 * store included, even if it never makes a TLS connection; for a client that talks plain HTTP (a local registry)
 * that is wasted start-up. Validation is the JDK's own, hostname check included: every call goes to the default
 * trust manager. No client certificate is offered, so use it only where none is expected.
 */
public final class DeferredDefaultTrust extends X509ExtendedTrustManager {
    private volatile X509ExtendedTrustManager trust;

    private DeferredDefaultTrust() {}

    /** A TLS context whose trust is the JVM's default, loaded when first needed. */
    public static SSLContext sslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new DeferredDefaultTrust()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no TLS context", e);
        }
    }

    /**
     * The context of {@link #sslContext()}, not even created until a TLS connection asks for an engine: creating a
     * JDK TLS context loads and sets up its provider, a few hundred classes. For a client that may never make a TLS
     * connection (a registry reached over plain HTTP, unless it redirects to https). Give that client
     * {@code new SSLParameters()} too, or it asks this context for its defaults while it is built; the JDK fills in
     * the defaults (protocols, cipher suites, algorithm constraints) for parameters left unset, and the client still
     * sets host name checking and SNI on every connection.
     */
    public static SSLContext lazySslContext() {
        return new LazyContext();
    }

    /** An {@link SSLContext} whose engines come from {@link #sslContext()}, made on first use. */
    private static final class LazyContext extends SSLContext {
        LazyContext() {
            super(new LazySpi(), null, "TLS");
        }
    }

    private static final class LazySpi extends SSLContextSpi {
        private volatile SSLContext real;

        private SSLContext real() {
            SSLContext context = real;
            if (context == null) {
                synchronized (this) {
                    context = real;
                    if (context == null) {
                        context = sslContext();
                        real = context;
                    }
                }
            }
            return context;
        }

        @Override
        protected void engineInit(KeyManager[] keyManagers, TrustManager[] trustManagers, SecureRandom random)
                throws KeyManagementException {
            throw new KeyManagementException("this context comes initialized with the JVM's default trust");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return real().getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return real().getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return real().createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return real().createSSLEngine(host, port);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return real().getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return real().getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return real().getDefaultSSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return real().getSupportedSSLParameters();
        }
    }

    private X509ExtendedTrustManager trust() throws CertificateException {
        X509ExtendedTrustManager loaded = trust;
        if (loaded == null) {
            try {
                TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init((KeyStore) null);
                for (TrustManager manager : factory.getTrustManagers()) {
                    if (manager instanceof X509ExtendedTrustManager) {
                        loaded = (X509ExtendedTrustManager) manager;
                        break;
                    }
                }
            } catch (GeneralSecurityException e) {
                throw new CertificateException("cannot load the JVM's trust store", e);
            }
            if (loaded == null) {
                throw new CertificateException("the JVM's default trust manager cannot check host names");
            }
            trust = loaded;
        }
        return loaded;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        trust().checkServerTrusted(chain, authType, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        trust().checkServerTrusted(chain, authType, socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        trust().checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        trust().checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        trust().checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        trust().checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        try {
            return trust().getAcceptedIssuers();
        } catch (CertificateException e) {
            return new X509Certificate[0];
        }
    }
}
