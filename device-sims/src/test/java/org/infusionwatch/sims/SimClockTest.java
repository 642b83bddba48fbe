package org.infusionwatch.sims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.infusionwatch.sims.testing.HandClock;
import org.junit.jupiter.api.Test;

class SimClockTest {

    private static final Instant START = Instant.parse("2026-11-22T09:00:00Z");

    @Test
    void shouldStartAtSimStart() {
        SimClock clock = new SimClock(START, 60, new HandClock());

        assertThat(clock.nowMillis()).isEqualTo(START.toEpochMilli());
        assertThat(clock.simStart()).isEqualTo(START);
    }

    @Test
    void shouldRunSpeedTimesFasterThanItsSource() {
        HandClock source = new HandClock();
        SimClock clock = new SimClock(START, 60, source);

        source.advance(Duration.ofSeconds(90));

        assertThat(clock.nowMillis()).isEqualTo(START.plus(Duration.ofMinutes(90)).toEpochMilli());
    }

    @Test
    void shouldRefuseSpeedThatIsNotPositive() {
        assertThatThrownBy(() -> new SimClock(START, 0, new HandClock()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("speed: 0.0");
    }
}
