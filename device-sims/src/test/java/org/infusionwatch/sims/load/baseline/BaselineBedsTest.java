package org.infusionwatch.sims.load.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BaselineBedsTest {

    private static final long MINUTE = 60_000L;
    private final BaselineBeds beds = new BaselineBeds(10 * MINUTE);

    @Test
    void shouldRaiseEachBedsAlertOnceOnItsFirstReportAtOrAfterItsTime() {
        assertThat(beds.raisesAlert("A", 0)).isFalse();
        assertThat(beds.raisesAlert("A", 9 * MINUTE)).isFalse();
        assertThat(beds.raisesAlert("B", 5 * MINUTE)).as("B's own clock starts at its first report").isFalse();
        assertThat(beds.raisesAlert("A", 10 * MINUTE)).isTrue();
        assertThat(beds.raisesAlert("A", 10 * MINUTE)).as("the bed's other devices at the same time").isFalse();
        assertThat(beds.raisesAlert("A", 11 * MINUTE)).isFalse();
        assertThat(beds.raisesAlert("B", 14 * MINUTE)).isFalse();
        assertThat(beds.raisesAlert("B", 16 * MINUTE)).isTrue();
    }

    @Test
    void shouldRaiseTheAlertAgainOnTheNextReportWhenItDidNotGoOut() {
        beds.raisesAlert("A", 0);
        assertThat(beds.raisesAlert("A", 10 * MINUTE)).isTrue();
        beds.notRaised("A");
        assertThat(beds.raisesAlert("A", 11 * MINUTE)).isTrue();
        assertThat(beds.raisesAlert("A", 12 * MINUTE)).isFalse();
    }

    @Test
    void shouldCountFromTheBedsEarliestReportWhenAnotherDeviceWasFirstToArrive() {
        assertThat(beds.raisesAlert("A", 2 * MINUTE)).isFalse();
        assertThat(beds.raisesAlert("A", 0)).isFalse();
        assertThat(beds.raisesAlert("A", 10 * MINUTE)).isTrue();
    }
}
