package io.jenkins.plugins.securepipeline.integrity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads {@code \n}-terminated UTF-8 lines from a stream without ever holding more than one line (capped) in
 * memory. Binary input is caught early: a NUL byte, invalid UTF-8, an over-long line or too many bytes in total
 * each end the read with the line number.
 */
final class BoundedLineReader {
    private final InputStream in;
    private final String source;
    private final ChecksumLimits limits;
    private final byte[] chunk = new byte[64 * 1024];
    private final byte[] line;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private int chunkPosition;
    private int chunkLength;
    private long totalBytes;
    private long lineNumber;

    BoundedLineReader(InputStream in, String source, ChecksumLimits limits) {
        this.in = in;
        this.source = source;
        this.limits = limits;
        this.line = new byte[limits.maxLineBytes()];
    }

    /** The 1-based number of the line last returned. */
    long lineNumber() {
        return lineNumber;
    }

    /** The next line without its terminator (and without a trailing CR, as coreutils accepts CRLF), or null at end. */
    String readLine() throws IOException, ChecksumFileException {
        int length = 0;
        boolean sawAnything = false;
        while (true) {
            if (chunkPosition == chunkLength) {
                chunkLength = in.read(chunk);
                chunkPosition = 0;
                if (chunkLength < 0) {
                    chunkLength = 0;
                    if (!sawAnything) {
                        return null;
                    }
                    lineNumber++;
                    return decode(length);
                }
                totalBytes += chunkLength;
                if (totalBytes > limits.maxBytes()) {
                    throw new ChecksumFileException(source, lineNumber + 1,
                            "checksum file is larger than " + limits.maxBytes() + " bytes");
                }
            }
            byte b = chunk[chunkPosition++];
            sawAnything = true;
            if (b == '\n') {
                lineNumber++;
                return decode(length);
            }
            if (b == 0) {
                throw new ChecksumFileException(source, lineNumber + 1, "contains a NUL byte (binary file?)");
            }
            if (length == line.length) {
                throw new ChecksumFileException(source, lineNumber + 1,
                        "line is longer than " + limits.maxLineBytes() + " bytes (binary file?)");
            }
            line[length++] = b;
        }
    }

    private String decode(int length) throws ChecksumFileException {
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        try {
            return decoder.decode(ByteBuffer.wrap(line, 0, length)).toString();
        } catch (CharacterCodingException e) {
            throw new ChecksumFileException(source, lineNumber, "is not valid UTF-8 (binary file?)");
        }
    }
}
