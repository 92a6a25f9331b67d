package io.jenkins.plugins.securepipeline.cli.image;

import io.jenkins.plugins.securepipeline.files.UserFileException;
import io.jenkins.plugins.securepipeline.files.UserFiles;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads a password or passphrase from a file: the first line, without its line ending. Never echoes it. */
public final class SecretFiles {
    private static final int MAX_SECRET_FILE = 64 * 1024;

    private SecretFiles() {}

    public static char[] readFirstLine(Path file, String option) throws InputException {
        byte[] bytes;
        try {
            bytes = UserFiles.read(file, MAX_SECRET_FILE);
        } catch (UserFileException e) {
            throw new InputException(option + ": " + e.getMessage());
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
            int end = 0;
            while (end < chars.limit() && chars.get(end) != '\n' && chars.get(end) != '\r') {
                end++;
            }
            char[] line = new char[end];
            chars.get(line, 0, end);
            if (chars.hasArray()) {
                Arrays.fill(chars.array(), '\0');
            }
            if (line.length == 0) {
                throw new InputException(option + ": " + file + ": is empty");
            }
            return line;
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
