package io.jenkins.plugins.securepipeline.template.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.securepipeline.template.TemplateReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** What the parser refuses, and how it says so: file, line, column and the construct, never a silent pass. */
class GuardParserTest {

    private static GuardRuleException refused(String rules) {
        return assertThrows(GuardRuleException.class, () -> GuardRules.parse("org.guard", rules));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "rule a {\\n  let x = parse_epoch(Resources.A)\\n}|org.guard:2:11: the built-in function parse_epoch() is not supported (it came after cfn-guard 3.1.1",
        "rule a {\\n  let x = now()\\n}|org.guard:2:11: the built-in function now() is not supported",
        "rule a {\\n  let x = substring(Resources.A, 1)\\n}|org.guard:2:11: substring() takes 3 argument(s), got 2",
        "rule a {\\n  Resources[%k] exists\\n}|org.guard:2:13: a variable as an index or key ('[%k]') is not supported",
        "rule a {\\n  Resources.A == 'x'\\n|org.guard:3:1: expected '}', found end of file",
        "rule a {\\n  Resources.A ~ 'x'\\n}|org.guard:2:15: unexpected character '~'",
        "rule a {\\n  Resources.A\\n  == or\\n}|org.guard:3:6: expected a value",
        "rule a {\\n  Resources.A == /[a-/\\n}|org.guard:2:18: invalid regular expression /[a-/",
        "rule a { Resources.A exists << unclosed\\n}|org.guard:1:29: custom message '<<' is not closed with '>>'",
        "rule a { A exists }\\nrule a { B exists }|org.guard:2:1: rule 'a' is defined twice",
        "AWS::S3::* {\\n  Properties exists\\n}|org.guard:1:1: type block with a wildcard type name 'AWS::S3::*' is not supported (cfn-guard 3.1.1 refuses it too)",
        "rule a {\\n  not Resources.A { this == 1 }\\n}|org.guard:2:3: 'not' before a block clause is not supported",
        "rule a {\\n  ! Resources.A exists\\n}|org.guard:2:3: '!' before a query must be followed directly by it",
        "rule a {\\n  Resources.A not == 1\\n}|org.guard:2:19: 'not' before '==' is not supported",
        "rule a {\\n  rule b { }\\n}|org.guard:2:3: 'rule' is not allowed here",
        "rule a {\\n  Resources.A == r[1, 2.5]\\n}|org.guard:2:18: range bounds must both be integers or both floats",
        // A built-in function's call where cfn-guard 3.1.1 takes none (each case checked against the binary: it fails
        // to parse all of them): at the start of a clause, a condition or a block, or with a query after it.
        "rule a {\\n  count(Resources.*) > 1\\n}|org.guard:2:3: a clause cannot start with the function call count(...) (cfn-guard 3.1.1 refuses it too); assign the call to a variable first (let n = count(...)) and test the variable (%n)",
        "rule a {\\n  to_lower(Resources.A.Type) == 'x'\\n}|org.guard:2:3: a clause cannot start with the function call to_lower(...)",
        "rule a when count(Resources.*) > 1 {\\n  Resources exists\\n}|org.guard:1:13: a clause cannot start with the function call count(...)",
        "AWS::S3::Bucket when count(Properties.*) == 0 {\\n  Type exists\\n}|org.guard:1:22: a clause cannot start with the function call count(...)",
        "rule a {\\n  count(Resources.*) { this > 1 }\\n}|org.guard:2:3: a clause cannot start with the function call count(...)",
        "rule a {\\n  some count(Resources.*) > 1\\n}|org.guard:2:8: a clause cannot start with the function call count(...)",
        "rule a {\\n  not count(Resources.*) > 1\\n}|org.guard:2:7: a clause cannot start with the function call count(...)",
        "rule a {\\n  now() exists\\n}|org.guard:2:3: a clause cannot start with the function call now(...)",
        "let c = count(Resources.*).x\\nrule a { %c == 2 }|org.guard:1:27: a function call's result cannot be queried further (cfn-guard 3.1.1 refuses it too)",
        "let c = count(Resources.*)[0]\\nrule a { %c == 2 }|org.guard:1:27: a function call's result cannot be queried further",
    })
    void refusesWithFileLineAndConstruct(String rules, String expected) {
        GuardRuleException e = refused(rules.replace("\\n", "\n"));
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }

    /** Where cfn-guard 3.1.1 does take a function call: as a value, and the same rules evaluate as it evaluates them. */
    @Test
    void functionCallsAreValuesInLetsOnTheRightAndAsArguments() throws Exception {
        var template = new TemplateReader().read("t.yaml",
                "Resources:\n  A:\n    Type: AWS::S3::Bucket\n  B:\n    Type: AWS::S3::Bucket\n".getBytes(StandardCharsets.UTF_8), false);
        GuardRules rules = GuardRules.parse("org.guard", String.join("\n",
                "let n = count(Resources.*)",
                "let lowered = count(to_lower(Resources.*.Type))",
                "rule two { %n == 2 }",
                "rule lowered_two { %lowered == 2 }",
                "rule right_hand { Resources.A.Type == to_upper('AWS::S3::Bucket') }",
                "rule in_block { AWS::S3::Bucket { let keys = count(Properties.*)\n %keys == 0 } }",
                ""));
        List<String> statuses = rules.evaluate(template).stream().map(r -> r.rule() + "=" + r.status()).toList();
        assertEquals(List.of("two=PASS", "lowered_two=PASS", "right_hand=FAIL", "in_block=PASS"), statuses);
    }

    @Test
    void unknownRulesAndVariablesAreErrorsWhenEvaluated() throws Exception {
        var template = new TemplateReader().read("t.yaml", "Resources:\n  A:\n    Type: X\n".getBytes(StandardCharsets.UTF_8), false);
        GuardRules unknownRule = GuardRules.parse("org.guard", "rule a {\n  missing_rule\n}\n");
        GuardRuleException e = assertThrows(GuardRuleException.class, () -> unknownRule.evaluate(template));
        assertEquals("org.guard:2:3: unknown rule 'missing_rule'", e.getMessage());
        GuardRules unknownVariable = GuardRules.parse("org.guard", "rule a {\n  %nope exists\n}\n");
        e = assertThrows(GuardRuleException.class, () -> unknownVariable.evaluate(template));
        assertEquals("org.guard:2:3: unknown variable %nope", e.getMessage());
        GuardRules cycle = GuardRules.parse("org.guard", "rule a {\n  b\n}\nrule b {\n  a\n}\n");
        e = assertThrows(GuardRuleException.class, () -> cycle.evaluate(template));
        assertTrue(e.getMessage().contains("depends on itself"), e.getMessage());
    }

    @Test
    void failuresNameResourcePathAndCustomMessage() throws Exception {
        var template = new TemplateReader().read("t.yaml", String.join("\n",
                "Resources:",
                "  Good:",
                "    Type: AWS::EC2::Volume",
                "    Properties:",
                "      Encrypted: true",
                "  Bad:",
                "    Type: AWS::EC2::Volume",
                "    Properties:",
                "      Encrypted: false",
                "  Missing:",
                "    Type: AWS::EC2::Volume",
                "    Properties: {}",
                "").getBytes(StandardCharsets.UTF_8), false);
        GuardRules rules = GuardRules.parse("org.guard", String.join("\n",
                "rule VOLUMES_ENCRYPTED {",
                "  AWS::EC2::Volume {",
                "    Properties.Encrypted == true << volumes must be encrypted >>",
                "  }",
                "}",
                ""));
        List<GuardRuleResult> results = rules.evaluate(template);
        assertEquals(1, results.size());
        GuardRuleResult result = results.get(0);
        assertEquals("org.guard/VOLUMES_ENCRYPTED", result.id());
        assertEquals(GuardStatus.FAIL, result.status());
        assertEquals(2, result.failures().size());
        GuardFailure bad = result.failures().get(0);
        assertEquals("Bad", bad.resource());
        assertEquals("/Resources/Bad/Properties/Encrypted", bad.propertyPath());
        assertEquals(9, bad.line());
        assertEquals("volumes must be encrypted", bad.customMessage());
        assertTrue(bad.message().startsWith("volumes must be encrypted (Properties.Encrypted == true: false is not"),
                bad.message());
        GuardFailure missing = result.failures().get(1);
        assertEquals("Missing", missing.resource());
        assertEquals("/Resources/Missing/Properties/Encrypted", missing.propertyPath());
        assertTrue(missing.detail().contains("Encrypted is missing"), missing.detail());
    }

    @Test
    void disjunctionsReportOnlyWhenNoAlternativeHolds() throws Exception {
        var template = new TemplateReader().read("t.yaml",
                "Resources:\n  A:\n    Type: X\n    Properties:\n      Size: 5\n".getBytes(StandardCharsets.UTF_8), false);
        GuardRules rules = GuardRules.parse("org.guard",
                "rule holds { Resources.A.Properties.Size == 1 or Resources.A.Properties.Size == 5 }\n"
                        + "rule fails { Resources.A.Properties.Size == 1 OR Resources.A.Properties.Size == 2 }\n");
        List<GuardRuleResult> results = rules.evaluate(template);
        assertEquals(GuardStatus.PASS, results.get(0).status());
        assertEquals(List.of(), results.get(0).failures());
        assertEquals(GuardStatus.FAIL, results.get(1).status());
        assertEquals(2, results.get(1).failures().size());
    }
}
