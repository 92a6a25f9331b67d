package io.jenkins.plugins.securepipeline.typecheck;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Checks what Jenkins would only find at run time: every Jelly view of the plugin is well-formed XML and opts in
 * to escaping by default (the Jenkins security guidelines; without it, expressions render unescaped HTML).
 * Run by the offline-typecheck build, which fails listing every bad file.
 */
public final class JellyFilesCheck {
    static final String REQUIRED_FIRST_LINE = "<?jelly escape-by-default='true'?>";

    private JellyFilesCheck() {}

    /** Runs inside the Maven JVM (exec:java): report failure by throwing, never by System.exit. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: JellyFilesCheck RESOURCES_DIR");
        }
        List<String> problems = check(Path.of(args[0]));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Jelly files that Jenkins would reject or render unescaped:\n  "
                    + String.join("\n  ", problems));
        }
    }

    static List<String> check(Path root) throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> jellyFiles;
        try (Stream<Path> files = Files.walk(root)) {
            jellyFiles = files.filter(p -> p.toString().endsWith(".jelly")).sorted().toList();
        }
        if (jellyFiles.isEmpty()) {
            problems.add(root + ": no Jelly files found; is this the plugin's resources directory?");
        }
        for (Path file : jellyFiles) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String firstLine = text.lines().findFirst().orElse("").strip();
            if (!firstLine.equals(REQUIRED_FIRST_LINE)) {
                problems.add(file + ":1: must start with " + REQUIRED_FIRST_LINE);
            }
            String wellFormedProblem = wellFormedProblem(file);
            if (wellFormedProblem != null) {
                problems.add(wellFormedProblem);
            }
        }
        return problems;
    }

    private static String wellFormedProblem(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            SAXParser parser = factory.newSAXParser();
            parser.parse(in, new DefaultHandler());
            return null;
        } catch (SAXParseException e) {
            return file + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": not well-formed XML: " + e.getMessage();
        } catch (SAXException | ParserConfigurationException e) {
            return file + ": cannot be parsed as XML: " + e.getMessage();
        }
    }
}
