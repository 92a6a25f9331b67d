package io.jenkins.plugins.securepipeline.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateEvaluatorTest {
    @TempDir
    Path dir;

    private static List<Resource> resources(String yaml, ParameterValues values) throws Exception {
        TemplateNode root = new TemplateReader().read("t.yaml", yaml.getBytes(StandardCharsets.UTF_8), false);
        return new TemplateEvaluator(root, values).resources();
    }

    private static TemplateNode property(String yaml, String name) throws Exception {
        return resources(yaml, ParameterValues.NONE).get(0).property(name);
    }

    private static final String HEADER = String.join("\n",
            "Parameters:",
            "  Env: {Type: String, Default: dev}",
            "  Name: {Type: String}",
            "  Subnets: {Type: CommaDelimitedList, Default: 'a,b,c'}",
            "Mappings:",
            "  Sizes: {dev: {Instance: t3.micro}, prod: {Instance: m5.large}}",
            "Conditions:",
            "  IsProd: !Equals [!Ref Env, prod]",
            "  HasName: !Not [!Equals [!Ref Name, '']]",
            "  ProdAndNamed: !And [!Condition IsProd, !Condition HasName]",
            "Resources:",
            "  R:",
            "    Type: Test::Thing",
            "    Properties:",
            "");

    @Test
    void parameterDefaultsMappingsAndFunctionsResolve() throws Exception {
        String yaml = HEADER + String.join("\n",
                "      Sub: !Sub '${Env}-${AWS::NoValue}x-${!Literal}'",
                "      Join: !Join ['-', [a, !Ref Env, !Select [1, !Ref Subnets]]]",
                "      Map: !FindInMap [Sizes, !Ref Env, Instance]",
                "      Split: !Select [2, !Split [',', 'x,y,z']]",
                "      Sub2: !Sub ['${A}/${B}', {A: one, B: !Ref Env}]",
                "");
        List<Resource> rs = resources(yaml, ParameterValues.NONE);
        assertThat(rs).hasSize(1);
        Resource r = rs.get(0);
        assertThat(r.property("Join").text()).isEqualTo("a-dev-b");
        assertThat(r.property("Map").text()).isEqualTo("t3.micro");
        assertThat(r.property("Split").text()).isEqualTo("z");
        assertThat(r.property("Sub2").text()).isEqualTo("one/dev");
        assertThat(r.property("Sub").isUnknown()).as("NoValue inside Sub cannot be text").isTrue();
    }

    @Test
    void suppliedValuesBeatDefaultsAndConditionsFollow() throws Exception {
        String yaml = HEADER + "      Size: !If [IsProd, big, small]\n      Map: !FindInMap [Sizes, !Ref Env, Instance]\n";
        Resource dev = resources(yaml, ParameterValues.NONE).get(0);
        assertThat(dev.property("Size").text()).isEqualTo("small");
        Resource prod = resources(yaml, new ParameterValues(Map.of("Env", "prod"))).get(0);
        assertThat(prod.property("Size").text()).isEqualTo("big");
        assertThat(prod.property("Map").text()).isEqualTo("m5.large");
    }

    @Test
    void unknownValuesStayUnknownNeverLiteral() throws Exception {
        String yaml = HEADER + String.join("\n",
                "      RefName: !Ref Name",
                "      RefResource: !Ref Other",
                "      Att: !GetAtt Other.Arn",
                "      Region: !Ref AWS::Region",
                "      Import: !ImportValue shared",
                "      Joined: !Join ['', [arn:, !Ref AWS::Partition]]",
                "");
        Resource r = resources(yaml, ParameterValues.NONE).get(0);
        assertThat(r.property("RefName").isUnknown()).isTrue();
        assertThat(r.property("RefName").text()).isEqualTo("Ref Name");
        assertThat(r.property("RefResource").text()).isEqualTo("Ref Other");
        assertThat(r.property("Att").text()).isEqualTo("GetAtt Other.Arn");
        assertThat(IntrinsicValues.refersTo(r.property("Att"), "Other")).isTrue();
        assertThat(r.property("Region").isUnknown()).isTrue();
        assertThat(r.property("Import").isUnknown()).isTrue();
        assertThat(r.property("Joined").isUnknown()).isTrue();
        assertThat(r.property("RefName").asText()).isNull();
    }

    @Test
    void pseudoParametersCanBeSupplied() throws Exception {
        String yaml = HEADER + "      Region: !Sub '${AWS::Region}-x'\n";
        Resource r = resources(yaml, new ParameterValues(Map.of("AWS::Region", "eu-west-1"))).get(0);
        assertThat(r.property("Region").text()).isEqualTo("eu-west-1-x");
    }

    @Test
    void undecidedConditionsGiveOneVariantPerCombination() throws Exception {
        String yaml = HEADER + "      A: !If [HasName, named, !Ref AWS::NoValue]\n      B: !If [HasName, x, y]\n";
        List<Resource> variants = resources(yaml, ParameterValues.NONE);
        assertThat(variants).hasSize(2);
        assertThat(variants).extracting(r -> r.property("B").text()).containsExactlyInAnyOrder("x", "y");
        // The same condition takes the same side in one variant.
        assertThat(variants).allSatisfy(r -> assertThat(r.property("A") == null).isEqualTo(r.property("B").text().equals("y")));
    }

    @Test
    void andIsDecidedByAKnownFalseEvenWithUnknownParts() throws Exception {
        String yaml = HEADER + "      C: !If [ProdAndNamed, yes, no]\n";
        List<Resource> variants = resources(yaml, ParameterValues.NONE);
        assertThat(variants).hasSize(1);
        assertThat(variants.get(0).property("C").text()).isEqualTo("no");
    }

    @Test
    void resourcesWithAFalseConditionAreLeftOut() throws Exception {
        String yaml = HEADER.replace("    Type: Test::Thing", "    Type: Test::Thing\n    Condition: IsProd") + "      A: 1\n";
        assertThat(resources(yaml, ParameterValues.NONE)).isEmpty();
        assertThat(resources(yaml, new ParameterValues(Map.of("Env", "prod")))).hasSize(1);
    }

    @Test
    void parameterOriginIsRemembered() throws Exception {
        String yaml = HEADER + "      P: !Ref Env\n";
        TemplateNode fromDefault = property(yaml, "P");
        assertThat(fromDefault.parameter()).isEqualTo("Env");
        assertThat(fromDefault.fromDefault()).isTrue();
        TemplateNode supplied = resources(yaml, new ParameterValues(Map.of("Env", "test"))).get(0).property("P");
        assertThat(supplied.fromDefault()).isFalse();
    }

    @Test
    void samGlobalsApplyToServerlessResources() throws Exception {
        String yaml = String.join("\n", "Transform: AWS::Serverless-2016-10-31",
                "Globals:", "  Function: {Runtime: python3.12, Environment: {Variables: {A: global, B: global}}}",
                "Resources:", "  Fn:", "    Type: AWS::Serverless::Function",
                "    Properties: {Handler: h, Environment: {Variables: {B: own}}}", "");
        Resource fn = resources(yaml, ParameterValues.NONE).get(0);
        assertThat(fn.property("Runtime").text()).isEqualTo("python3.12");
        assertThat(fn.property("Environment", "Variables", "A").text()).isEqualTo("global");
        assertThat(fn.property("Environment", "Variables", "B").text()).isEqualTo("own");
    }

    @Test
    void parameterFilesInBothShapes() throws Exception {
        Path nag = dir.resolve("nag.json");
        Files.writeString(nag, "{\"Parameters\": {\"Env\": \"prod\", \"Port\": 22}}");
        assertThat(ParameterValues.read(nag).asMap()).containsEntry("Env", "prod").containsEntry("Port", "22");
        Path cli = dir.resolve("cli.json");
        Files.writeString(cli, "[{\"ParameterKey\": \"Env\", \"ParameterValue\": \"test\"}]");
        assertThat(ParameterValues.read(cli).asMap()).containsExactly(Map.entry("Env", "test"));
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "[{\"Key\": \"Env\"}]");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ParameterValues.read(bad))
                .hasMessageContaining("bad.json:1:2: each entry needs \"ParameterKey\" and \"ParameterValue\"");
    }
}
