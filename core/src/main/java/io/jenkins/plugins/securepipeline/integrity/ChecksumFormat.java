package io.jenkins.plugins.securepipeline.integrity;

import java.util.Locale;

/** The checksum file formats we read and write. */
public enum ChecksumFormat {
    /** GNU coreutils {@code sha256sum}: {@code <hex>  <name>}, or {@code <hex> *<name>} in binary mode. */
    GNU,
    /** BSD / coreutils {@code --tag}: {@code SHA256 (<name>) = <hex>}. */
    BSD,
    /** Our JSON manifest: algorithm, names, sizes, digests and an optional signature. */
    JSON;

    public static ChecksumFormat parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown checksum format '" + name + "' (accepted: gnu, bsd, json)", e);
        }
    }
}
