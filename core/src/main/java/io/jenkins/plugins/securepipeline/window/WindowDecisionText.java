package io.jenkins.plugins.securepipeline.window;

import java.time.ZoneId;

/** The decision as a few lines for a console or build log. */
public final class WindowDecisionText {
    private WindowDecisionText() {}

    public static String write(WindowDecision decision, ZoneId zone) {
        StringBuilder text = new StringBuilder();
        text.append(decision.state()).append(" at ").append(WindowDecisionJson.instant(decision.at(), zone)).append('\n');
        if (decision.breakGlass() != null) {
            text.append("  break-glass by ").append(decision.breakGlass().approver()).append(": ")
                    .append(decision.breakGlass().reason()).append(" (the calendar says ").append(decision.calendarState())
                    .append(")\n");
        }
        if (decision.failedOpen()) {
            text.append("  FAILED OPEN: the calendar could not be fully evaluated and fail-open was requested\n");
        }
        for (WindowReason reason : decision.reasons()) {
            text.append("  ").append(WindowReason.ERROR.equals(reason.kind()) ? "error: " : "").append(reason.message());
            if (reason.start() != null) {
                text.append(" (").append(WindowDecisionJson.instant(reason.start(), zone)).append(" to ")
                        .append(WindowDecisionJson.instant(reason.end(), zone)).append(')');
            }
            text.append('\n');
        }
        if (decision.calendarState() == GateState.CLOSED) {
            text.append("closed until: ").append(decision.closedUntil() == null
                    ? decision.hasErrors() ? "unknown (fix the problem above)" : "not within " + BlackoutCalendar.SEARCH_HORIZON.toDays() + " days"
                    : WindowDecisionJson.instant(decision.closedUntil(), zone)).append('\n');
        }
        if (!decision.hasErrors()) {
            text.append("next closure: ").append(decision.nextClosure() == null ? "none within "
                    + BlackoutCalendar.SEARCH_HORIZON.toDays() + " days" : WindowDecisionJson.instant(decision.nextClosure(), zone)).append('\n');
        }
        return text.toString();
    }
}
