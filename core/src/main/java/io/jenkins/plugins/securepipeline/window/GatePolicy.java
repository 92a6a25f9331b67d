package io.jenkins.plugins.securepipeline.window;

/**
 * How the gate treats what the calendar cannot answer, and an explicit override.
 *
 * @param failOpen true only when the caller explicitly accepts that an unreadable calendar or an unreachable
 *     Change Calendar lets changes through; the default is to fail closed
 * @param breakGlass an override of a closed gate, or null
 */
public record GatePolicy(boolean failOpen, BreakGlass breakGlass) {
    public static GatePolicy failClosed() {
        return new GatePolicy(false, null);
    }

    public GatePolicy withBreakGlass(BreakGlass override) {
        return new GatePolicy(failOpen, override);
    }
}
