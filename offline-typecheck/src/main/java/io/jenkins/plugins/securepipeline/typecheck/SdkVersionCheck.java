package io.jenkins.plugins.securepipeline.typecheck;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The plugin bundles the AWS SDK's kms client, but at run time its SDK base comes from the aws-java-sdk2-core
 * library plugin, the same SDK core compiles against. Both POMs therefore carry {@code aws.sdk.version}: this check
 * (offline build; the full build's LibraryVersionsTest compares the resolved jars) fails when they differ or when the
 * kms dependency stops using the property.
 */
public final class SdkVersionCheck {
    static final String PROPERTY = "aws.sdk.version";

    private SdkVersionCheck() {}

    /** Runs inside the Maven JVM (exec:java): report failure by throwing, never by System.exit. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: SdkVersionCheck ROOT_POM PLUGIN_POM");
        }
        List<String> problems = check(Path.of(args[0]), Path.of(args[1]));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the bundled kms client would drift from the SDK core uses:\n  "
                    + String.join("\n  ", problems));
        }
    }

    static List<String> check(Path rootPom, Path pluginPom) throws IOException {
        Document root = parse(rootPom);
        Document plugin = parse(pluginPom);
        List<String> problems = new ArrayList<>();
        String coreVersion = property(root, PROPERTY);
        String pluginVersion = property(plugin, PROPERTY);
        if (coreVersion == null) {
            problems.add(rootPom + ": no <" + PROPERTY + "> property");
        }
        if (pluginVersion == null) {
            problems.add(pluginPom + ": no <" + PROPERTY + "> property");
        }
        if (coreVersion != null && pluginVersion != null && !coreVersion.equals(pluginVersion)) {
            problems.add(PROPERTY + " is " + coreVersion + " in " + rootPom + " but " + pluginVersion + " in " + pluginPom);
        }
        String kmsVersion = dependencyVersion(plugin, "software.amazon.awssdk", "kms");
        if (!("${" + PROPERTY + "}").equals(kmsVersion)) {
            problems.add(pluginPom + ": the software.amazon.awssdk:kms dependency must have <version>${" + PROPERTY
                    + "}</version>, found " + kmsVersion);
        }
        return problems;
    }

    private static Document parse(Path pom) throws IOException {
        try (InputStream in = Files.newInputStream(pom)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(in);
        } catch (SAXException | ParserConfigurationException e) {
            throw new IOException(pom + ": cannot be parsed as XML: " + e.getMessage(), e);
        }
    }

    /** A property of the project itself (not of a profile). */
    private static String property(Document pom, String name) {
        Element properties = child(pom.getDocumentElement(), "properties");
        Element property = properties == null ? null : child(properties, name);
        return property == null ? null : property.getTextContent().strip();
    }

    /** The version text of a direct dependency of the project (not one in dependencyManagement), or null. */
    private static String dependencyVersion(Document pom, String groupId, String artifactId) {
        Element dependencies = child(pom.getDocumentElement(), "dependencies");
        if (dependencies == null) {
            return null;
        }
        for (Element dependency : children(dependencies, "dependency")) {
            if (groupId.equals(text(dependency, "groupId")) && artifactId.equals(text(dependency, "artifactId"))) {
                return text(dependency, "version");
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? null : element.getTextContent().strip();
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && name.equals(element.getTagName())) {
                found.add(element);
            }
        }
        return found;
    }
}
