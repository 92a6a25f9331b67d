package io.jenkins.plugins.securepipeline.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * An append-only audit log: one JSON object per line, each line carrying the SHA-256 of the line before it.
 * The chain makes an edited, removed or reordered line detectable by {@link #read}: an administrator can prove
 * the log is the one the controller wrote, not only that it parses.
 *
 * <p>Appends take an exclusive file lock and read the chain's last hash from the file itself, so several writers
 * (the controller, a CLI run on the same host) keep one valid chain.
 */
public final class AuditLog {
    /** The {@code previous} value of the first line. */
    static final String GENESIS = "sha256:" + "0".repeat(64);
    /** Bounds one line; an event is a handful of identifiers, so anything larger is a bug, not an event. */
    static final int MAX_LINE_BYTES = 64 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * File locks guard against other processes only; within this JVM a second lock attempt on the same file
     * throws, so writers in this JVM queue on a monitor per file first.
     */
    private static final ConcurrentMap<Path, Object> WRITERS_IN_THIS_JVM = new ConcurrentHashMap<>();

    private final Path file;

    public AuditLog(Path file) {
        this.file = file.toAbsolutePath();
    }

    public Path file() {
        return file;
    }

    public void append(AuditEvent event) throws IOException {
        Path parent = file.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        synchronized (WRITERS_IN_THIS_JVM.computeIfAbsent(file.normalize(), path -> new Object())) {
            appendLocked(event);
        }
    }

    private void appendLocked(AuditEvent event) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            String previous = lastLineHash(channel);
            byte[] line = (toJson(event, previous) + "\n").getBytes(StandardCharsets.UTF_8);
            if (line.length > MAX_LINE_BYTES) {
                throw new IllegalArgumentException("audit event of " + line.length + " bytes is over the "
                        + MAX_LINE_BYTES + "-byte limit of one log line");
            }
            channel.position(channel.size());
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        }
    }

    /** Reads every event and checks the chain; problems are listed with their line numbers, never thrown. */
    public static AuditLogContents read(Path file) throws IOException {
        List<AuditEvent> events = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!Files.exists(file)) {
            return new AuditLogContents(events, problems);
        }
        // Hashes are over the exact bytes written, so split bytes, not decoded text.
        byte[] all = Files.readAllBytes(file);
        String expectedPrevious = GENESIS;
        int lineNumber = 0;
        int start = 0;
        while (start < all.length) {
            lineNumber++;
            int end = start;
            while (end < all.length && all[end] != '\n') {
                end++;
            }
            if (end == all.length) {
                problems.add("line " + lineNumber + ": incomplete, the writer stopped mid-line");
                break;
            }
            byte[] line = Arrays.copyOfRange(all, start, end);
            try {
                JsonNode node = JSON.readTree(line);
                if (!expectedPrevious.equals(text(node, "previous"))) {
                    problems.add("line " + lineNumber
                            + ": chain broken, the line before it was changed or lines were removed or reordered");
                }
                events.add(fromJson(node));
            } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
                problems.add("line " + lineNumber + ": not an audit event (" + e.getClass().getSimpleName() + ")");
            }
            expectedPrevious = hash(line);
            start = end + 1;
        }
        return new AuditLogContents(events, problems);
    }

    /** The hash of the last complete line, found by reading backwards from the end (the log may be large). */
    private String lastLineHash(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0) {
            return GENESIS;
        }
        int window = (int) Math.min(size, MAX_LINE_BYTES + 1L);
        ByteBuffer tail = ByteBuffer.allocate(window);
        channel.read(tail, size - window);
        byte[] bytes = tail.array();
        if (bytes[window - 1] != '\n') {
            throw new IOException(file + " does not end with a complete line; repair the log "
                    + "(its last line was cut off) before more events are appended");
        }
        int start = window - 2;
        while (start >= 0 && bytes[start] != '\n') {
            start--;
        }
        if (start < 0 && window < size) {
            throw new IOException(file + " has a last line over " + MAX_LINE_BYTES + " bytes");
        }
        byte[] line = Arrays.copyOfRange(bytes, start + 1, window - 1);
        return hash(line);
    }

    private static String toJson(AuditEvent event, String previous) throws JsonProcessingException {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("time", event.time().toString());
        fields.put("step", event.step());
        fields.put("outcome", event.outcome().name());
        fields.put("reason", event.reason());
        fields.put("actor", event.actor());
        fields.put("build", event.build());
        fields.put("subject", event.subject());
        fields.put("previous", previous);
        return JSON.writeValueAsString(fields);
    }

    private static AuditEvent fromJson(JsonNode node) {
        Map<String, String> subject = new LinkedHashMap<>();
        JsonNode subjectNode = node.get("subject");
        if (subjectNode != null && subjectNode.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = subjectNode.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                subject.put(field.getKey(), field.getValue().asText());
            }
        }
        return new AuditEvent(Instant.parse(text(node, "time")), text(node, "step"),
                AuditOutcome.valueOf(text(node, "outcome")), text(node, "reason"), text(node, "actor"),
                text(node, "build"), subject);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("missing field " + field);
        }
        return value.asText();
    }

    static String hash(byte[] line) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(line));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
