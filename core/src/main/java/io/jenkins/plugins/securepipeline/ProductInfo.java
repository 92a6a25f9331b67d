package io.jenkins.plugins.securepipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Name and version of this build, read from a resource the build filters, so the CLI's {@code --version}
 * and the audit events name the exact release that made a decision.
 */
public final class ProductInfo {
    private static final String RESOURCE = "product.properties";

    private final String name;
    private final String version;

    private ProductInfo(String name, String version) {
        this.name = name;
        this.version = version;
    }

    public static ProductInfo current() {
        Properties properties = new Properties();
        try (InputStream in = ProductInfo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE + " next to " + ProductInfo.class.getName());
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return new ProductInfo(properties.getProperty("name"), properties.getProperty("version"));
    }

    public String name() {
        return name;
    }

    public String version() {
        return version;
    }
}
