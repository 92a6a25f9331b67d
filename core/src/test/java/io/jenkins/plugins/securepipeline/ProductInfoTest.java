package io.jenkins.plugins.securepipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProductInfoTest {
    @Test
    void versionIsTheFilteredBuildVersionNotThePlaceholder() {
        ProductInfo info = ProductInfo.current();
        assertThat(info.name()).isEqualTo("aws-secure-pipeline");
        assertThat(info.version()).isNotBlank().doesNotContain("${").matches("\\d+\\.\\d+.*");
    }
}
