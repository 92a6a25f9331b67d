package io.jenkins.plugins.securepipeline.plugin.runtime;

import java.io.Serializable;
import java.util.Set;

/**
 * What Jenkins' class filter ({@code jenkins.security.ClassFilterImpl}, Jenkins 2.541.3) accepts when a class is
 * deserialized from an agent or read by XStream from build.xml and the global configuration, for the classes this
 * plugin can send: arrays, throwables and enums always; classes from Jenkins core and from plugin jars (a manifest
 * with Short-Name); JDK classes only when they are on Jenkins' list of safe classes; nothing from a third-party jar,
 * and the plugin's bundled core jar ({@code WEB-INF/lib/aws-secure-pipeline-core-*.jar}) is one: it has no plugin
 * manifest.
 *
 * <p>Under JenkinsRule the core classes come from {@code target/classes}, which the real filter accepts, so only this
 * model shows what a real agent would reject. The JDK list here is a subset of the real one (each name checked against
 * {@code core/src/main/resources/jenkins/security/whitelisted-classes.txt} at jenkins-2.541.3): a class missing here
 * makes a test fail that the real filter might pass, never the other way round.
 */
public final class JenkinsClassFilter {
    private static final String PLUGIN_PACKAGE = "io.jenkins.plugins.securepipeline.plugin.";
    private static final String CORE_JAR_PACKAGE = "io.jenkins.plugins.securepipeline.";

    static final Set<String> SAFE_JDK_CLASSES = Set.of(
            "java.lang.Object", "java.lang.String", "java.lang.Boolean", "java.lang.Byte", "java.lang.Character",
            "java.lang.Short", "java.lang.Integer", "java.lang.Long", "java.lang.Float", "java.lang.Double",
            "java.lang.Number", "java.lang.Enum", "java.lang.StackTraceElement", "java.lang.Class",
            "java.math.BigInteger", "java.math.BigDecimal", "java.io.File", "java.net.URI", "java.net.URL",
            "java.util.ArrayList", "java.util.LinkedList", "java.util.HashMap", "java.util.LinkedHashMap",
            "java.util.TreeMap", "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet",
            "java.util.EnumMap", "java.util.RegularEnumSet", "java.util.Date", "java.util.UUID", "java.util.Locale",
            "java.util.Arrays$ArrayList", "java.util.CollSer", "java.util.ImmutableCollections$List12",
            "java.util.ImmutableCollections$ListN", "java.util.Collections$EmptyList", "java.util.Collections$EmptyMap",
            "java.util.Collections$EmptySet", "java.util.Collections$SingletonList", "java.util.Collections$SingletonMap",
            "java.util.Collections$SingletonSet", "java.util.Collections$UnmodifiableCollection",
            "java.util.Collections$UnmodifiableList", "java.util.Collections$UnmodifiableRandomAccessList",
            "java.util.Collections$UnmodifiableMap", "java.util.Collections$UnmodifiableSet",
            "java.util.concurrent.ConcurrentHashMap", "java.util.concurrent.CopyOnWriteArrayList",
            "java.util.concurrent.CopyOnWriteArraySet", "java.time.Ser");

    private JenkinsClassFilter() {}

    /** Null when the class is accepted, else why a real controller rejects it. */
    public static String rejection(Class<?> c) {
        if (c.isPrimitive() || c.isArray() || Throwable.class.isAssignableFrom(c) || Enum.class.isAssignableFrom(c)) {
            return null;
        }
        String name = c.getName();
        if (name.startsWith(PLUGIN_PACKAGE) || isJenkinsOrPluginApi(name)) {
            return null;
        }
        if (SAFE_JDK_CLASSES.contains(name)) {
            return null;
        }
        if (name.startsWith(CORE_JAR_PACKAGE)) {
            return name + " is in the bundled core jar, which is no plugin jar: Jenkins' class filter rejects it";
        }
        if (name.startsWith("java.") || name.startsWith("javax.")) {
            return name + " is not on Jenkins' list of safe JDK classes";
        }
        return name + " is in a third-party jar: Jenkins' class filter rejects it";
    }

    /** Jenkins core, remoting and the plugins we depend on: their jars are accepted by location. */
    static boolean isJenkinsOrPluginApi(String name) {
        return name.startsWith("hudson.") || name.startsWith("jenkins.") || name.startsWith("org.jenkinsci.plugins.")
                || name.startsWith("com.cloudbees.plugins.credentials.");
    }

    static boolean isPluginClass(Class<?> c) {
        return c.getName().startsWith(PLUGIN_PACKAGE);
    }

    static boolean isCoreJarClass(Class<?> c) {
        return c.getName().startsWith(CORE_JAR_PACKAGE) && !isPluginClass(c);
    }

    static boolean isSerializable(Class<?> c) {
        return c.isPrimitive() || Serializable.class.isAssignableFrom(c);
    }
}
