package io.jenkins.plugins.securepipeline.template;

/**
 * A template could not be read safely. The message always names the file and, where known, line and column
 * ({@code path:line:column: problem}), so users never need a stack trace to find the mistake.
 */
public final class TemplateParseException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;
    private final boolean notATemplate;

    public TemplateParseException(String source, int line, int column, String problem) {
        this(source, line, column, problem, false);
    }

    /**
     * @param notATemplate the file is readable but can never be a CloudFormation template (for example a
     *     multi-document YAML stream such as a Kubernetes manifest); directory scans skip such files
     */
    public TemplateParseException(String source, int line, int column, String problem, boolean notATemplate) {
        super(source + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + problem);
        this.line = line;
        this.column = column;
        this.notATemplate = notATemplate;
    }

    public boolean notATemplate() { return notATemplate; }

    public int line() { return line; }
    public int column() { return column; }
}
