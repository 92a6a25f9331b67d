package io.jenkins.plugins.securepipeline.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TemplateReaderTest {
    private static TemplateNode yaml(String text) throws TemplateParseException {
        return new TemplateReader().read("t.yaml", text.getBytes(StandardCharsets.UTF_8), false);
    }

    private static TemplateNode json(String text) throws TemplateParseException {
        return new TemplateReader().read("t.json", text.getBytes(StandardCharsets.UTF_8), true);
    }

    @Test
    void everyShortFormTagBecomesTheLongForm() throws Exception {
        TemplateNode root = yaml(String.join("\n",
                "a: !Ref X", "b: !Sub 'x-${Y}'", "c: !GetAtt Res.Arn", "d: !GetAtt [Res, Outputs.Url]",
                "e: !Join ['-', [a, b]]", "f: !If [C, 1, 2]", "g: !Select [0, [x]]", "h: !FindInMap [M, K, V]",
                "i: !Base64 text", "j: !Cidr [10.0.0.0/16, 2, 8]", "k: !GetAZs ''", "l: !ImportValue Exp",
                "m: !Split [',', 'a,b']", "n: !Equals [a, b]", "o: !And [!Condition A, !Condition B]",
                "p: !Or [!Condition A, !Condition B]", "q: !Not [!Condition A]", "r: !Condition A",
                "s: !Transform {Name: Macro}", "t: !Unknown kept", ""));
        assertThat(root.get("a").get("Ref").text()).isEqualTo("X");
        assertThat(root.get("b").get("Fn::Sub").text()).isEqualTo("x-${Y}");
        assertThat(root.get("c").get("Fn::GetAtt").items()).extracting(TemplateNode::text).containsExactly("Res", "Arn");
        assertThat(root.get("d").get("Fn::GetAtt").items()).extracting(TemplateNode::text).containsExactly("Res", "Outputs.Url");
        for (String[] pair : new String[][] {{"e", "Fn::Join"}, {"f", "Fn::If"}, {"g", "Fn::Select"},
                {"h", "Fn::FindInMap"}, {"i", "Fn::Base64"}, {"j", "Fn::Cidr"}, {"k", "Fn::GetAZs"},
                {"l", "Fn::ImportValue"}, {"m", "Fn::Split"}, {"n", "Fn::Equals"}, {"o", "Fn::And"}, {"p", "Fn::Or"},
                {"q", "Fn::Not"}, {"s", "Fn::Transform"}}) {
            assertThat(root.get(pair[0]).singleKey()).as(pair[0]).isEqualTo(pair[1]);
        }
        assertThat(root.get("r").get("Condition").text()).isEqualTo("A");
        assertThat(root.get("t").text()).isEqualTo("kept");
    }

    @Test
    void everyNodeKnowsItsLineAndColumn() throws Exception {
        TemplateNode root = yaml("Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      Name: !Ref X\n");
        TemplateNode type = root.path("Resources", "Bucket", "Type");
        assertThat(type.line()).isEqualTo(3);
        assertThat(type.column()).isEqualTo(11);
        assertThat(root.path("Resources", "Bucket", "Properties", "Name").line()).isEqualTo(5);
        TemplateNode fromJson = json("{\n  \"Resources\": {\n    \"B\": {\"Type\": \"AWS::S3::Bucket\"}\n  }\n}");
        assertThat(fromJson.path("Resources", "B", "Type").line()).isEqualTo(3);
        assertThat(fromJson.path("Resources", "B", "Type").column()).isEqualTo(19);
    }

    @Test
    void mergeKeysMergeWithExplicitKeysWinning() throws Exception {
        TemplateNode root = yaml("base: &base {A: 1, B: 2}\nother: &other {C: 3}\n"
                + "child:\n  <<: [*base, *other]\n  B: 20\n");
        TemplateNode child = root.get("child");
        assertThat(child.get("A").text()).isEqualTo("1");
        assertThat(child.get("B").text()).isEqualTo("20");
        assertThat(child.get("C").text()).isEqualTo("3");
        assertThat(child.get("<<")).isNull();
    }

    @Test
    void quotedMergeKeyIsAnOrdinaryKey() throws Exception {
        assertThat(yaml("'<<': x\n").get("<<").text()).isEqualTo("x");
    }

    @Test
    void duplicateKeysAreErrorsNamingBothLines() {
        assertThatThrownBy(() -> yaml("Resources:\n  A: {Type: X}\n  A: {Type: Y}\n"))
                .isInstanceOf(TemplateParseException.class)
                .hasMessage("t.yaml:3:3: duplicate key 'A' (first defined at line 2); only one of the values would be deployed");
        assertThatThrownBy(() -> json("{\"A\": 1,\n \"A\": 2}"))
                .hasMessageStartingWith("t.json:2:2: duplicate key 'A' (first defined at line 1)");
    }

    @Test
    void malformedYamlNamesLineAndColumnWithoutAStackTrace() {
        assertThatThrownBy(() -> yaml("Resources:\n  A: [1, 2\n  B: 3\n"))
                .isInstanceOf(TemplateParseException.class)
                .hasMessageMatching("t\\.yaml:\\d+:\\d+: invalid YAML: .*")
                .satisfies(e -> assertThat(((TemplateParseException) e).line()).isPositive());
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        assertThatThrownBy(() -> json("{\n  \"A\": [1, 2,,]\n}"))
                .hasMessageStartingWith("t.json:2:")
                .hasMessageContaining("invalid JSON");
    }

    @Test
    void jsonWithTabsAndYamlLookalikeBothRead() throws Exception {
        assertThat(json("{\t\"A\":\t{\"B\": true}}").path("A", "B").isTrue()).isTrue();
        assertThat(yaml("{A: {B: true}}").path("A", "B").isTrue()).isTrue();
    }

    @Test
    void emptyAndMultiDocumentFilesAreRefused() {
        assertThatThrownBy(() -> yaml("")).hasMessage("t.yaml: empty document");
        assertThatThrownBy(() -> yaml("a: 1\n---\nb: 2\n"))
                .hasMessageContaining("more than one YAML document")
                .satisfies(e -> assertThat(((TemplateParseException) e).notATemplate()).isTrue());
    }

    @Test
    void undefinedAliasIsAnError() {
        assertThatThrownBy(() -> yaml("a: *nothing\n")).isInstanceOf(TemplateParseException.class)
                .hasMessageStartingWith("t.yaml:1:");
    }
}
