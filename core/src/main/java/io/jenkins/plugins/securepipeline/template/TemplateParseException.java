package io.jenkins.plugins.securepipeline.template;

/**
 * A template could not be read safely. The message always names the file and, where known, line and column
 * ({@code path:line:column: problem}), so users never need a stack trace to find the mistake.
 */
public final class TemplateParseException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;

    public TemplateParseException(String source, int line, int column, String problem) {
        super(source + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + problem);
        this.line = line;
        this.column = column;
    }

    public int line() { return line; }
    public int column() { return column; }
}
