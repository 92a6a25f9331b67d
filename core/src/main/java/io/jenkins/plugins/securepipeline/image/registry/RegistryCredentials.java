package io.jenkins.plugins.securepipeline.image.registry;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * A registry user name and password (or an ECR token). The password is never part of {@link #toString()}, of
 * exception messages or of logs; it leaves this object only as an HTTP {@code Authorization} header value.
 */
public final class RegistryCredentials {
    private final String username;
    private final char[] password;

    public RegistryCredentials(String username, char[] password) {
        if (username == null || username.isEmpty() || username.indexOf(':') >= 0) {
            throw new IllegalArgumentException("registry user name must be non-empty and contain no ':'");
        }
        if (password == null || password.length == 0) {
            throw new IllegalArgumentException("registry password must not be empty");
        }
        this.username = username;
        this.password = password.clone();
    }

    public String username() {
        return username;
    }

    /**
     * A copy of the password, for handing short-lived credentials to the process that pushes (a Jenkins agent,
     * which builds its own {@code RegistryCredentials}). The caller clears the copy once it is sent.
     */
    public char[] passwordCopy() {
        return password.clone();
    }

    String basicAuthorization() {
        byte[] user = (username + ":").getBytes(StandardCharsets.UTF_8);
        java.nio.ByteBuffer pass = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(password));
        byte[] joined = new byte[user.length + pass.remaining()];
        System.arraycopy(user, 0, joined, 0, user.length);
        pass.get(joined, user.length, pass.remaining());
        String header = "Basic " + Base64.getEncoder().encodeToString(joined);
        // Do not leave copies of the password lying around longer than needed.
        Arrays.fill(joined, (byte) 0);
        if (pass.hasArray()) {
            Arrays.fill(pass.array(), (byte) 0);
        }
        return header;
    }

    @Override
    public String toString() {
        return "RegistryCredentials[username=" + username + ", password=****]";
    }
}
