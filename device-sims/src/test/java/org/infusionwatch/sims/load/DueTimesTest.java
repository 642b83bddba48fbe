package org.infusionwatch.sims.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class DueTimesTest {

    @Test
    void shouldGiveBackDueTimesInTheOrderTheyWereAdded() {
        DueTimes times = new DueTimes();
        assertThat(times.poll()).isEqualTo(Long.MIN_VALUE);

        for (long i = 0; i < 3 * DueTimes.CAPACITY; i++) { // wraps round the ring three times
            times.add(-i);
            times.add(i);
            assertThat(times.poll()).isEqualTo(-i);
            assertThat(times.poll()).isEqualTo(i);
        }
        assertThat(times.poll()).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldMakeTheWriterWaitWhileTheRingIsFullAndLoseNothing() throws Exception {
        DueTimes times = new DueTimes();
        for (long i = 0; i < DueTimes.CAPACITY; i++) {
            times.add(i);
        }
        CompletableFuture<Void> overflow = CompletableFuture.runAsync(() -> {
            times.add(DueTimes.CAPACITY);
            times.add(DueTimes.CAPACITY + 1);
        });

        assertThat(overflow).isNotDone();
        long expected = 0;
        while (expected < DueTimes.CAPACITY + 2) {
            long next = times.poll();
            if (next != Long.MIN_VALUE) {
                assertThat(next).isEqualTo(expected++);
            }
        }
        overflow.get(10, TimeUnit.SECONDS);
        assertThat(times.poll()).isEqualTo(Long.MIN_VALUE);
    }
}
