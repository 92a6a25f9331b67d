package io.jenkins.plugins.securepipeline.window;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.CalendarState;
import software.amazon.awssdk.services.ssm.model.GetCalendarStateRequest;
import software.amazon.awssdk.services.ssm.model.GetCalendarStateResponse;
import software.amazon.awssdk.services.ssm.model.SsmException;

/**
 * Asks AWS Systems Manager for a Change Calendar's state ({@code GetCalendarState} with {@code AtTime}). The client
 * (region, endpoint, credentials, proxy) is built by the caller's AWS settings; this class only asks the question
 * and turns every failure into a {@link WindowUnavailableException}, which closes the gate.
 */
public final class SsmChangeCalendar implements ChangeCalendarStates {
    private final SsmClient ssm;

    public SsmChangeCalendar(SsmClient ssm) {
        this.ssm = Objects.requireNonNull(ssm);
    }

    @Override
    public ChangeCalendarState stateAt(String nameOrArn, Instant at) {
        GetCalendarStateResponse response;
        try {
            response = ssm.getCalendarState(GetCalendarStateRequest.builder()
                    .calendarNames(nameOrArn)
                    .atTime(at.toString())
                    .build());
        } catch (SsmException e) {
            String code = e.awsErrorDetails() == null ? "error" : e.awsErrorDetails().errorCode();
            String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
            throw new WindowUnavailableException("Change Calendar '" + nameOrArn + "': SSM refused GetCalendarState ("
                    + code + (message == null ? "" : ": " + message) + ")");
        } catch (SdkException e) {
            throw new WindowUnavailableException("Change Calendar '" + nameOrArn + "' is unreachable: " + e.getMessage());
        }
        CalendarState state = response.state();
        if (state != CalendarState.OPEN && state != CalendarState.CLOSED) {
            throw new WindowUnavailableException("Change Calendar '" + nameOrArn + "': unexpected state '"
                    + response.stateAsString() + "'");
        }
        return new ChangeCalendarState(state == CalendarState.OPEN, instant(response.atTime(), at, nameOrArn),
                response.nextTransitionTime() == null || response.nextTransitionTime().isBlank()
                        ? null : instant(response.nextTransitionTime(), null, nameOrArn));
    }

    private static Instant instant(String text, Instant fallback, String calendar) {
        if (text == null || text.isBlank()) {
            if (fallback != null) {
                return fallback;
            }
            throw new WindowUnavailableException("Change Calendar '" + calendar + "': missing time in the answer");
        }
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException again) {
                throw new WindowUnavailableException("Change Calendar '" + calendar + "': '" + text + "' is not an ISO-8601 time");
            }
        }
    }
}
