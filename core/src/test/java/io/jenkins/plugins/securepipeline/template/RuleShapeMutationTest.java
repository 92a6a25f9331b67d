package io.jenkins.plugins.securepipeline.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Present;
import org.snakeyaml.engine.v2.api.lowlevel.Serialize;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Every rule meets values of the wrong shape without failing. The test templates of all rules are scanned again with
 * each value below a resource's {@code Properties} replaced, one at a time, by a value of another shape: a map or a
 * list gets every replacement (a scalar, a number, null, an empty string, a list, a map, empty ones, an unresolvable
 * Ref), a scalar two of them in turn. CloudFormation might refuse such a template, and a rule may report it or not,
 * but a rule that throws turns the scan into an "internal error", which fails the pipeline for a defect of ours.
 */
class RuleShapeMutationTest {
    private static final List<Supplier<Node>> REPLACEMENTS = List.of(
            () -> scalar(Tag.STR, "x"),
            () -> new SequenceNode(Tag.SEQ, new ArrayList<>(List.of(scalar(Tag.INT, "1"), scalar(Tag.STR, "x"))),
                    FlowStyle.FLOW),
            () -> new MappingNode(Tag.MAP, new ArrayList<>(List.of(new NodeTuple(scalar(Tag.STR, "k"),
                    scalar(Tag.STR, "v")))), FlowStyle.FLOW),
            () -> scalar(Tag.INT, "7"),
            () -> scalar(Tag.NULL, "null"),
            () -> scalar(new Tag("!Ref"), "Nowhere"),
            () -> scalar(Tag.STR, ""),
            () -> new SequenceNode(Tag.SEQ, new ArrayList<>(), FlowStyle.FLOW),
            () -> new MappingNode(Tag.MAP, new ArrayList<>(), FlowStyle.FLOW));

    /** Where a value sits: the list holding it and its index (for a map, the tuple whose value it is). */
    private record Position(List<Object> holder, int index, boolean inMap) {}

    @Test
    void noRuleFailsOnAValueOfAnotherShape(@TempDir Path work) throws Exception {
        URL rules = getClass().getResource("rules");
        assertThat(rules).isNotNull();
        List<Path> templates;
        try (Stream<Path> files = Files.walk(Path.of(rules.toURI()))) {
            templates = files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".json")).sorted()
                    .toList();
        }
        int variants = 0;
        int kind = 0;
        for (Path template : templates) {
            Optional<Node> root = new Compose(LoadSettings.builder().build())
                    .composeString(Files.readString(template, StandardCharsets.UTF_8));
            List<Position> positions = new ArrayList<>();
            Node resources = root.map(r -> value(r, "Resources")).orElse(null);
            if (resources instanceof MappingNode map) {
                for (NodeTuple resource : map.getValue()) {
                    Node properties = value(resource.getValueNode(), "Properties");
                    if (properties != null) {
                        collect(properties, positions);
                    }
                }
            }
            String base = template.getParent().getFileName() + "-" + template.getFileName().toString().replace('.', '-');
            for (int p = 0; p < positions.size(); p++) {
                Position position = positions.get(p);
                Node original = get(position);
                List<Supplier<Node>> replacements = original instanceof ScalarNode
                        ? List.of(REPLACEMENTS.get(kind++ % REPLACEMENTS.size()), REPLACEMENTS.get(kind++ % REPLACEMENTS.size()))
                        : REPLACEMENTS;
                for (int r = 0; r < replacements.size(); r++) {
                    set(position, replacements.get(r).get());
                    Files.writeString(work.resolve(base + "-" + p + "-" + r + ".yaml"), emit(root.get()),
                            StandardCharsets.UTF_8);
                    variants++;
                }
                set(position, original);
            }
        }
        assertThat(variants).as("mutated templates written").isGreaterThan(10_000);

        ScanResult result = new TemplateScanner().scan(List.of(work), Severity.LOW);
        assertThat(result.templates()).as("every variant was scanned").hasSize(variants);
        List<String> internalErrors = result.templates().stream()
                .filter(t -> t.error() != null && t.error().contains("internal error"))
                .map(t -> Path.of(t.path()).getFileName() + ": " + t.error())
                .toList();
        assertThat(internalErrors).as("rules that failed on a value of another shape").isEmpty();
        long read = result.templates().stream().filter(t -> t.error() == null).count();
        assertThat(read).as("variants the reader took (the rules ran on them)").isGreaterThan(variants * 9L / 10);
    }

    /** Every value below {@code node}: map values and list items, depth first. */
    @SuppressWarnings("unchecked")
    private static void collect(Node node, List<Position> out) {
        if (node instanceof MappingNode map) {
            List<Object> tuples = (List<Object>) (List<?>) map.getValue();
            for (int i = 0; i < tuples.size(); i++) {
                out.add(new Position(tuples, i, true));
                collect(((NodeTuple) tuples.get(i)).getValueNode(), out);
            }
        } else if (node instanceof SequenceNode sequence) {
            List<Object> items = (List<Object>) (List<?>) sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                out.add(new Position(items, i, false));
                collect((Node) items.get(i), out);
            }
        }
    }

    private static Node get(Position position) {
        Object held = position.holder().get(position.index());
        return position.inMap() ? ((NodeTuple) held).getValueNode() : (Node) held;
    }

    private static void set(Position position, Node value) {
        Object replacement = position.inMap()
                ? new NodeTuple(((NodeTuple) position.holder().get(position.index())).getKeyNode(), value) : value;
        position.holder().set(position.index(), replacement);
    }

    private static Node value(Node map, String key) {
        if (map instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return tuple.getValueNode();
                }
            }
        }
        return null;
    }

    private static ScalarNode scalar(Tag tag, String value) {
        return new ScalarNode(tag, value, ScalarStyle.PLAIN);
    }

    private static String emit(Node root) {
        DumpSettings settings = DumpSettings.builder().build();
        return new Present(settings).emitToString(new Serialize(settings).serializeOne(root).iterator());
    }
}
