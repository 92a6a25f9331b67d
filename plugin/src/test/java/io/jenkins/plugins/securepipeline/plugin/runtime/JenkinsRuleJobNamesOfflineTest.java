package io.jenkins.plugins.securepipeline.plugin.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Jenkins refuses a second item of the same name ({@code Items.verifyItemDoesNotAlreadyExist}, an
 * IllegalArgumentException from {@code createProject}), so a JenkinsRule test that creates the job "p" twice fails
 * on a real controller, though it compiles here. This reads the plugin's test sources and fails when a test method
 * creates the same literal job name twice, directly or through helper methods of its class.
 */
class JenkinsRuleJobNamesOfflineTest {
    private static final Pattern METHOD = Pattern.compile(
            "\\n    (?:(?:private|public|protected|static|final) )*[\\w<>\\[\\], ?]+ (\\w+)\\([^)]*\\)[^{;]*\\{");
    private static final Pattern NAMED_JOB = Pattern.compile("createProject\\(\\w+\\.class,\\s*\"([^\"]+)\"\\)");

    private record Method(String name, String body, boolean test) {}

    static Path testSources() {
        for (String candidate : List.of("src/test/java", "../plugin/src/test/java")) {
            Path path = Path.of(candidate);
            if (Files.isDirectory(path.resolve("io/jenkins/plugins/securepipeline/plugin"))) {
                return path;
            }
        }
        throw new IllegalStateException("plugin test sources not found from " + Path.of("").toAbsolutePath());
    }

    static List<String> duplicates(String source) {
        List<Method> methods = new ArrayList<>();
        Matcher m = METHOD.matcher(source);
        while (m.find()) {
            int depth = 1;
            int i = m.end();
            while (depth > 0 && i < source.length()) {
                char c = source.charAt(i++);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            }
            String before = source.substring(Math.max(0, m.start() - 40), m.start() + 1);
            methods.add(new Method(m.group(1), source.substring(m.end(), i), before.contains("@Test")));
        }
        Map<String, List<String>> helpers = new LinkedHashMap<>();
        for (Method method : methods) {
            List<String> names = named(method.body());
            if (!method.test() && !names.isEmpty()) {
                helpers.put(method.name(), names);
            }
        }
        List<String> problems = new ArrayList<>();
        for (Method method : methods) {
            if (!method.test()) {
                continue;
            }
            List<String> created = new ArrayList<>(named(method.body()));
            helpers.forEach((helper, names) -> {
                Matcher call = Pattern.compile("\\b" + helper + "\\(").matcher(method.body());
                while (call.find()) {
                    created.addAll(names);
                }
            });
            for (String name : created.stream().distinct().toList()) {
                if (Collections.frequency(created, name) > 1) {
                    problems.add(method.name() + " creates the job '" + name + "' more than once");
                }
            }
        }
        return problems;
    }

    private static List<String> named(String body) {
        List<String> names = new ArrayList<>();
        Matcher m = NAMED_JOB.matcher(body);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void noTestCreatesTheSameJobTwice() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(testSources())) {
            for (Path file : files.filter(f -> f.toString().endsWith("Test.java")).sorted().toList()) {
                for (String problem : duplicates(Files.readString(file))) {
                    problems.add(file.getFileName() + ": " + problem);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theCheckFindsASecondJobOfTheSameNameThroughAHelper() {
        String source = "class T {\n"
                + "    private static WorkflowRun run(JenkinsRule r, String s) throws Exception {\n"
                + "        WorkflowJob job = r.createProject(WorkflowJob.class, \"p\");\n        return null;\n    }\n"
                + "    @Test\n    void once(JenkinsRule r) throws Exception {\n        run(r, \"a\");\n    }\n"
                + "    @Test\n    void twice(JenkinsRule r) throws Exception {\n        run(r, \"a\");\n"
                + "        if (true) { run(r, \"b\"); }\n    }\n}\n";
        assertThat(duplicates(source)).containsExactly("twice creates the job 'p' more than once");
    }
}
