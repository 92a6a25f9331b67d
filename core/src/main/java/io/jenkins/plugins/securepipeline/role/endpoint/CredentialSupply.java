package io.jenkins.plugins.securepipeline.role.endpoint;

/** Where the endpoint takes the session it serves, at each request. */
@FunctionalInterface
public interface CredentialSupply {
    /** @throws Unavailable with a reason the caller's SDK will show, when there is no valid session to serve */
    ServedCredentials current() throws Unavailable;

    /** No session can be served; the message says why (never a key). */
    final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        public Unavailable(String reason) {
            super(reason);
        }
    }
}
