package io.jenkins.plugins.securepipeline.buildtools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import picocli.CommandLine;

class ClassFileUpgradeTest {
    @TempDir
    Path temp;

    /** The picocli jar the command line ships, copied: the test upgrades the real thing. */
    private Path picocliJar() throws Exception {
        Path original = Path.of(CommandLine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return Files.copy(original, temp.resolve("picocli.jar"));
    }

    @Test
    void picocliBecomesJava8ClassFilesThatTheVerifierAcceptsWithoutFallingBack() throws Exception {
        Path jar = picocliJar();
        Files.setPosixFilePermissions(jar, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        Map<String, byte[]> before = entries(jar);
        assertThat(before.entrySet()).as("picocli still ships Java 5 class files; if not, the upgrade can go")
                .anyMatch(e -> e.getKey().endsWith(".class") && ClassFileUpgrade.majorVersion(e.getValue(), e.getKey()) < 50);

        int upgraded = ClassFileUpgrade.upgrade(jar, List.of("picocli/"));

        Map<String, byte[]> after = entries(jar);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(jar)))
                .as("the jar keeps its permissions").isEqualTo("rw-r--r--");
        assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
        assertThat(upgraded).isPositive();
        int classes = 0;
        for (Map.Entry<String, byte[]> entry : after.entrySet()) {
            String name = entry.getKey();
            if (name.startsWith("picocli/") && name.endsWith(".class")) {
                assertThat(ClassFileUpgrade.majorVersion(entry.getValue(), name)).as(name).isEqualTo(52);
                assertThat(everyBranchingMethodHasFrames(entry.getValue())).as(name).isTrue();
                classes++;
            } else {
                // Resources, the manifest and the Java 9 module descriptor are untouched.
                assertThat(entry.getValue()).as(name).isEqualTo(before.get(name));
            }
        }
        assertThat(upgraded).isEqualTo(classes);
        // Class files of version 51 and later are checked by the type-checking verifier only: a wrong or missing
        // frame is a VerifyError here, never a silent fallback. Initializing each class links and verifies it.
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            for (String name : after.keySet()) {
                if (name.startsWith("picocli/") && name.endsWith(".class")) {
                    Class<?> type = Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), true, loader);
                    assertThat(type.getClassLoader()).isSameAs(loader);
                }
            }
        }
    }

    @Test
    void theUpgradedPicocliStillParsesAndPrintsHelpAsBefore() throws Exception {
        Path jar = picocliJar();
        String before = usageOf(jar);
        ClassFileUpgrade.upgrade(jar, List.of("picocli/"));
        assertThat(usageOf(jar)).isEqualTo(before).contains("--name=<name>").contains("greets");
    }

    @Test
    void classesOutsideThePrefixesAndClassesWithFramesAreLeftAlone() throws Exception {
        Path jar = picocliJar();
        Map<String, byte[]> original = entries(jar);
        assertThat(ClassFileUpgrade.upgrade(jar, List.of("org/example/"))).isZero();
        assertSameEntries(entries(jar), original);
        ClassFileUpgrade.upgrade(jar, List.of("picocli/"));
        Map<String, byte[]> once = entries(jar);
        assertThat(ClassFileUpgrade.upgrade(jar, List.of("picocli/"))).as("already upgraded").isZero();
        assertSameEntries(entries(jar), once);
    }

    private static void assertSameEntries(Map<String, byte[]> actual, Map<String, byte[]> expected) {
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((name, bytes) -> assertThat(actual.get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void aBrokenClassFileFailsTheUpgradeAndLeavesTheJarAsItWas() throws Exception {
        Path jar = temp.resolve("broken.jar");
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream out = new ZipOutputStream(file)) {
            out.putNextEntry(new ZipEntry("picocli/Broken.class"));
            out.write(new byte[] {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe, 0, 0, 0, 49, 1, 2, 3});
            out.closeEntry();
        }
        byte[] before = Files.readAllBytes(jar);
        assertThatThrownBy(() -> ClassFileUpgrade.upgrade(jar, List.of("picocli/")))
                .hasMessageContaining("picocli/Broken.class");
        assertThat(Files.readAllBytes(jar)).isEqualTo(before);
        try (var left = Files.list(temp)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("broken.jar");
        }
    }

    /** Help of a small command built with picocli's programmatic API, run from the given jar in its own loader. */
    private static String usageOf(Path jar) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Class<?> specType = Class.forName("picocli.CommandLine$Model$CommandSpec", true, loader);
            Object spec = specType.getMethod("create").invoke(null);
            specType.getMethod("name", String.class).invoke(spec, "hello");
            Object usage = specType.getMethod("usageMessage").invoke(spec);
            usage.getClass().getMethod("description", String[].class).invoke(usage, (Object) new String[] {"greets"});
            Class<?> optionType = Class.forName("picocli.CommandLine$Model$OptionSpec", true, loader);
            Object builder = optionType.getMethod("builder", String.class, String[].class).invoke(null, "--name", new String[0]);
            // Builder methods are declared by a package-private superclass: reached with setAccessible.
            invoke(builder, "type", new Class<?>[] {Class.class}, String.class);
            invoke(builder, "paramLabel", new Class<?>[] {String.class}, "<name>");
            Object option = invoke(builder, "build", new Class<?>[0]);
            specType.getMethod("addOption", optionType).invoke(spec, option);
            Class<?> commandLine = Class.forName("picocli.CommandLine", true, loader);
            Object cli = commandLine.getConstructor(Object.class).newInstance(spec);
            commandLine.getMethod("parseArgs", String[].class).invoke(cli, (Object) new String[] {"--name", "x"});
            return (String) commandLine.getMethod("getUsageMessage").invoke(cli);
        }
    }

    private static Object invoke(Object target, String name, Class<?>[] types, Object... arguments) throws Exception {
        java.lang.reflect.Method method = target.getClass().getMethod(name, types);
        method.setAccessible(true);
        return method.invoke(target, arguments);
    }

    /** Whether every method with a jump or exception handler carries stack map frames. */
    private static boolean everyBranchingMethodHasFrames(byte[] classFile) {
        boolean[] ok = {true};
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    private boolean branches;
                    private boolean frames;

                    @Override
                    public void visitJumpInsn(int opcode, org.objectweb.asm.Label label) {
                        branches = true;
                    }

                    @Override
                    public void visitTryCatchBlock(org.objectweb.asm.Label start, org.objectweb.asm.Label end,
                            org.objectweb.asm.Label handler, String type) {
                        branches = true;
                    }

                    @Override
                    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
                        frames = true;
                    }

                    @Override
                    public void visitEnd() {
                        if (branches && !frames) {
                            ok[0] = false;
                        }
                    }
                };
            }
        }, 0);
        return ok[0];
    }

    private static Map<String, byte[]> entries(Path jar) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream file = Files.newInputStream(jar); ZipInputStream in = new ZipInputStream(file)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
