package org.infusionwatch.gateway.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.agent.model.DeviceReport;
import org.infusionwatch.agent.model.ReportKind;
import org.infusionwatch.agent.ports.InputObserver;
import org.infusionwatch.agent.protocol.ProtocolProfile;
import org.infusionwatch.agent.engine.StudyProductMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The view's thread applies every input before a query queued after it, whoever queued the input. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WardViewTest {
    private static final ProtocolProfile STROMA = ProtocolProfile.builtIn("STROMA");
    private static final long T = 1_795_000_000_000L;

    private static WardView view() {
        return new WardView(new WardLayout("STROMA", STROMA.windowMs(), STROMA.longWindowMs(), Map.of(),
                StudyProductMatcher.defaults(), STROMA.vasopressors(), WardLayout.DEFAULT_HISTORY_MS));
    }

    @Test
    void shouldShowEveryInputOfSeveralProducersToAQueryQueuedAfterThem() throws Exception {
        int producers = 4;
        int bedsEach = 2_000;
        try (WardView view = view()) {
            InputObserver observer = view.inputObserver();
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Void>> sent = IntStream.range(0, producers).mapToObj(p -> CompletableFuture.runAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < bedsEach; i++) {
                    observer.onReport(new DeviceReport("m" + i, ReportKind.OBSERVATIONS,
                            new BedRef("ICU-" + p, "BED" + i), "MON-" + i, T + i, List.of(), null));
                    if (i % 500 == 0) {
                        // Queries in between must neither be lost nor hold the inputs up.
                        boolean first = view.read(s -> s.knows(new BedRef("ICU-" + p, "BED0")));
                        assertThat(first).isTrue();
                    }
                }
            })).toList();
            go.countDown();
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);

            long known = view.read(s -> IntStream.range(0, producers).mapToLong(p -> IntStream.range(0, bedsEach)
                    .filter(i -> s.knows(new BedRef("ICU-" + p, "BED" + i))).count()).sum());
            assertThat(known).isEqualTo((long) producers * bedsEach);
        }
    }
}
