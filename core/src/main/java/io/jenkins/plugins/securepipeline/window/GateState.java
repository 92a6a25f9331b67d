package io.jenkins.plugins.securepipeline.window;

/** Whether a change may proceed now. */
public enum GateState {
    OPEN,
    CLOSED
}
