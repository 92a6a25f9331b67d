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
    private final boolean keepNulls;

    public TemplateReader(ReaderLimits limits) {
        this(limits, false);
    }

    private TemplateReader(ReaderLimits limits, boolean keepNulls) {
        this.limits = limits;
        this.jsonFactory = JsonTemplateParser.factory(limits);
        this.keepNulls = keepNulls;
    }

    /**
     * A reader that keeps keys whose value is null ({@code Key:} with nothing after it). Our rules read such a key as
     * absent; CloudFormation Guard sees a key holding null ({@code IS_NULL}, {@code EXISTS}), as cfn-guard does.
     */
    public static TemplateReader keepingNulls(ReaderLimits limits) {
        return new TemplateReader(limits, true);
    }

    public TemplateReader() {
        this(ReaderLimits.DEFAULT);
    }

    /**
     * Reads a file given to a scan as a template: like {@link #read(Path)}, and a JSON file whose document is an
     * array is refused (see {@link #notAnArray}).
     */
    public TemplateNode readTemplate(Path file) throws TemplateParseException {
        TemplateNode root = read(file);
        return file.getFileName().toString().toLowerCase().endsWith(".json") ? notAnArray(file.toString(), root) : root;
    }

    public TemplateNode read(Path file) throws TemplateParseException {
        String source = file.toString();
        byte[] bytes;
        try {
            bytes = UserFiles.read(file, limits.maxBytes());
        } catch (UserFileException e) {
            throw new TemplateParseException(source, 0, 0, e.problem());
        }
        boolean json = file.getFileName().toString().toLowerCase().endsWith(".json");
        if (bytes.length > limits.maxBytes()) {
            throw new TemplateParseException(source, 0, 0, tooLarge(bytes.length));
        }
        String text = decode(source, bytes);
        bytes = null; // not needed once decoded: a large template is parsed holding its text only
        return parse(source, text, json);
    }

    public TemplateNode read(String source, byte[] bytes, boolean jsonByName) throws TemplateParseException {
        if (bytes.length > limits.maxBytes()) {
            throw new TemplateParseException(source, 0, 0, tooLarge(bytes.length));
        }
        return parse(source, decode(source, bytes), jsonByName);
    }

    private TemplateNode parse(String source, String text, boolean jsonByName) throws TemplateParseException {
        if (jsonByName) {
            return new JsonTemplateParser(source, limits, jsonFactory, keepNulls).parse(text);
        }
        if (startsLikeJson(text)) {
            // A .yaml/.template file starting with '{' is usually JSON, but may be a YAML flow map.
            try {
                return new JsonTemplateParser(source, limits, jsonFactory, keepNulls).parse(text);
            } catch (TemplateParseException jsonError) {
                try {
                    return new YamlTemplateParser(source, limits, keepNulls).parse(text);
                } catch (TemplateParseException yamlError) {
                    throw jsonError;
                }
            }
        }
        return new YamlTemplateParser(source, limits, keepNulls).parse(text);
    }

    /**
     * A JSON document written as a string inside a template (a policy document in a YAML block scalar, as
     * CloudFormation accepts for IAM policies): the parsed value with every node placed at {@code at}, where the
     * string is, or null when the text is not JSON. Parsed with the default limits.
     */
    public static TemplateNode embeddedJson(TemplateNode at) {
        if (at == null || !at.isScalar() || !startsLikeJson(at.text())) {
            return null;
        }
        try {
            TemplateNode parsed = new JsonTemplateParser("embedded JSON", ReaderLimits.DEFAULT, EMBEDDED_JSON)
                    .parse(at.text());
            return placedAt(parsed, at.line(), at.column());
        } catch (TemplateParseException e) {
            return null;
        }
    }

    private static final com.fasterxml.jackson.core.JsonFactory EMBEDDED_JSON = JsonTemplateParser.factory(ReaderLimits.DEFAULT);

    private static TemplateNode placedAt(TemplateNode node, int line, int column) {
        if (node.isMap()) {
            java.util.Map<String, TemplateNode> entries = new java.util.LinkedHashMap<>();
            node.entries().forEach((key, value) -> entries.put(key, placedAt(value, line, column)));
            return TemplateNode.map(entries, line, column);
        }
        if (node.isList()) {
            return TemplateNode.list(node.items().stream().map(item -> placedAt(item, line, column)).toList(), line, column);
        }
        return node.at(line, column);
    }

    /**
     * A JSON document that is an array is unreadable as a template, not "some other file": skipping it would let a
     * template wrapped in brackets pass unread. The one array format that belongs next to templates, a
     * CloudFormation parameters file ([{"ParameterKey": .., "ParameterValue": ..}]), is recognised and skipped.
     */
    private static TemplateNode notAnArray(String source, TemplateNode root) throws TemplateParseException {
        if (!root.isList()) {
            return root;
        }
        boolean parametersFile = !root.items().isEmpty() && root.items().stream()
                .allMatch(item -> item.isMap() && item.get("ParameterKey") != null);
        throw new TemplateParseException(source, root.line(), root.column(), parametersFile
                ? "a CloudFormation parameters file, not a template"
                : "the JSON document is an array; a template is a JSON object", parametersFile);
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
        // Validated through a small buffer, then decoded once: a 10 MB template must not cost a 20 MB char array
        // on top of its bytes and its String.
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                int offset = in.position();
                throw new TemplateParseException(source, lineOf(bytes, offset), columnOf(bytes, offset),
                        "invalid UTF-8 (byte 0x" + Integer.toHexString(bytes[offset] & 0xff) + " at offset " + offset + ")");
            }
            out.clear();
            if (result.isUnderflow()) {
                break;
            }
        }
        return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
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
