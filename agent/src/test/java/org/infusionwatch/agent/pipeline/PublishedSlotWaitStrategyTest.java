package org.infusionwatch.agent.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The hand-over between producers and parked handlers: every published slot reaches every
 * handler, no publish's wake-up is lost, and handlers with nothing to do are parked.
 */
class PublishedSlotWaitStrategyTest {
    private static final int PRODUCERS = 3;
    private static final int EVENTS_PER_PRODUCER = 200_000;

    /** A ring slot: the value a producer put there. */
    private static final class Slot {
        long value;
    }

    /** Sums what it sees, and records the thread it runs on. */
    private static final class Summing implements EventHandler<Slot> {
        final AtomicLong seen = new AtomicLong();
        long sum;
        volatile Thread thread;

        @Override
        public void onEvent(Slot slot, long sequence, boolean endOfBatch) {
            thread = Thread.currentThread();
            sum += slot.value;
            seen.lazySet(seen.get() + 1);
        }
    }

    @Test
    @Timeout(120)
    void shouldWakeEveryHandlerForEveryPublishAndLeaveThemParkedWhenIdle() throws InterruptedException {
        PublishedSlotWaitStrategy strategy = new PublishedSlotWaitStrategy();
        Disruptor<Slot> disruptor = new Disruptor<>(Slot::new, 1024, r -> new Thread(r, "handler"), ProducerType.MULTI,
                strategy);
        strategy.watch(disruptor.getRingBuffer());
        Summing first = new Summing();
        Summing beside = new Summing();
        Summing after = new Summing();
        disruptor.handleEventsWith(first, beside).then(after);
        RingBuffer<Slot> ring = disruptor.start();

        // Producers publish in bursts of random length with gaps of random work between them, so
        // that handlers keep catching up and parking, and publishes race with their parking.
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> producers = new ArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            SplittableRandom random = new SplittableRandom(41 + p);
            Thread producer = new Thread(() -> {
                try {
                    go.await();
                    int published = 0;
                    long blackhole = 0;
                    while (published < EVENTS_PER_PRODUCER) {
                        int burst = Math.min(random.nextInt(1, 8), EVENTS_PER_PRODUCER - published);
                        for (int i = 0; i < burst; i++) {
                            ring.publishEvent((slot, seq, v) -> slot.value = v, (long) ++published);
                        }
                        for (int i = random.nextInt(2_000); i > 0; i--) {
                            blackhole += i ^ blackhole;
                        }
                    }
                    if (blackhole == 42) {
                        Thread.yield();
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "producer-" + p);
            producers.add(producer);
            producer.start();
        }
        go.countDown();
        for (Thread producer : producers) {
            producer.join();
        }

        long total = (long) PRODUCERS * EVENTS_PER_PRODUCER;
        long expectedSum = PRODUCERS * ((long) EVENTS_PER_PRODUCER * (EVENTS_PER_PRODUCER + 1) / 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> after.seen.get() == total);
        assertThat(failures).isEmpty();
        for (Summing handler : List.of(first, beside, after)) {
            assertThat(handler.seen.get()).isEqualTo(total);
        }
        assertThat(first.sum).isEqualTo(expectedSum);
        assertThat(after.sum).isEqualTo(expectedSum);
        assertThat(strategy.missedWakeUps()).isZero();

        // Nothing left to do: the handlers that wait on the ring are parked, not spinning.
        await().atMost(Duration.ofSeconds(10)).until(() -> first.thread.getState() == Thread.State.TIMED_WAITING
                && beside.thread.getState() == Thread.State.TIMED_WAITING);
        disruptor.shutdown();
    }
}
