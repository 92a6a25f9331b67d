package io.jenkins.plugins.securepipeline.template.baseline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.jenkins.plugins.securepipeline.files.UserFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline file: JSON, one entry per line so a review sees one line per accepted finding.
 *
 * <pre>
 * {
 *   "format": "aws-secure-pipeline scan-template baseline",
 *   "formatVersion": 1,
 *   "toolVersion": "1.2.0",
 *   "entries": [
 *     {"rule": "ASP-S3-005", "file": "infra/app.yaml", "resource": "Logs", "severity": "MEDIUM", "message": "..."}
 *   ]
 * }
 * </pre>
 *
 * <p>Reading is fail-closed where meaning is at stake and tolerant elsewhere: a missing or other {@code format} or
 * {@code formatVersion} is refused (a later version may match differently, and guessing could accept findings
 * nobody accepted), as are a missing entry field, a value of the wrong type, duplicate keys and anything that is not
 * JSON; fields this version does not know, at the top or in entries, are ignored (so a later version can add
 * information without breaking older readers, as long as matching stays the same; a change to matching raises
 * the version). Read with core's bounded reader: a regular file of at most {@link Baseline#MAX_BYTES}.
 */
final class BaselineFile {
    static final String FORMAT = "aws-secure-pipeline scan-template baseline";
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private BaselineFile() {}

    static Baseline read(Path file) throws IOException {
        try (InputStream in = UserFiles.open(file, Baseline.MAX_BYTES); JsonParser json = FACTORY.createParser(in)) {
            return new Reader(file, json).read();
        } catch (JsonProcessingException e) {
            throw problem(file, e.getLocation(), "not valid JSON: " + firstLine(e.getOriginalMessage()));
        }
    }

    /** Reads one document, remembering the first problem in an entry until the format and version are known good. */
    private static final class Reader {
        private final Path file;
        private final JsonParser json;
        private final Map<String, String> shared = new HashMap<>();
        private BaselineException entryProblem;

        Reader(Path file, JsonParser json) {
            this.file = file;
            this.json = json;
        }

        Baseline read() throws IOException {
            JsonToken first = json.nextToken();
            if (first == null) {
                throw problem(file, null, "is empty, not a baseline");
            }
            if (first != JsonToken.START_OBJECT) {
                throw problem(file, json.currentTokenLocation(), "a baseline is a JSON object with \"format\": \""
                        + FORMAT + "\"");
            }
            String format = null;
            JsonLocation formatAt = null;
            Long version = null;
            JsonLocation versionAt = null;
            String toolVersion = null;
            List<BaselineEntry> entries = null;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                JsonToken value = json.nextToken();
                switch (name) {
                    case "format":
                        formatAt = json.currentTokenLocation();
                        format = value == JsonToken.VALUE_STRING ? json.getText() : "";
                        json.skipChildren();
                        break;
                    case "formatVersion":
                        versionAt = json.currentTokenLocation();
                        if (value != JsonToken.VALUE_NUMBER_INT) {
                            throw problem(file, versionAt, "formatVersion must be a whole number");
                        }
                        version = json.getNumberType() == JsonParser.NumberType.INT
                                || json.getNumberType() == JsonParser.NumberType.LONG ? json.getLongValue() : -1L;
                        break;
                    case "toolVersion":
                        toolVersion = value == JsonToken.VALUE_STRING ? json.getText() : null;
                        json.skipChildren();
                        break;
                    case "entries":
                        entries = entries(value);
                        break;
                    default:
                        json.skipChildren(); // tolerant: a later version may add information
                        break;
                }
            }
            if (json.nextToken() != null) {
                throw problem(file, json.currentTokenLocation(), "unexpected content after the baseline object");
            }
            if (format == null) {
                throw problem(file, null, "not a scan-template baseline (no \"format\": \"" + FORMAT + "\")");
            }
            if (!format.equals(FORMAT)) {
                throw problem(file, formatAt, "not a scan-template baseline (format is not \"" + FORMAT + "\")");
            }
            if (version == null) {
                throw problem(file, null, "no formatVersion (this version reads formatVersion "
                        + Baseline.FORMAT_VERSION + ")");
            }
            if (version != Baseline.FORMAT_VERSION) {
                throw problem(file, versionAt, "formatVersion " + (version < 0 ? "out of range" : version)
                        + " is not supported (this version reads formatVersion " + Baseline.FORMAT_VERSION
                        + "); use the secure-pipeline version that wrote it, or create the baseline again");
            }
            if (entryProblem != null) {
                throw entryProblem;
            }
            if (entries == null) {
                throw problem(file, null, "no \"entries\" list");
            }
            return new Baseline(toolVersion, entries);
        }

        private List<BaselineEntry> entries(JsonToken value) throws IOException {
            if (value != JsonToken.START_ARRAY) {
                remember(json.currentTokenLocation(), "\"entries\" must be a list");
                json.skipChildren();
                return List.of();
            }
            List<BaselineEntry> entries = new ArrayList<>();
            JsonToken token;
            while ((token = json.nextToken()) != JsonToken.END_ARRAY) {
                JsonLocation at = json.currentTokenLocation();
                if (token != JsonToken.START_OBJECT) {
                    remember(at, "an entry must be an object");
                    json.skipChildren();
                    continue;
                }
                BaselineEntry entry = entry(at);
                if (entry != null) {
                    entries.add(entry);
                }
            }
            return entries;
        }

        /** One entry object, the parser on its start; null (and the problem remembered) when it is not usable. */
        private BaselineEntry entry(JsonLocation at) throws IOException {
            Map<String, String> fields = new HashMap<>();
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                JsonToken value = json.nextToken();
                switch (name) {
                    case "rule":
                    case "file":
                    case "resource":
                    case "message":
                    case "severity":
                        if (value != JsonToken.VALUE_STRING) {
                            remember(json.currentTokenLocation(), "entry field \"" + name + "\" must be a string");
                            json.skipChildren();
                        } else {
                            fields.put(name, shared(json.getText()));
                        }
                        break;
                    default:
                        json.skipChildren(); // tolerant, as at the top level
                        break;
                }
            }
            for (String required : List.of("rule", "file", "resource", "message")) {
                String text = fields.get(required);
                if (text == null || text.isBlank()) {
                    remember(at, "entry without \"" + required + "\"");
                    return null;
                }
            }
            return new BaselineEntry(fields.get("rule"), fields.get("file"), fields.get("resource"),
                    fields.get("message"), fields.get("severity"));
        }

        /** Thousands of entries name the same few files, rules and resources: keep one copy of each text. */
        private String shared(String text) {
            if (text.length() > 200) {
                return text;
            }
            String known = shared.putIfAbsent(text, text);
            return known == null ? text : known;
        }

        private void remember(JsonLocation at, String message) {
            if (entryProblem == null) {
                entryProblem = problem(file, at, message);
            }
        }
    }

    private static BaselineException problem(Path file, JsonLocation at, String message) {
        String where = at == null || at.getLineNr() <= 0 ? ""
                : ":" + at.getLineNr() + (at.getColumnNr() > 0 ? ":" + at.getColumnNr() : "");
        return new BaselineException(file + where + ": " + message);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unreadable";
        }
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }

    /**
     * Writes into a temporary file beside the target, forces it to disk, then renames it over the target: a reader
     * (or a crash) sees the old baseline or the new one, never a part.
     */
    static void write(Baseline baseline, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path directory = target.getParent();
        Files.createDirectories(directory);
        // Not Files.createTempFile: its owner-only permissions would replace those of the file committed before.
        Path temporary = Files.createFile(directory.resolve("." + target.getFileName() + "."
                + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp"));
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                Writer out = Channels.newWriter(channel, StandardCharsets.UTF_8);
                render(baseline, out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The file's text; entries in the order of {@link BaselineEntry#ORDER}. */
    static void render(Baseline baseline, Writer out) throws IOException {
        List<BaselineEntry> entries = new ArrayList<>(baseline.entries());
        entries.sort(BaselineEntry.ORDER);
        out.write("{\n  \"format\": " + quoted(FORMAT) + ",\n  \"formatVersion\": " + Baseline.FORMAT_VERSION
                + ",\n  \"toolVersion\": " + quoted(baseline.toolVersion() == null ? "unknown" : baseline.toolVersion())
                + ",\n  \"entries\": [");
        for (int i = 0; i < entries.size(); i++) {
            BaselineEntry entry = entries.get(i);
            out.write(i == 0 ? "\n    " : ",\n    ");
            out.write("{\"rule\": " + quoted(entry.rule()) + ", \"file\": " + quoted(entry.file()) + ", \"resource\": "
                    + quoted(entry.resource()) + (entry.severity() == null ? "" : ", \"severity\": "
                    + quoted(entry.severity())) + ", \"message\": " + quoted(entry.message()) + "}");
        }
        out.write(entries.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
    }

    private static String quoted(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }
}
