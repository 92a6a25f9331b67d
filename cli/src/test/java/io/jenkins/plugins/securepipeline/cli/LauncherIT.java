package io.jenkins.plugins.securepipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jenkins.plugins.securepipeline.ProductInfo;
import io.jenkins.plugins.securepipeline.aws.testing.AwsRequest;
import io.jenkins.plugins.securepipeline.aws.testing.AwsResponse;
import io.jenkins.plugins.securepipeline.aws.testing.LocalAwsEndpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The packaged launcher ({@code cli/target/secure-pipeline}) run as users run it: with the JDK that runs the build,
 * and with any other JDK 17+ installed under /usr/lib/jvm whose cache path differs (Java 25+ makes an ahead-of-time
 * cache). What must hold whatever the cache does: the same standard output as {@code java -jar}, nothing from the
 * JVM on either stream, the command's exit code.
 */
class LauncherIT {
    private static final Path TARGET = Paths.get("target").toAbsolutePath();
    private static final Path LAUNCHER = TARGET.resolve("secure-pipeline");
    private static final Path JAR = TARGET.resolve("secure-pipeline.jar");

    @TempDir
    Path temp;

    @BeforeAll
    static void packaged() {
        assertThat(LAUNCHER).as("run after package").isExecutable();
        assertThat(JAR).exists();
    }

    /** The build's own JDK and, where installed, JDKs of other feature versions (one per version). */
    static Stream<Path> jdks() throws IOException {
        Map<Integer, Path> byFeature = new java.util.TreeMap<>();
        Path own = Paths.get(System.getProperty("java.home"));
        byFeature.put(feature(own), own);
        Path installed = Paths.get("/usr/lib/jvm");
        if (Files.isDirectory(installed)) {
            try (Stream<Path> homes = Files.list(installed)) {
                for (Path home : homes.sorted().collect(Collectors.toList())) {
                    int feature = feature(home);
                    if (feature >= 17 && Files.isExecutable(home.resolve("bin/java"))) {
                        byFeature.putIfAbsent(feature, home);
                    }
                }
            }
        }
        return byFeature.values().stream();
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void theCacheChangesNeitherOutputNorExitCodes(Path jdk) throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        Files.writeString(data.resolve("a.txt"), "built once\n");
        Path cache = temp.resolve("cache");
        String expected = run(jdk, null, List.of("java", "-jar", JAR.toString(), "hash", "--format", "json",
                "--base", data.toString(), "a.txt")).stdout;
        assertThat(expected).contains("a.txt");

        for (int round = 1; round <= 3; round++) {
            Result result = launcher(jdk, cache, "hash", "--format", "json", "--base", data.toString(), "a.txt");
            assertThat(result.exit).as("round " + round).isZero();
            assertThat(result.stdout).as("round " + round + " stdout").isEqualTo(expected);
            if (feature(jdk) >= 25 && round == 2) {
                // The recording run: the JVM's one line about it, on stderr.
                assertThat(result.stderr).as("round 2 stderr").matches("\\s*AOTConfiguration recorded: \\S+\\n");
            } else {
                assertThat(result.stderr).as("round " + round + " stderr").isEmpty();
            }
            List<String> files = files(cache);
            if (feature(jdk) >= 25 && round >= 2) {
                assertThat(files).as("after round " + round).hasSize(1).allMatch(f -> f.matches("hash-\\d+-\\d+\\.aot"));
            } else {
                assertThat(files).as("after round " + round).hasSize(1).allMatch(f -> f.matches("hash-\\d+-\\d+\\.jsa"));
            }
        }

        Result usage = launcher(jdk, cache, "hash", "--no-such-option");
        assertThat(usage.exit).isEqualTo(ExitCodes.USAGE);
        assertThat(usage.stderr).contains("Missing required parameter");
        assertThat(usage.stdout).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void aRunThatBlocksOrFailsKeepsItsExitCodeAndOutputAndStillGetsItsCache(Path jdk) throws Exception {
        // A command that blocks (exit 1) on every run, or reports a problem (3), must not pay full start-up every time.
        Path cache = temp.resolve("cache");
        Path missing = temp.resolve("nothing-here");
        for (int round = 1; round <= 3; round++) {
            Result result = launcher(jdk, cache, "hash", "--base", temp.toString(), missing.getFileName().toString());
            assertThat(result.exit).as("round " + round).isEqualTo(3);
            assertThat(result.stderr).as("round " + round).contains("nothing-here").doesNotContain("[warning]");
            assertThat(result.stdout).as("round " + round).isEmpty();
            List<String> files = files(cache);
            if (feature(jdk) >= 25 && round >= 2) {
                assertThat(files).as("after round " + round).hasSize(1).allMatch(f -> f.matches("hash-\\d+-\\d+\\.aot"));
            } else {
                assertThat(files).as("after round " + round).hasSize(1).allMatch(f -> f.matches("hash-\\d+-\\d+\\.jsa"));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void usageErrorsAndHelpMakeNoCache(Path jdk) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(feature(jdk) < 19 || feature(jdk) >= 25,
                "Java 19-24 write their archive themselves at exit");
        Path cache = temp.resolve("cache");
        for (int round = 1; round <= 2; round++) {
            assertThat(launcher(jdk, cache, "hash", "--no-such-option").exit).isEqualTo(ExitCodes.USAGE);
            assertThat(launcher(jdk, cache, "hash", "--help").exit).isEqualTo(ExitCodes.OK);
            assertThat(launcher(jdk, cache, "verify-hash", "--version").exit).isEqualTo(ExitCodes.OK);
        }
        assertThat(files(cache)).isEmpty();
    }

    @Test
    void aNewJarReplacesTheOldCache() throws Exception {
        Path install = Files.createDirectories(temp.resolve("install"));
        Files.copy(LAUNCHER, install.resolve("secure-pipeline"));
        Files.copy(JAR, install.resolve("secure-pipeline.jar"));
        Path jdk = Paths.get(System.getProperty("java.home"));
        Path cache = temp.resolve("cache");
        Path data = Files.createDirectories(temp.resolve("data"));
        Files.writeString(data.resolve("a.txt"), "x");
        List<String> command = List.of(install.resolve("secure-pipeline").toString(), "hash", "--base", data.toString(),
                "a.txt");

        assertThat(run(jdk, cache, command).exit).isZero();
        List<String> before = files(cache);
        assertThat(before).hasSize(1);
        Files.setLastModifiedTime(install.resolve("secure-pipeline.jar"), FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(run(jdk, cache, command).exit).isZero();
        List<String> after = files(cache);
        assertThat(after).hasSize(1).doesNotContainAnyElementsOf(before);
    }

    @Test
    void twoJdksShareOneCacheWithoutReplacingEachOther() throws Exception {
        List<Path> both = jdks().limit(2).collect(Collectors.toList());
        assumeTrue(both.size() == 2, "a second JDK under /usr/lib/jvm");
        Path cache = temp.resolve("cache");
        Path data = Files.createDirectories(temp.resolve("data"));
        Files.writeString(data.resolve("a.txt"), "x");
        assertThat(launcher(both.get(0), cache, "hash", "--base", data.toString(), "a.txt").exit).isZero();
        List<String> first = files(cache);
        assertThat(first).hasSize(1);
        assertThat(launcher(both.get(1), cache, "hash", "--base", data.toString(), "a.txt").exit).isZero();
        assertThat(files(cache)).hasSize(2).containsAll(first);
    }

    @Test
    void aSymlinkedLauncherFindsItsJarAndACacheWithSpacesWorks() throws Exception {
        Path bin = Files.createDirectories(temp.resolve("usr local/bin"));
        Path link = Files.createSymbolicLink(bin.resolve("secure-pipeline"), LAUNCHER);
        Path cache = temp.resolve("my cache");
        Path data = Files.createDirectories(temp.resolve("data"));
        Files.writeString(data.resolve("a.txt"), "x");
        Path jdk = Paths.get(System.getProperty("java.home"));
        for (int round = 1; round <= 2; round++) {
            Result result = run(jdk, cache, List.of(link.toString(), "hash", "--base", data.toString(), "a.txt"));
            assertThat(result.exit).as("round " + round).isZero();
            assertThat(result.stdout).as("round " + round).endsWith("  a.txt\n");
            assertThat(result.stderr).as("round " + round).isEmpty();
        }
        assertThat(files(cache)).hasSize(1);
    }

    @Test
    void extraJavaOptionsMayChooseAnotherCollectorAndHeap() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        Files.writeString(data.resolve("a.txt"), "x");
        Result result = run(Paths.get(System.getProperty("java.home")), temp.resolve("cache"),
                List.of(LAUNCHER.toString(), "hash", "--base", data.toString(), "a.txt"),
                "SECURE_PIPELINE_JAVA_OPTS", "-XX:+UseParallelGC -Xmx300m");
        assertThat(result.stderr).isEmpty();
        assertThat(result.exit).isZero();
        assertThat(result.stdout).endsWith("  a.txt\n");
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void aCommandRunByAssumeRoleKeepsTheLaunchersStandardInputOnEveryCacheRun(Path jdk) throws Exception {
        try (LocalAwsEndpoint sts = LocalAwsEndpoint.start("sts", "eu-west-1")) {
            sts.handler(LauncherIT::assumeRoleWithWebIdentity);
            Path token = temp.resolve("token");
            Files.writeString(token, "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJsYXVuY2hlciJ9.c2ln");
            Path input = temp.resolve("input");
            Files.writeString(input, "typed by the user\n");
            Path cache = temp.resolve("cache");
            for (int round = 1; round <= 3; round++) {
                Result result = run(jdk, cache, input, List.of(LAUNCHER.toString(), "assume-role",
                        "--role-arn", "arn:aws:iam::222233334444:role/deploy", "--region", "eu-west-1",
                        "--web-identity-token-file", token.toString(), "--sts-endpoint", sts.uri().toString(),
                        "--", "sh", "-c", "read line && echo \"got: $line\""));
                assertThat(result.exit).as("round " + round + ": " + result.stderr).isZero();
                assertThat(result.stdout).as("round " + round).isEqualTo("got: typed by the user\n");
            }
            assertThat(files(cache)).as("a cache was made along the way").isNotEmpty();
        }
    }

    private static AwsResponse assumeRoleWithWebIdentity(AwsRequest request) {
        String action = request.operation();
        return AwsResponse.xml("<" + action + "Response xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><" + action
                + "Result><AssumedRoleUser><Arn>arn:aws:sts::222233334444:assumed-role/deploy/launcher</Arn>"
                + "<AssumedRoleId>AROATEST:launcher</AssumedRoleId></AssumedRoleUser><Credentials>"
                + "<AccessKeyId>ASIALAUNCHERTEST</AccessKeyId><SecretAccessKey>launcher-test-secret</SecretAccessKey>"
                + "<SessionToken>launcher-test-token</SessionToken><Expiration>2030-01-01T00:00:00Z</Expiration>"
                + "</Credentials></" + action + "Result></" + action + "Response>");
    }

    @Test
    void aTerminatedLauncherStopsTheJvmAndKeepsNoCache() throws Exception {
        Path jdk = Paths.get(System.getProperty("java.home"));
        assumeTrue(feature(jdk) < 19, "the Java 17-18 first run is the one where the launcher waits for the JVM");
        Path cache = temp.resolve("cache");
        Path big = Files.createDirectories(temp.resolve("big"));
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(big.resolve("sparse.bin").toFile(), "rw")) {
            file.setLength(64L << 30); // 64 GiB of holes: minutes of hashing, no disk
        }
        ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toString(), "hash", "--base", big.toString(), "sparse.bin");
        builder.environment().put("JAVA_HOME", jdk.toString());
        builder.environment().put("SECURE_PIPELINE_CACHE", cache.toString());
        builder.redirectErrorStream(true).redirectOutput(temp.resolve("out").toFile());
        Process launcher = builder.start();
        try {
            List<ProcessHandle> jvms = List.of();
            for (int wait = 0; wait < 200 && jvms.isEmpty(); wait++) {
                Thread.sleep(100);
                jvms = launcher.children()
                        .filter(child -> child.info().command().map(c -> c.endsWith("/java")).orElse(false))
                        .collect(Collectors.toList());
            }
            assertThat(jvms).as("the launcher's JVM").hasSize(1);
            Thread.sleep(500); // let it get going: the signal must stop a running command, not a starting JVM
            new ProcessBuilder("kill", "-TERM", String.valueOf(launcher.pid())).start().waitFor();
            assertThat(launcher.waitFor(30, TimeUnit.SECONDS)).as("launcher ended").isTrue();
            assertThat(launcher.exitValue()).isEqualTo(143);
            assertThat(jvms.get(0).onExit().get(10, TimeUnit.SECONDS).isAlive()).as("the JVM ended too").isFalse();
            assertThat(files(cache)).as("no archive from a run that was stopped").noneMatch(f -> f.endsWith(".jsa"));
        } finally {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    @Test
    void aCacheOthersCanWriteToIsNotUsed() throws Exception {
        Path cache = Files.createDirectories(temp.resolve("shared"));
        Files.setPosixFilePermissions(cache, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        Path data = Files.createDirectories(temp.resolve("data"));
        Files.writeString(data.resolve("a.txt"), "x");
        Result result = launcher(Paths.get(System.getProperty("java.home")), cache, "hash", "--base", data.toString(),
                "a.txt");
        assertThat(result.exit).isZero();
        assertThat(files(cache)).isEmpty();
    }

    @Test
    void aFullCacheDiskDoesNotFailTheRun() throws Exception {
        Path cache = Files.createDirectories(temp.resolve("tiny"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", cache.toString())
                .redirectErrorStream(true).start();
        assumeTrue(mount.waitFor() == 0, "needs to mount a small tmpfs (root)");
        try {
            Path data = Files.createDirectories(temp.resolve("data"));
            Files.writeString(data.resolve("a.txt"), "x");
            for (Path jdk : jdks().collect(Collectors.toList())) {
                for (int round = 1; round <= 2; round++) {
                    Result result = launcher(jdk, cache, "hash", "--base", data.toString(), "a.txt");
                    assertThat(result.exit).as(jdk + " round " + round + ": " + result.stderr).isZero();
                    assertThat(result.stdout).endsWith("  a.txt\n");
                }
            }
        } finally {
            new ProcessBuilder("umount", cache.toString()).start().waitFor();
        }
    }

    @Test
    void aRelativeLaunchIgnoresCdpath() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        Files.writeString(data.resolve("a.txt"), "x");
        ProcessBuilder builder = new ProcessBuilder("target/secure-pipeline", "hash", "--base", data.toString(), "a.txt")
                .directory(TARGET.getParent().toFile());
        builder.environment().put("CDPATH", ".:/nonexistent");
        builder.environment().put("SECURE_PIPELINE_CACHE", "off");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        assertThat(output).endsWith("  a.txt\n");
    }

    @Test
    void aCollectorChosenInJavaToolOptionsIsRespected() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        Files.writeString(data.resolve("a.txt"), "x");
        Result result = run(Paths.get(System.getProperty("java.home")), temp.resolve("cache"),
                List.of(LAUNCHER.toString(), "hash", "--base", data.toString(), "a.txt"),
                "JAVA_TOOL_OPTIONS", "-XX:+UseG1GC");
        assertThat(result.exit).as(result.stderr).isZero();
        assertThat(result.stdout).endsWith("  a.txt\n");
    }

    @Test
    void withTheCacheOffNothingIsWritten() throws Exception {
        Path home = Files.createDirectories(temp.resolve("home"));
        Result result = run(Paths.get(System.getProperty("java.home")), null,
                List.of(LAUNCHER.toString(), "hash", "--base", home.toString(), "."), "HOME", home.toString(),
                "SECURE_PIPELINE_CACHE", "off");
        assertThat(result.exit).isZero();
        try (Stream<Path> written = Files.walk(home)) {
            assertThat(written.filter(Files::isRegularFile)).isEmpty();
        }
    }

    /**
     * The class-data archive the launcher keeps holds the command-line parser too (ClassFileUpgrade gives picocli's
     * Java 5 class files the stack map frames the archive requires): without it, every run loaded and verified its
     * 230 classes again, about 100 ms of each start.
     */
    @ParameterizedTest
    @MethodSource("jdks")
    void theClassDataArchiveHoldsTheCommandLineParser(Path jdk) throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        Files.writeString(data.resolve("a.txt"), "built once\n");
        Path archive = temp.resolve("classes.jsa");
        Path loaded = temp.resolve("loaded.log");
        List<String> hash = List.of("-jar", JAR.toString(), "hash", "--base", data.toString(), "a.txt");
        List<String> dump = new ArrayList<>(List.of("java", "-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=warning"));
        dump.addAll(hash);
        Result dumped = run(jdk, null, dump);
        assertThat(dumped.exit).isZero();
        assertThat(dumped.stdout + dumped.stderr).doesNotContain("picocli");
        List<String> use = new ArrayList<>(List.of("java", "-XX:SharedArchiveFile=" + archive,
                "-Xlog:class+load=info:file=" + loaded));
        use.addAll(hash);
        assertThat(run(jdk, null, use).exit).isZero();
        List<String> picocli = Files.readAllLines(loaded).stream().filter(line -> line.contains(" picocli.")).toList();
        assertThat(picocli).isNotEmpty().allMatch(line -> line.contains("source: shared objects file"));
    }

    @Test
    void versionPrintsAsBeforeAndMakesNoCache() throws Exception {
        Path jdk = Paths.get(System.getProperty("java.home"));
        Result version = launcher(jdk, temp.resolve("cache"), "--version");
        assertThat(version.exit).isZero();
        assertThat(version.stdout).isEqualTo(ProductInfo.current().name() + " " + ProductInfo.current().version() + "\n");
        assertThat(version.stderr).isEmpty();
        assertThat(temp.resolve("cache")).as("no cache for --version").doesNotExist();
    }

    @Test
    void aJavaHomeWithoutJavaIsAClearError() throws Exception {
        Result result = run(temp, null, List.of(LAUNCHER.toString(), "--version"));
        assertThat(result.exit).isEqualTo(127);
        assertThat(result.stderr).contains("JAVA_HOME=" + temp + " has no bin/java");
    }

    @Test
    void aJdkOlderThan17IsRefusedBeforeStartingIt() throws Exception {
        Path old = Files.createDirectories(temp.resolve("jdk8/bin"));
        Path fakeJava = old.resolve("java");
        Files.writeString(fakeJava, "#!/bin/sh\necho started >&2\nexit 99\n");
        assumeTrue(fakeJava.toFile().setExecutable(true));
        Files.writeString(old.getParent().resolve("release"), "JAVA_VERSION=\"1.8.0_412\"\n");
        Result result = run(old.getParent(), null, List.of(LAUNCHER.toString(), "--version"));
        assertThat(result.exit).isEqualTo(127);
        assertThat(result.stderr).contains("needs Java 17 or newer").doesNotContain("started");
    }

    private Result launcher(Path jdk, Path cache, String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(LAUNCHER.toString());
        command.addAll(Arrays.asList(arguments));
        return run(jdk, cache, command);
    }

    private static Result run(Path jdk, Path cache, List<String> command, String... environment) throws Exception {
        return run(jdk, cache, Paths.get("/dev/null"), command, environment);
    }

    private static Result run(Path jdk, Path cache, Path input, List<String> command, String... environment)
            throws Exception {
        List<String> resolved = new ArrayList<>(command);
        if (resolved.get(0).equals("java")) {
            resolved.set(0, jdk.resolve("bin/java").toString());
        }
        ProcessBuilder builder = new ProcessBuilder(resolved);
        builder.environment().put("JAVA_HOME", jdk.toString());
        builder.environment().remove("SECURE_PIPELINE_JAVA_OPTS");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("XDG_CACHE_HOME");
        if (cache != null) {
            builder.environment().put("SECURE_PIPELINE_CACHE", cache.toString());
        }
        for (int i = 0; i < environment.length; i += 2) {
            builder.environment().put(environment[i], environment[i + 1]);
        }
        builder.redirectInput(ProcessBuilder.Redirect.from(input.toFile()));
        Path out = Files.createTempFile("launcher", ".out");
        Path err = Files.createTempFile("launcher", ".err");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("launcher did not finish: " + resolved);
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static List<String> files(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> listing = Files.list(directory)) {
            return listing.map(path -> path.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    private static int feature(Path jdk) {
        Properties release = new Properties();
        try (java.io.Reader reader = Files.newBufferedReader(jdk.resolve("release"), StandardCharsets.UTF_8)) {
            release.load(reader);
        } catch (IOException e) {
            return 0;
        }
        String version = release.getProperty("JAVA_VERSION", "\"0\"").replace("\"", "");
        String first = version.split("[.+-]")[0];
        return first.equals("1") ? 8 : Integer.parseInt(first);
    }

    private static final class Result {
        final int exit;
        final String stdout;
        final String stderr;

        Result(int exit, String stdout, String stderr) {
            this.exit = exit;
            this.stdout = stdout;
            this.stderr = stderr;
        }
    }
}
