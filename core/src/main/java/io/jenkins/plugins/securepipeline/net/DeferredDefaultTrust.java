package io.jenkins.plugins.securepipeline.net;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
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
