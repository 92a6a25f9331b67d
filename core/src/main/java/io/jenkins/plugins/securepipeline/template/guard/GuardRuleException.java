package io.jenkins.plugins.securepipeline.template.guard;

/**
 * A Guard rule file that cannot be used: a syntax error or a construct this engine does not support. The message
 * names the file, the line and column, and the construct, so a rule is never passed silently.
 */
public final class GuardRuleException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;

    public GuardRuleException(String file, int line, int column, String problem) {
        super(file + ":" + line + ":" + column + ": " + problem);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public String file() { return file; }
    public int line() { return line; }
    public int column() { return column; }
}
