package io.jenkins.plugins.securepipeline.template;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Builds the tree from SnakeYAML Engine's event stream rather than its composer: the event parser is not
 * recursive, so a 10,000-deep document cannot overflow the stack, and doing aliases and merge keys here lets
 * us count the expanded size of every alias before anything walks the tree.
 */
final class YamlTemplateParser {
    private static final String MERGE_KEY = "<<";

    private final String source;
    private final ReaderLimits limits;
    private final boolean keepNulls;
    private final Map<String, Built> anchors = new HashMap<>();
    private int aliases;
    private static final int SHARED_TEXT_LENGTH = 64;
    private final Map<String, String> texts = new HashMap<>();
    private LongRuns longRuns;

    /** A finished node and how many nodes it stands for once aliases are expanded. */
    private record Built(TemplateNode node, long weight, boolean mergeKey) {}

    /** A map or list being filled; for a map, children alternate key, value. */
    private static final class Frame {
        final boolean map;
        final String tag;
        final String anchor;
        final int line;
        final int column;
        final List<Built> children = new ArrayList<>();

        Frame(boolean map, String tag, String anchor, int line, int column) {
            this.map = map;
            this.tag = tag;
            this.anchor = anchor;
            this.line = line;
            this.column = column;
        }
    }

    YamlTemplateParser(String source, ReaderLimits limits) {
        this(source, limits, false);
    }

    YamlTemplateParser(String source, ReaderLimits limits, boolean keepNulls) {
        this.source = source;
        this.limits = limits;
        this.keepNulls = keepNulls;
    }

    TemplateNode parse(String file) throws TemplateParseException {
        // Very long unbroken runs (one-line base64) are given to SnakeYAML as short stand-ins: see LongRuns.
        longRuns = LongRuns.of(file);
        String text = longRuns.text();
        LoadSettings settings = LoadSettings.builder()
                .setLabel(source)
                .setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxBytes() + 1))
                .setMaxAliasesForCollections(limits.maxAliases())
                .setAllowRecursiveKeys(false)
                // SnakeYAML's reader copies its window of the input each time it reads another buffer's worth while
                // a token is open, so a 9 MB scalar read 1 KB at a time is quadratic (minutes); 256 KB reads make it
                // a few dozen copies.
                .setBufferSize((int) Math.max(1024, Math.min(text.length() + 1L, 256 * 1024)))
                .build();
        Deque<Frame> stack = new ArrayDeque<>();
        Built root = null;
        int documents = 0;
        int secondDocumentLine = 0;
        boolean templateLike = false;
        try {
            for (Event event : new Parse(settings).parseString(text)) {
                switch (event.getEventId()) {
                    case DocumentStart:
                        documents++;
                        if (documents == 2) {
                            secondDocumentLine = line(event);
                        }
                        if (root != null) {
                            templateLike |= looksLikeTemplate(root.node());
                            root = null;
                        }
                        break;
                    case MappingStart:
                    case SequenceStart:
                        if (stack.size() >= limits.maxDepth()) {
                            throw error(event, "nesting deeper than " + limits.maxDepth() + " levels");
                        }
                        CollectionStartEvent start = (CollectionStartEvent) event;
                        stack.push(new Frame(event.getEventId() == Event.ID.MappingStart, start.getTag().orElse(null),
                                anchorOf(start), line(event), column(event)));
                        break;
                    case MappingEnd:
                    case SequenceEnd:
                        Frame done = stack.pop();
                        Built built = done.map ? finishMap(done) : finishList(done);
                        built = tagged(done.tag, built);
                        remember(done.anchor, built);
                        root = attach(stack, built, root);
                        break;
                    case Scalar:
                        ScalarEvent scalar = (ScalarEvent) event;
                        boolean plain = scalar.isPlain();
                        String value = longRuns.restore(scalar.getValue());
                        TemplateNode node = TemplateNode.scalar(shared(value), plain, line(event), column(event));
                        Built leaf = new Built(node, 1, plain && MERGE_KEY.equals(scalar.getValue())
                                && scalar.getTag().isEmpty());
                        leaf = tagged(scalar.getTag().orElse(null), leaf);
                        remember(anchorOf(scalar), leaf);
                        root = attach(stack, leaf, root);
                        break;
                    case Alias:
                        AliasEvent alias = (AliasEvent) event;
                        String name = alias.getAlias().getValue();
                        Built target = anchors.get(name);
                        if (target == null) {
                            throw error(event, "alias *" + name + " refers to no anchor defined before it");
                        }
                        if (++aliases > limits.maxAliases()) {
                            throw error(event, "more than " + limits.maxAliases() + " aliases");
                        }
                        Built copy = new Built(target.node().at(line(event), column(event)), target.weight(), false);
                        root = attach(stack, copy, root);
                        break;
                    default:
                        break;
                }
            }
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
            String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
            if (e.getContext() != null && !e.getContext().isBlank()) {
                problem = e.getContext().trim() + ": " + problem;
            }
            throw new TemplateParseException(source, mark.map(m -> m.getLine() + 1).orElse(0),
                    mark.map(m -> longRuns.column(m.getLine(), m.getColumn()) + 1).orElse(0),
                    "invalid YAML: " + oneLine(problem));
        } catch (YamlEngineException e) {
            throw new TemplateParseException(source, 0, 0, "invalid YAML: " + oneLine(String.valueOf(e.getMessage())));
        }
        if (documents > 1) {
            // A stream of documents is never deployed as a template. One that has a document that looks like a
            // template is refused (unreadable), so a template cannot be hidden behind a "---"; other streams
            // (Kubernetes manifests) are not templates and a directory scan skips them.
            templateLike |= root != null && looksLikeTemplate(root.node());
            throw new TemplateParseException(source, secondDocumentLine, 0, "more than one YAML document; a template"
                    + " is a single document" + (templateLike ? " (and one of these documents looks like a template)" : ""),
                    !templateLike);
        }
        if (root == null) {
            throw new TemplateParseException(source, 0, 0, "empty document");
        }
        return root.node();
    }

    /**
     * One String instance per distinct short text: keys and values such as "Type", "Properties", "tcp" or
     * "AWS::S3::Bucket" repeat thousands of times in a large template.
     */
    private String shared(String text) {
        if (text.length() > SHARED_TEXT_LENGTH) {
            return text;
        }
        String known = texts.putIfAbsent(text, text);
        return known == null ? text : known;
    }

    /** A map with a key only a CloudFormation or SAM template has at the top. */
    static boolean looksLikeTemplate(TemplateNode node) {
        return node.isMap() && (node.get("Resources") != null || node.get("AWSTemplateFormatVersion") != null
                || node.get("Transform") != null);
    }

    private Built attach(Deque<Frame> stack, Built built, Built root) throws TemplateParseException {
        if (built.weight() > limits.maxExpandedNodes()) {
            throw new TemplateParseException(source, built.node().line(), built.node().column(),
                    "aliases expand to more than " + limits.maxExpandedNodes() + " nodes (a \"billion laughs\" document?)");
        }
        if (stack.isEmpty()) {
            return built;
        }
        stack.peek().children.add(built);
        return root;
    }

    private void remember(String anchor, Built built) {
        if (anchor != null) {
            anchors.put(anchor, built);
        }
    }

    private Built tagged(String tag, Built built) {
        TemplateNode node = ShortFormTags.apply(tag, built.node());
        return node == built.node() ? built : new Built(node, built.weight() + 1, false);
    }

    private Built finishList(Frame frame) {
        List<TemplateNode> items = new ArrayList<>(frame.children.size());
        long weight = 1;
        for (Built child : frame.children) {
            items.add(child.node());
            weight += child.weight();
        }
        return new Built(TemplateNode.list(items, frame.line, frame.column), weight, false);
    }

    private Built finishMap(Frame frame) throws TemplateParseException {
        Map<String, TemplateNode> explicit = new LinkedHashMap<>();
        List<TemplateNode> merged = new ArrayList<>();
        long weight = 1;
        for (int i = 0; i + 1 < frame.children.size(); i += 2) {
            Built key = frame.children.get(i);
            Built value = frame.children.get(i + 1);
            weight += key.weight() + value.weight();
            if (key.mergeKey()) {
                merged.add(value.node());
                continue;
            }
            if (!key.node().isScalar()) {
                throw new TemplateParseException(source, key.node().line(), key.node().column(),
                        "a mapping key must be a plain string, not a map, list or function");
            }
            String name = key.node().text();
            TemplateNode previous = explicit.put(name, value.node());
            if (previous != null) {
                throw new TemplateParseException(source, key.node().line(), key.node().column(),
                        "duplicate key '" + name + "' (first defined at line " + lineOfKey(frame, name) + "); "
                                + "only one of the values would be deployed");
            }
        }
        Map<String, TemplateNode> entries = new LinkedHashMap<>(explicit);
        // YAML merge keys: explicit keys win, then earlier merge sources win over later ones.
        for (TemplateNode source : merged) {
            for (TemplateNode part : source.isList() ? source.items() : List.of(source)) {
                if (!part.isMap()) {
                    throw new TemplateParseException(this.source, part.line(), part.column(),
                            "a merge key '<<' needs a map or a list of maps");
                }
                part.entries().forEach(entries::putIfAbsent);
            }
        }
        // "Properties:" or "AccessLogSetting:" with nothing after it is a null: the key counts as absent, so a rule
        // sees "not set" (and a resource with "Properties:" alone is checked as having no properties).
        if (!keepNulls) {
            entries.values().removeIf(TemplateNode::isNull);
        }
        return new Built(TemplateNode.map(entries, frame.line, frame.column), weight, false);
    }

    private static int lineOfKey(Frame frame, String name) {
        for (int i = 0; i < frame.children.size(); i += 2) {
            TemplateNode key = frame.children.get(i).node();
            if (key.isScalar() && key.text().equals(name)) {
                return key.line();
            }
        }
        return 0;
    }

    private static String anchorOf(NodeEvent event) {
        return event.getAnchor().map(a -> a.getValue()).orElse(null);
    }

    private static int line(Event event) {
        return event.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    private int column(Event event) {
        return event.getStartMark().map(m -> longRuns.column(m.getLine(), m.getColumn()) + 1).orElse(0);
    }

    private TemplateParseException error(Event event, String problem) {
        return new TemplateParseException(source, line(event), column(event), problem);
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }
}
