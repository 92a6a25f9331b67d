package io.jenkins.plugins.securepipeline.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AwsClientSettingsTest {
    @Test
    void regionIsRequiredAndMustBeRegional() {
        assertThatThrownBy(() -> AwsClientSettings.builder(null).build()).hasMessageStartingWith("region: required");
        assertThatThrownBy(() -> AwsClientSettings.builder("aws-global").build()).hasMessageContaining("not an AWS region");
        assertThatThrownBy(() -> AwsClientSettings.builder("europe").build()).hasMessageContaining("region");
        assertThat(AwsClientSettings.builder(" EU-West-1 ").build().region()).isEqualTo("eu-west-1");
        assertThat(AwsClientSettings.builder("us-gov-west-1").build().region()).isEqualTo("us-gov-west-1");
    }

    @Test
    void regionalEndpointsByDefaultWithFipsAndChinaSuffixes() {
        assertThat(AwsClientSettings.builder("eu-west-1").build().endpoint("sts")).hasToString("https://sts.eu-west-1.amazonaws.com");
        assertThat(AwsClientSettings.builder("us-gov-west-1").fips(true).build().endpoint("rolesanywhere"))
                .hasToString("https://rolesanywhere-fips.us-gov-west-1.amazonaws.com");
        assertThat(AwsClientSettings.builder("cn-north-1").build().endpoint("sts")).hasToString("https://sts.cn-north-1.amazonaws.com.cn");
    }

    @Test
    void privateLinkOverrideIsUsedForItsServiceOnly() {
        URI vpce = URI.create("https://vpce-0abc123-xyz.sts.eu-west-1.vpce.amazonaws.com");
        AwsClientSettings settings = AwsClientSettings.builder("eu-west-1").endpointOverride("sts", vpce).build();
        assertThat(settings.endpoint("sts")).isEqualTo(vpce);
        assertThat(settings.endpoint("ecr")).hasToString("https://ecr.eu-west-1.amazonaws.com");
    }

    @Test
    void plainHttpOverridesAreOnlyForLoopback() {
        assertThatThrownBy(() -> AwsClientSettings.builder("eu-west-1").endpointOverride("sts", URI.create("http://sts.example.com")))
                .hasMessageContaining("must use https");
        assertThatThrownBy(() -> AwsClientSettings.builder("eu-west-1").endpointOverride("sts", URI.create("https://u:p@sts.example.com")))
                .hasMessageContaining("no user information");
        assertThatThrownBy(() -> AwsClientSettings.builder("eu-west-1").endpointOverride("sts", URI.create("/relative")))
                .hasMessageContaining("absolute");
        assertThatThrownBy(() -> AwsClientSettings.builder("eu-west-1").endpointOverride("STS!", URI.create("https://x")))
                .hasMessageContaining("signing name");
        AwsClientSettings.builder("eu-west-1").endpointOverride("sts", URI.create("http://127.0.0.1:8080")).build();
        AwsClientSettings.builder("eu-west-1").endpointOverride("sts", URI.create("http://localhost:8080")).build();
    }

    @Test
    void timeoutsAndRetriesAreBounded() {
        assertThatThrownBy(() -> AwsClientSettings.builder("eu-west-1").connectTimeout(Duration.ZERO).build()).hasMessageStartingWith("connectTimeout");
        assertThatThrownBy(() -> AwsClientSettings.builder("eu-west-1").readTimeout(Duration.ofSeconds(-1)).build()).hasMessageStartingWith("readTimeout");
        assertThatThrownBy(() -> AwsClientSettings.builder("eu-west-1").maxAttempts(0).build()).hasMessageStartingWith("maxAttempts");
        assertThatThrownBy(() -> AwsClientSettings.builder("eu-west-1").maxAttempts(21).build()).hasMessageStartingWith("maxAttempts");
    }

    @Test
    void noProxyFollowsTheUsualConventions() {
        ProxySettings proxy = new ProxySettings(URI.create("http://proxy.corp:3128"),
                ProxySettings.parseNoProxy("localhost, .internal.corp,*.vpce.amazonaws.com ,10.0.0.5"));
        assertThat(proxy.bypasses("localhost")).isTrue();
        assertThat(proxy.bypasses("git.internal.corp")).isTrue();
        assertThat(proxy.bypasses("internal.corp")).isTrue();
        assertThat(proxy.bypasses("vpce-1.sts.eu-west-1.vpce.amazonaws.com")).isTrue();
        assertThat(proxy.bypasses("10.0.0.5")).isTrue();
        assertThat(proxy.bypasses("sts.eu-west-1.amazonaws.com")).isFalse();
        assertThat(proxy.bypasses("notinternal.corp")).isFalse();
        assertThat(new ProxySettings(URI.create("http://p:1"), List.of("*")).bypasses("anything")).isTrue();
    }

    @Test
    void proxyUrlsWithCredentialsAreRefused() {
        assertThatThrownBy(() -> new ProxySettings(URI.create("http://user:pass@proxy:3128"), List.of()))
                .hasMessageContaining("user information").hasMessageNotContaining("pass@");
        assertThatThrownBy(() -> new ProxySettings(URI.create("socks5://proxy:1080"), List.of())).hasMessageStartingWith("proxy:");
    }
}
