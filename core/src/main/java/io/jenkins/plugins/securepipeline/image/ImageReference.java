package io.jenkins.plugins.securepipeline.image;

import java.util.regex.Pattern;

/**
 * {@code HOST[:PORT]/REPOSITORY(:TAG|@sha256:HEX)}. The registry host is always explicit: a short name that a
 * Docker client would silently send to Docker Hub is refused, so an image is never pushed somewhere unintended.
 */
public record ImageReference(String registry, String repository, String tag, Digest digest) {
    private static final Pattern HOST = Pattern.compile(
            "(localhost|[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+|\\[[0-9A-Fa-f:.]+\\]|[0-9.]+)(:[0-9]{1,5})?");
    private static final Pattern REPOSITORY = Pattern.compile(
            "[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*(/[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*)*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");

    public static ImageReference parse(String text, String what) throws InvalidImageException {
        if (text == null || text.length() > 512) {
            throw new InvalidImageException(what + ": missing or too long image reference");
        }
        int slash = text.indexOf('/');
        if (slash <= 0) {
            throw new InvalidImageException(what + ": expected HOST[:PORT]/REPOSITORY:TAG or @sha256:HEX, got "
                    + Digest.shorten(text));
        }
        String registry = text.substring(0, slash);
        if (!HOST.matcher(registry).matches()) {
            throw new InvalidImageException(what + ": '" + Digest.shorten(registry)
                    + "' is not a registry host (a host name with a dot, localhost, or an address, with an optional port)");
        }
        String rest = text.substring(slash + 1);
        String tag = null;
        Digest digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = Digest.parse(rest.substring(at + 1), what);
            rest = rest.substring(0, at);
        } else {
            int colon = rest.lastIndexOf(':');
            if (colon < 0) {
                throw new InvalidImageException(what + ": a tag (:TAG) or digest (@sha256:HEX) is required");
            }
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                throw new InvalidImageException(what + ": '" + Digest.shorten(tag) + "' is not a valid tag");
            }
        }
        if (rest.length() > 255 || !REPOSITORY.matcher(rest).matches()) {
            throw new InvalidImageException(what + ": '" + Digest.shorten(rest)
                    + "' is not a valid repository name (lower-case letters, digits, separators . _ - /)");
        }
        return new ImageReference(registry, rest, tag, digest);
    }

    public static boolean isValidTag(String tag) {
        return TAG.matcher(tag).matches();
    }

    /** The same repository, referring to a digest. */
    public ImageReference withDigest(Digest newDigest) {
        return new ImageReference(registry, repository, null, newDigest);
    }

    public ImageReference withTag(String newTag) {
        return new ImageReference(registry, repository, newTag, null);
    }

    /** {@code HOST/REPOSITORY}, what cosign puts into {@code critical.identity.docker-reference}. */
    public String repositoryReference() {
        return registry + "/" + repository;
    }

    /** The tag or digest as used in a manifest URL. */
    public String manifestReference() {
        return digest != null ? digest.toString() : tag;
    }

    @Override
    public String toString() {
        return repositoryReference() + (digest != null ? "@" + digest : ":" + tag);
    }
}
