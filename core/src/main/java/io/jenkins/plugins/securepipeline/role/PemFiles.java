package io.jenkins.plugins.securepipeline.role;

import io.jenkins.plugins.securepipeline.files.UserFileException;
import io.jenkins.plugins.securepipeline.files.UserFiles;
import io.jenkins.plugins.securepipeline.signing.KeyFileException;
import io.jenkins.plugins.securepipeline.signing.X509Pem;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the PEM files a Roles Anywhere user has (certificates, leaf first, and an unencrypted RSA or EC private key;
 * see {@link X509Pem}) and reports problems against the option or field that named the file. Errors name the file,
 * never its content.
 */
public final class PemFiles {
    private static final long MAX_PEM_BYTES = 1 << 20;

    private PemFiles() {}

    public static List<X509Certificate> readCertificates(String field, Path file) {
        try {
            return X509Pem.certificates(read(field, file), file.toString());
        } catch (KeyFileException e) {
            throw new InvalidRoleRequestException(field, e.getMessage());
        }
    }

    public static PrivateKey readPrivateKey(String field, Path file) {
        byte[] pem = read(field, file);
        try {
            return X509Pem.privateKey(pem, file.toString());
        } catch (KeyFileException e) {
            throw new InvalidRoleRequestException(field, e.getMessage());
        } finally {
            Arrays.fill(pem, (byte) 0);
        }
    }

    private static byte[] read(String field, Path file) {
        try {
            return UserFiles.read(file, MAX_PEM_BYTES);
        } catch (UserFileException e) {
            throw new InvalidRoleRequestException(field, e.getMessage());
        }
    }
}
