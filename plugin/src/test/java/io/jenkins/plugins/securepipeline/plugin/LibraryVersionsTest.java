package io.jenkins.plugins.securepipeline.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Inside Jenkins core and the bundled kms client run on the library plugins' AWS SDK and Jackson. The test class
 * path holds exactly those library jars (sdk-core from aws-java-sdk2-core, jackson-databind from jackson2-api, both
 * as the BOM pins them) next to the bundled kms jar, so this is where a BOM update that moves them away from what
 * core compiles against (../pom.xml) or from the bundled kms client shows up.
 */
class LibraryVersionsTest {

    /** The version in the jar's own Maven metadata, as found on the class path. */
    private static String jarVersion(String groupId, String artifactId) throws IOException {
        String resource = "/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = LibraryVersionsTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, groupId + ":" + artifactId + " is not on the test class path");
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        }
    }

    /** A property of the aggregator POM, which sets the versions core compiles against. */
    private static String rootPomProperty(String name) throws IOException {
        String pom = Files.readString(Path.of("..", "pom.xml"));
        Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">").matcher(pom);
        assertTrue(matcher.find(), "no <" + name + "> in ../pom.xml");
        return matcher.group(1).strip();
    }

    @Test
    void bundledKmsClientHasTheSdkVersionOfAwsJavaSdk2Core() throws IOException {
        assertEquals(jarVersion("software.amazon.awssdk", "sdk-core"), jarVersion("software.amazon.awssdk", "kms"),
                "set aws.sdk.version in plugin/pom.xml (and ../pom.xml) to the SDK aws-java-sdk2-core ships");
    }

    @Test
    void coreCompilesAgainstTheSdkOfAwsJavaSdk2Core() throws IOException {
        assertEquals(jarVersion("software.amazon.awssdk", "sdk-core"), rootPomProperty("aws.sdk.version"),
                "set aws.sdk.version in ../pom.xml to the SDK aws-java-sdk2-core ships");
    }

    @Test
    void coreCompilesAgainstTheJacksonOfJackson2Api() throws IOException {
        assertEquals(jarVersion("com.fasterxml.jackson.core", "jackson-databind"), rootPomProperty("jackson.version"),
                "set jackson.version in ../pom.xml to the Jackson jackson2-api ships");
    }
}
