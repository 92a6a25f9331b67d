package io.jenkins.plugins.securepipeline.buildtools;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites the Java 5 class files of the named packages inside a jar as Java 8 class files, with the stack map
 * frames Java 6 introduced. Nothing else in them changes.
 *
 * <p>Why: picocli is compiled for Java 5 (class file version 49). The JVM's class-data archive, which the
 * {@code secure-pipeline} launcher keeps so that a command starts quickly, leaves out every class whose methods
 * have no stack map frames ("Failed over class verification while dynamic dumping", "Pre JDK 6 class not supported
 * by CDS"), so each run loaded and verified picocli's 230 classes again with the old type-inferring verifier: about
 * 100 ms of every run on a two-core machine (docs/benchmarks.md). With frames they are archived like all the others.
 *
 * <p>Frames are computed by ASM from the bytecode; the common superclass of two types is looked up in the jar
 * itself (and the JDK), so the upgrade is correct for the jar it runs on. A class that cannot be upgraded (it uses
 * the subroutine instructions Java 7 removed) fails the build rather than shipping half upgraded.
 *
 * <p>Usage: {@code ClassFileUpgrade JAR PACKAGE_PREFIX...} (prefixes as in entry names, e.g. {@code picocli/}); the
 * jar is replaced atomically.
 */
public final class ClassFileUpgrade {
    /** Class files older than this (Java 6) have no stack map frames. */
    static final int FIRST_VERSION_WITH_FRAMES = Opcodes.V1_6;

    private ClassFileUpgrade() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: ClassFileUpgrade JAR PACKAGE_PREFIX...");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        int upgraded = upgrade(jar, Arrays.asList(args).subList(1, args.length));
        System.out.println("ClassFileUpgrade: " + upgraded + " class files of " + String.join(", ", Arrays.asList(args).subList(1, args.length))
                + " in " + jar.getFileName() + " upgraded to Java 8 class files with stack map frames");
    }

    /**
     * Upgrades the jar in place; entries keep their order, names, times and (except the upgraded classes) bytes.
     *
     * @return how many class files were upgraded
     */
    public static int upgrade(Path jar, List<String> packagePrefixes) throws IOException {
        Path upgradedJar = Files.createTempFile(jar.toAbsolutePath().getParent(), jar.getFileName().toString(), ".tmp");
        int upgraded = 0;
        try (URLClassLoader types = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
                InputStream file = Files.newInputStream(jar);
                ZipInputStream in = new ZipInputStream(file);
                OutputStream target = Files.newOutputStream(upgradedJar);
                ZipOutputStream out = new ZipOutputStream(target)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] bytes = in.readAllBytes();
                if (!entry.isDirectory() && entry.getName().endsWith(".class") && inPackages(entry.getName(), packagePrefixes)
                        && majorVersion(bytes, entry.getName()) < FIRST_VERSION_WITH_FRAMES) {
                    bytes = withFrames(bytes, types, entry.getName());
                    upgraded++;
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                out.write(bytes);
                out.closeEntry();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(upgradedJar);
            throw e;
        }
        // A temporary file is made readable by its owner only; the jar keeps the permissions it had.
        if (Files.getFileStore(jar).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(upgradedJar, Files.getPosixFilePermissions(jar));
        }
        Files.move(upgradedJar, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return upgraded;
    }

    private static boolean inPackages(String entryName, List<String> packagePrefixes) {
        for (String prefix : packagePrefixes) {
            if (entryName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    static int majorVersion(byte[] classFile, String name) {
        if (classFile.length < 8 || (classFile[0] & 0xff) != 0xca || (classFile[1] & 0xff) != 0xfe
                || (classFile[2] & 0xff) != 0xba || (classFile[3] & 0xff) != 0xbe) {
            throw new IllegalArgumentException(name + " is not a class file");
        }
        return (classFile[6] & 0xff) << 8 | (classFile[7] & 0xff);
    }

    private static byte[] withFrames(byte[] classFile, ClassLoader types, String name) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected ClassLoader getClassLoader() {
                return types;
            }
        };
        try {
            new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9, writer) {
                @Override
                public void visit(int version, int access, String className, String signature, String superName,
                        String[] interfaces) {
                    super.visit(Opcodes.V1_8, access, className, signature, superName, interfaces);
                }
            }, 0);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot upgrade " + name + ": " + e.getMessage(), e);
        }
        return writer.toByteArray();
    }
}
