package io.jenkins.plugins.securepipeline.window;

import java.time.Instant;

/** The state of an AWS Systems Manager Change Calendar at an instant ({@code GetCalendarState}). */
public interface ChangeCalendarStates {
    /**
     * @throws WindowUnavailableException when the calendar cannot be asked (unreachable, denied, unknown)
     */
    ChangeCalendarState stateAt(String nameOrArn, Instant at);
}
