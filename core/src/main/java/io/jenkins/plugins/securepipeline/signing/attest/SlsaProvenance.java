package io.jenkins.plugins.securepipeline.signing.attest;

import io.jenkins.plugins.securepipeline.image.Digest;
import io.jenkins.plugins.securepipeline.image.StrictJson;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a build knows about how it made an image, filled in by the caller (the Jenkins step from the build, the CLI
 * from its options), written as a SLSA Provenance v1 predicate ({@code https://slsa.dev/provenance/v1}):
 *
 * <pre>
 * buildDefinition: buildType (ours, see {@link #BUILD_TYPE}),
 *                  externalParameters: {source: {repository, commit}, parameters: {name: value}},
 *                  internalParameters: {buildNumber},
 *                  resolvedDependencies: [{uri: "git+REPO", digest: {gitCommit}}, {name: IMAGE, digest: {sha256}}]
 * runDetails:      builder: {id}, metadata: {invocationId: build URL, startedOn}
 * </pre>
 *
 * Only the builder id is required. Values are identifiers, never secrets: the caller must not pass secret parameters.
 */
public final class SlsaProvenance {
    /** Our build type: the layout above. Verifiers read the source repository from externalParameters.source. */
    public static final String BUILD_TYPE = "https://jenkins.io/aws-secure-pipeline/provenance/pipeline/v1";

    private static final Pattern GIT_COMMIT = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

    /** A base image (or other input image) the build used, by digest. */
    public record BaseImage(String name, Digest digest) {}

    private final String builderId;
    private String buildNumber;
    private String buildUrl;
    private String sourceRepository;
    private String sourceCommit;
    private Instant startedOn;
    private final Map<String, String> parameters = new TreeMap<>();
    private final List<BaseImage> baseImages = new ArrayList<>();

    /** @param builderId a URI naming the builder, e.g. the Jenkins URL and job */
    public SlsaProvenance(String builderId) {
        this.builderId = requireUri(builderId, "builder id");
    }

    public String builderId() {
        return builderId;
    }

    public SlsaProvenance buildNumber(String number) {
        this.buildNumber = blankToNull(number);
        return this;
    }

    public SlsaProvenance buildUrl(String url) {
        this.buildUrl = url == null || url.isBlank() ? null : requireUri(url, "build URL");
        return this;
    }

    /** The repository the build checked out (a URL as the SCM names it), and the commit (hex, or null). */
    public SlsaProvenance source(String repository, String commit) {
        this.sourceRepository = blankToNull(repository);
        String hex = blankToNull(commit);
        if (hex != null && !GIT_COMMIT.matcher(hex).matches()) {
            throw new IllegalArgumentException("source commit: expected 40 or 64 lower-case hex characters, got '"
                    + (hex.length() > 80 ? hex.substring(0, 80) + "..." : hex) + "'");
        }
        if (hex != null && sourceRepository == null) {
            throw new IllegalArgumentException("source commit given without a source repository");
        }
        this.sourceCommit = hex;
        return this;
    }

    public SlsaProvenance startedOn(Instant instant) {
        this.startedOn = instant;
        return this;
    }

    /** A build parameter by name; replaces an earlier value of the same name. */
    public SlsaProvenance parameter(String name, String value) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("build parameter: a name is required");
        }
        parameters.put(name, value == null ? "" : value);
        return this;
    }

    public SlsaProvenance baseImage(String name, Digest digest) {
        if (name == null || name.isBlank() || digest == null) {
            throw new IllegalArgumentException("base image: a name and a sha256 digest are required");
        }
        baseImages.add(new BaseImage(name, digest));
        return this;
    }

    /** The predicate JSON (compact, fields in a fixed order, so the same build gives the same bytes). */
    public byte[] toPredicateJson() {
        Map<String, Object> external = new LinkedHashMap<>();
        if (sourceRepository != null) {
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("repository", sourceRepository);
            if (sourceCommit != null) {
                source.put("commit", sourceCommit);
            }
            external.put("source", source);
        }
        if (!parameters.isEmpty()) {
            external.put("parameters", new LinkedHashMap<>(parameters));
        }
        Map<String, Object> internal = new LinkedHashMap<>();
        if (buildNumber != null) {
            internal.put("buildNumber", buildNumber);
        }
        List<Object> dependencies = new ArrayList<>();
        if (sourceRepository != null && sourceCommit != null) {
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("uri", "git+" + sourceRepository);
            source.put("digest", Map.of("gitCommit", sourceCommit));
            dependencies.add(source);
        }
        for (BaseImage image : baseImages) {
            Map<String, Object> dependency = new LinkedHashMap<>();
            dependency.put("name", image.name());
            dependency.put("digest", Map.of("sha256", image.digest().hex()));
            dependencies.add(dependency);
        }
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("buildType", BUILD_TYPE);
        definition.put("externalParameters", external);
        if (!internal.isEmpty()) {
            definition.put("internalParameters", internal);
        }
        if (!dependencies.isEmpty()) {
            definition.put("resolvedDependencies", dependencies);
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (buildUrl != null) {
            metadata.put("invocationId", buildUrl);
        }
        if (startedOn != null) {
            metadata.put("startedOn", startedOn.truncatedTo(ChronoUnit.SECONDS).toString());
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("builder", Map.of("id", builderId));
        if (!metadata.isEmpty()) {
            run.put("metadata", metadata);
        }
        Map<String, Object> predicate = new LinkedHashMap<>();
        predicate.put("buildDefinition", definition);
        predicate.put("runDetails", run);
        return StrictJson.write(predicate);
    }

    private static String requireUri(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + ": a URI is required");
        }
        try {
            URI uri = new URI(text);
            if (uri.isAbsolute() && uri.getScheme() != null) {
                return text;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException(what + ": not an absolute URI: '" + text + "'");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
