package io.jenkins.plugins.securepipeline.template;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON templates through Jackson's streaming parser, which reports exact positions; depth is bounded. */
final class JsonTemplateParser {
    private final String source;
    private final ReaderLimits limits;
    private final JsonFactory factory;
    private final boolean keepNulls;
    private final Map<String, String> texts = new java.util.HashMap<>();

    JsonTemplateParser(String source, ReaderLimits limits, JsonFactory factory) {
        this(source, limits, factory, false);
    }

    JsonTemplateParser(String source, ReaderLimits limits, JsonFactory factory, boolean keepNulls) {
        this.source = source;
        this.limits = limits;
        this.factory = factory;
        this.keepNulls = keepNulls;
    }

    /** One factory per reader: factories are thread-safe and costly to build, parsers are cheap. */
    static JsonFactory factory(ReaderLimits limits) {
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth() + 10) // our own check, with a position, comes first
                        .maxStringLength((int) Math.min(Integer.MAX_VALUE, limits.maxBytes()))
                        .build())
                .build();
    }

    TemplateNode parse(String text) throws TemplateParseException {
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new TemplateParseException(source, 0, 0, "empty document");
            }
            TemplateNode root = value(parser, 0);
            if (parser.nextToken() != null) {
                throw error(parser.currentTokenLocation(), "unexpected content after the end of the JSON document");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            throw new TemplateParseException(source, location == null ? 0 : location.getLineNr(),
                    location == null ? 0 : location.getColumnNr(), "invalid JSON: " + e.getOriginalMessage()
                            .replaceAll("\\s+", " "));
        } catch (IOException e) {
            throw new TemplateParseException(source, 0, 0, "cannot read JSON: " + e.getMessage());
        }
    }

    private TemplateNode value(JsonParser parser, int depth) throws IOException, TemplateParseException {
        JsonLocation at = parser.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        JsonToken token = parser.currentToken();
        if (depth > limits.maxDepth()) {
            throw error(at, "nesting deeper than " + limits.maxDepth() + " levels");
        }
        switch (token) {
            case START_OBJECT: {
                Map<String, TemplateNode> entries = new LinkedHashMap<>();
                Map<String, Integer> keyLines = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    JsonLocation keyAt = parser.currentTokenLocation();
                    parser.nextToken();
                    TemplateNode child = value(parser, depth + 1);
                    if (entries.put(key, child) != null) {
                        throw error(keyAt, "duplicate key '" + key + "' (first defined at line " + keyLines.get(key)
                                + "); only one of the values would be deployed");
                    }
                    keyLines.put(key, keyAt.getLineNr());
                }
                if (!keepNulls) {
                    entries.values().removeIf(TemplateNode::isNull); // null means absent, as in the YAML parser
                }
                return TemplateNode.map(entries, line, column);
            }
            case START_ARRAY: {
                List<TemplateNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(parser, depth + 1));
                }
                return TemplateNode.list(items, line, column);
            }
            case VALUE_STRING: {
                // One instance per distinct short text, as in the YAML parser (field names Jackson shares itself).
                String text = parser.getText();
                if (text.length() <= 64) {
                    String known = texts.putIfAbsent(text, text);
                    text = known == null ? text : known;
                }
                return TemplateNode.scalar(text, false, line, column);
            }
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
            case VALUE_TRUE:
            case VALUE_FALSE:
            case VALUE_NULL:
                return TemplateNode.scalar(parser.getText(), true, line, column);
            default:
                throw error(at, "unexpected JSON token " + token);
        }
    }

    private TemplateParseException error(JsonLocation at, String problem) {
        return new TemplateParseException(source, at.getLineNr(), at.getColumnNr(), problem);
    }
}
