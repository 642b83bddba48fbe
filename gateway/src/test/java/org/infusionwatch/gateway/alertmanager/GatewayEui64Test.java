package org.infusionwatch.gateway.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayEui64Test {
    @TempDir
    Path dir;

    @Test
    void shouldMakeALocallyAdministeredEui64OnceAndKeepItAcrossStarts() {
        String made = GatewayEui64.loadOrCreate(dir, new SplittableRandom(1));
        String again = GatewayEui64.loadOrCreate(dir, new SplittableRandom(2));

        assertThat(made).matches("[0-9A-F]{16}");
        assertThat(again).as("the kept one, not a new one").isEqualTo(made);
        int firstOctet = Integer.parseInt(made.substring(0, 2), 16);
        assertThat(firstOctet & 0x02).as("locally administered").isEqualTo(0x02);
        assertThat(firstOctet & 0x01).as("unicast").isZero();
        assertThat(dir.resolve(GatewayEui64.FILE)).exists();
    }

    @Test
    void shouldMakeDifferentOnesForDifferentGateways() {
        Path other = dir.resolve("other");
        assertThat(GatewayEui64.loadOrCreate(dir, new SplittableRandom(1)))
                .isNotEqualTo(GatewayEui64.loadOrCreate(other, new SplittableRandom(2)));
    }

    @Test
    void shouldRefuseToStartOnAKeptFileThatHoldsNoEui64() throws Exception {
        Files.writeString(dir.resolve(GatewayEui64.FILE), "not an id\n");
        assertThatThrownBy(() -> GatewayEui64.loadOrCreate(dir, new SplittableRandom(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(GatewayEui64.FILE)
                .hasMessageContaining("fix or remove it");
    }

    @Test
    void shouldTakeAGivenOneInCanonicalForm() {
        assertThat(GatewayEui64.require(" 0a00f00d12345678\n")).isEqualTo("0A00F00D12345678");
        assertThatThrownBy(() -> GatewayEui64.require("0A-00-F0-0D-12-34-56-78"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
