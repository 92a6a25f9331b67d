package io.jenkins.plugins.securepipeline.template;

import io.jenkins.plugins.securepipeline.files.UserFileException;
import io.jenkins.plugins.securepipeline.files.UserFiles;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads a CloudFormation or SAM template (JSON or YAML) into a {@link TemplateNode} tree, safely: the file size
 * is checked before reading, binary and invalid UTF-8 content is refused with its position, and the parsers
 * build only plain maps, lists and strings (never application objects).
 */
public final class TemplateReader {
    private final ReaderLimits limits;
    private final com.fasterxml.jackson.core.JsonFactory jsonFactory;

    public TemplateReader(ReaderLimits limits) {
        this.limits = limits;
        this.jsonFactory = JsonTemplateParser.factory(limits);
    }

    public TemplateReader() {
        this(ReaderLimits.DEFAULT);
    }

    public TemplateNode read(Path file) throws TemplateParseException {
        String source = file.toString();
        byte[] bytes;
        try {
            bytes = UserFiles.read(file, limits.maxBytes());
        } catch (UserFileException e) {
            throw new TemplateParseException(source, 0, 0, e.problem());
        }
        return read(source, bytes, file.getFileName().toString().toLowerCase().endsWith(".json"));
    }

    public TemplateNode read(String source, byte[] bytes, boolean jsonByName) throws TemplateParseException {
        if (bytes.length > limits.maxBytes()) {
            throw new TemplateParseException(source, 0, 0, tooLarge(bytes.length));
        }
        String text = decode(source, bytes);
        if (jsonByName) {
            return new JsonTemplateParser(source, limits, jsonFactory).parse(text);
        }
        if (startsLikeJson(text)) {
            // A .yaml/.template file starting with '{' is usually JSON, but may be a YAML flow map.
            try {
                return new JsonTemplateParser(source, limits, jsonFactory).parse(text);
            } catch (TemplateParseException jsonError) {
                try {
                    return new YamlTemplateParser(source, limits).parse(text);
                } catch (TemplateParseException yamlError) {
                    throw jsonError;
                }
            }
        }
        return new YamlTemplateParser(source, limits).parse(text);
    }

    private String tooLarge(long size) {
        return "file is " + size + " bytes, larger than the " + limits.maxBytes() + " byte limit for templates";
    }

    private static boolean startsLikeJson(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{';
            }
        }
        return false;
    }

    /** Strict UTF-8: a template with bytes that are not text is refused, with the line of the first bad byte. */
    private static String decode(String source, byte[] bytes) throws TemplateParseException {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new TemplateParseException(source, lineOf(bytes, i), columnOf(bytes, i),
                        "binary content (a NUL byte at offset " + i + "), not a text template");
            }
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            throw new TemplateParseException(source, lineOf(bytes, offset), columnOf(bytes, offset),
                    "invalid UTF-8 (byte 0x" + Integer.toHexString(bytes[offset] & 0xff) + " at offset " + offset + ")");
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int columnOf(byte[] bytes, int offset) {
        int column = 1;
        for (int i = offset - 1; i >= 0 && bytes[i] != '\n'; i--) {
            column++;
        }
        return column;
    }
}
