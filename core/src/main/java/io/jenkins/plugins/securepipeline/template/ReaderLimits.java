package io.jenkins.plugins.securepipeline.template;

/**
 * Bounds that keep a hostile file from exhausting memory or time. CloudFormation itself accepts at most 1 MB
 * (S3-hosted) so the defaults leave generous room for SAM and hand-written templates.
 *
 * @param maxBytes largest file read at all
 * @param maxDepth deepest nesting of maps and lists
 * @param maxAliases how many YAML aliases a document may use
 * @param maxExpandedNodes how many nodes the document would have if every alias were copied out; this is what
 *     stops "billion laughs" documents, which are small on disk but exponential once expanded
 */
public record ReaderLimits(long maxBytes, int maxDepth, int maxAliases, long maxExpandedNodes) {
    public static final ReaderLimits DEFAULT = new ReaderLimits(10L * 1024 * 1024, 200, 1_000, 2_000_000);
}
