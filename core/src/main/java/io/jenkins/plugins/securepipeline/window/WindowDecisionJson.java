package io.jenkins.plugins.securepipeline.window;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The JSON form of a decision (the CLI contract, also what the Jenkins step archives):
 * {@code {"decision","at","reasons":[{"window","kind","start","end","message"}],"closedUntil","nextClosure"}},
 * plus {@code breakGlass}, {@code failedOpen} and {@code upcoming} when they apply. Instants are ISO-8601 with
 * the offset of the calendar's zone.
 */
public final class WindowDecisionJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private WindowDecisionJson() {}

    public static String write(WindowDecision decision, UpcomingWindows upcoming, ZoneId zone) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("decision", decision.state().name());
        root.put("at", instant(decision.at(), zone));
        ArrayNode reasons = root.putArray("reasons");
        for (WindowReason reason : decision.reasons()) {
            ObjectNode node = reasons.addObject();
            node.put("window", reason.window());
            node.put("kind", reason.kind());
            node.put("start", instant(reason.start(), zone));
            node.put("end", instant(reason.end(), zone));
            node.put("message", reason.message());
        }
        root.put("closedUntil", instant(decision.closedUntil(), zone));
        root.put("nextClosure", instant(decision.nextClosure(), zone));
        if (decision.calendarState() != decision.state()) {
            root.put("calendarDecision", decision.calendarState().name());
        }
        if (decision.breakGlass() != null) {
            ObjectNode override = root.putObject("breakGlass");
            override.put("approver", decision.breakGlass().approver());
            override.put("reason", decision.breakGlass().reason());
        }
        if (decision.failedOpen()) {
            root.put("failedOpen", true);
        }
        if (upcoming != null) {
            ObjectNode period = root.putObject("period");
            period.put("from", instant(upcoming.from(), zone));
            period.put("to", instant(upcoming.to(), zone));
            ArrayNode list = root.putArray("upcoming");
            for (Occurrence occurrence : upcoming.occurrences()) {
                ObjectNode node = list.addObject();
                node.put("window", occurrence.window());
                node.put("kind", occurrence.kind().label());
                node.put("start", instant(occurrence.start(), zone));
                node.put("end", instant(occurrence.end(), zone));
            }
            ArrayNode closed = root.putArray("closedPeriods");
            for (TimeSpan span : upcoming.closedPeriods()) {
                ObjectNode node = closed.addObject();
                node.put("start", instant(span.start(), zone));
                node.put("end", instant(span.end(), zone));
            }
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e); // a tree of strings always serialises
        }
    }

    /** ISO-8601 with the zone's offset at that instant, e.g. {@code 2026-11-23T10:00:00+01:00}; null stays null. */
    public static String instant(Instant instant, ZoneId zone) {
        return instant == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone).toOffsetDateTime());
    }
}
