package org.infusionwatch.sims.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AlertLatenciesTest {
    @Test
    void shouldCountAtFullLoadOnlyTheAlertsDueOnceEveryBedHasStarted() {
        AlertLatencies latencies = new AlertLatencies(60_000_000_000L);

        latencies.recordFromDue(39_000_000_000L, 20_000_000L);
        latencies.recordFromDue(59_999_999_999L, 10_000_000L);
        latencies.recordFromDue(60_000_000_000L, 2_000_000L);
        latencies.recordFromDue(99_000_000_000L, 3_000_000L);

        assertThat(latencies.fromDue().histogram().getTotalCount()).isEqualTo(4);
        assertThat(latencies.fromDueAtFullLoad().histogram().getTotalCount()).isEqualTo(2);
        assertThat(latencies.fromDueAtFullLoad().histogram().getMaxValue()).isBetween(2_900_000L, 3_100_000L);
    }
}
