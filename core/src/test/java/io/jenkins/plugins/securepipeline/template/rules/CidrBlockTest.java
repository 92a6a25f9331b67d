package io.jenkins.plugins.securepipeline.template.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrBlockTest {
    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0/0", "10.0.0.0/0", "::/0", "0000::/0", "0:0:0:0:0:0:0:0/0", "0::0/0", " ::/0 ",
            "::ffff:0.0.0.0/0", "2001:db8::/0"})
    void everyAddress(String cidr) {
        assertThat(CidrBlock.parse(cidr)).isNotNull().matches(CidrBlock::everyAddress);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/8", "::/1", "2001:db8::/32", "0.0.0.0/1", "127.0.0.1/32"})
    void notEveryAddress(String cidr) {
        assertThat(CidrBlock.parse(cidr)).isNotNull().matches(b -> !b.everyAddress());
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1/32", "127.0.0.0/8", "::1/128", "0::1/128", "0:0:0:0:0:0:0:1/128", "0000::0001/128"})
    void loopback(String cidr) {
        assertThat(CidrBlock.parse(cidr)).isNotNull().matches(CidrBlock::loopback);
    }

    @ParameterizedTest
    @ValueSource(strings = {"126.0.0.0/7", "::1/127", "::2/128", "10.0.0.1/32", "::/0"})
    void notLoopback(String cidr) {
        assertThat(CidrBlock.parse(cidr)).isNotNull().matches(b -> !b.loopback());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0.0.0.0", "0.0.0.0/33", "::/129", "1:2:3:4:5:6:7:8:9/64", "1::2::3/64", "256.0.0.0/8",
            "fe80::1%eth0/64", "pl-12345678", "12345::/16", "1.2.3/24"})
    void notACidrBlock(String text) {
        assertThat(CidrBlock.parse(text)).isNull();
    }
}
