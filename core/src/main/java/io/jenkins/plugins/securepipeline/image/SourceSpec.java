package io.jenkins.plugins.securepipeline.image;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The {@code --source} of a push: {@code oci:DIR[:NAME]}, {@code oci-archive:TAR[:NAME]} or
 * {@code docker-archive:TAR}, the transports skopeo users already know.
 */
public record SourceSpec(String transport, Path path, String name) {
    public static SourceSpec parse(String text) throws InvalidImageException {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new InvalidImageException("--source: expected oci:DIR[:NAME], oci-archive:TAR[:NAME] or docker-archive:TAR, got "
                    + Digest.shorten(text));
        }
        String transport = text.substring(0, colon);
        String rest = text.substring(colon + 1);
        if (!transport.equals("oci") && !transport.equals("oci-archive") && !transport.equals("docker-archive")) {
            throw new InvalidImageException("--source: unknown transport '" + Digest.shorten(transport)
                    + "' (use oci:, oci-archive: or docker-archive:)");
        }
        String name = null;
        int last = rest.lastIndexOf(':');
        // A name never contains '/', so DIR:NAME is split only where what follows looks like a name.
        if (last > 0 && !transport.equals("docker-archive") && rest.indexOf('/', last) < 0) {
            name = rest.substring(last + 1);
            rest = rest.substring(0, last);
            if (name.isEmpty()) {
                throw new InvalidImageException("--source: empty image name after ':'");
            }
        }
        if (rest.isEmpty()) {
            throw new InvalidImageException("--source: missing path");
        }
        return new SourceSpec(transport, Path.of(rest), name);
    }

    public ImageSource open() throws IOException {
        switch (transport) {
            case "oci":
                return OciLayoutSource.directory(path, name);
            case "oci-archive":
                return OciLayoutSource.archive(path, name);
            default:
                return DockerArchiveSource.open(path);
        }
    }
}
