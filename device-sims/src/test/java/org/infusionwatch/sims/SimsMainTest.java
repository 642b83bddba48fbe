package org.infusionwatch.sims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SimsMainTest {

    @Test
    void shouldGiveTheNamedScenariosToTheBedsInTurn() {
        SimsMain main = new SimsMain();
        new CommandLine(main).parseArgs("--mllp", "127.0.0.1:2575", "--beds", "3", "--speed", "120",
                "--scenario", "stable,hypoxemia", "--sim-start", "2026-11-22T09:00:00Z");

        SimulatedIcu icu = main.configure().build();

        assertThat(icu.beds()).extracting(b -> b.bed() + "=" + b.scenario().name())
                .containsExactly("BED01=stable", "BED02=hypoxemia", "BED03=stable");
        assertThat(icu.clock().simStart()).isEqualTo(Instant.parse("2026-11-22T09:00:00Z"));
        assertThat(icu.clock().speed()).isEqualTo(120);
    }

    @Test
    void shouldReadHostAndPort() {
        assertThat(SimsMain.HostPort.parse("gateway.local:2575")).isEqualTo(new SimsMain.HostPort("gateway.local", 2575));
        assertThat(SimsMain.HostPort.parse("[::1]:2575")).isEqualTo(new SimsMain.HostPort("::1", 2575));
        assertThatThrownBy(() -> SimsMain.HostPort.parse("2575")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseToRunWithoutAnyTransport() {
        int exit = new CommandLine(new SimsMain()).execute("--beds", "1", "--duration-s", "0");

        assertThat(exit).isNotZero();
    }
}
