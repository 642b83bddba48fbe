package org.infusionwatch.sims.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BedPhasesTest {
    private static final long SECOND = 1_000_000_000L;

    @ParameterizedTest(name = "{0} beds over {1} s")
    @CsvSource({"2000, 60", "400, 60", "2000, 10", "1000, 0", "7, 3", "1, 60", "3000, 45"})
    void shouldGiveEveryBedAPhaseOfItsOwnAndKeepTheStartsInOrderAndApart(int beds, int spreadSeconds) {
        BedPhases phases = new BedPhases(beds, spreadSeconds * SECOND, SECOND);
        long gap = spreadSeconds * SECOND / beds;

        Set<Long> phasesSeen = new HashSet<>();
        long previous = -1;
        for (int i = 0; i < beds; i++) {
            long start = phases.startNanos(i);
            assertThat(phasesSeen.add(start % SECOND)).as("phase of bed %d is its own", i).isTrue();
            if (i > 0) {
                assertThat(start - previous).as("bed %d starts at least the gap after bed %d", i, i - 1)
                        .isGreaterThanOrEqualTo(gap);
            }
            previous = start;
        }
        assertThat(phases.startNanos(0)).isZero();
        assertThat(previous).as("the last start stays within the spread, or within the period when there is none")
                .isLessThan(Math.max(spreadSeconds * SECOND, SECOND));
    }

    @ParameterizedTest
    @CsvSource({"2000, 60"})
    void shouldSpreadTheDefaultRunsBedsHalfAMillisecondApartInTheSecond(int beds, int spreadSeconds) {
        BedPhases phases = new BedPhases(beds, spreadSeconds * SECOND, SECOND);
        long[] sorted = new long[beds];
        for (int i = 0; i < beds; i++) {
            sorted[i] = phases.startNanos(i) % SECOND;
        }
        java.util.Arrays.sort(sorted);
        for (int i = 1; i < beds; i++) {
            assertThat(sorted[i] - sorted[i - 1]).isEqualTo(500_000L);
        }
    }
}
