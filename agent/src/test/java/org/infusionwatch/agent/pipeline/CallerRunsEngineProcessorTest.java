package org.infusionwatch.agent.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The engine on whichever thread finds it idle: one thread at a time, every input once and in ring
 * order, the publisher's own thread when the engine is idle, and the engine thread for what edge
 * threads must leave (ticks, backlogs beyond {@link CallerRunsEngineProcessor#MAX_ON_CALLER}).
 */
class CallerRunsEngineProcessorTest {
    private static final InputSource SOURCE = new InputSource(InputSource.Format.HL7_MLLP, "test");

    /** Records which thread ran each sequence, and fails if two threads are ever inside at once. */
    private static final class Recording implements EventHandler<InboundEvent> {
        final AtomicInteger inside = new AtomicInteger();
        final AtomicInteger overlaps = new AtomicInteger();
        final AtomicLong outOfOrder = new AtomicLong();
        final ConcurrentHashMap<String, AtomicLong> byThread = new ConcurrentHashMap<>();
        /** Written only by the thread holding the engine; read after the run. */
        long lastSequence = -1;
        long ran;
        volatile CountDownLatch holdFirst = new CountDownLatch(0);
        volatile CountDownLatch firstEntered = new CountDownLatch(1);

        @Override
        public void onStart() {
            Thread.currentThread().setName("agent-engine");
        }

        @Override
        public void onEvent(InboundEvent e, long sequence, boolean endOfBatch) throws InterruptedException {
            if (inside.incrementAndGet() != 1) {
                overlaps.incrementAndGet();
            }
            if (sequence != lastSequence + 1) {
                outOfOrder.incrementAndGet();
            }
            lastSequence = sequence;
            ran++;
            byThread.computeIfAbsent(Thread.currentThread().getName(), k -> new AtomicLong()).incrementAndGet();
            if (sequence == 0) {
                firstEntered.countDown();
                holdFirst.await();
            }
            inside.decrementAndGet();
        }

        long on(String thread) {
            AtomicLong n = byThread.get(thread);
            return n == null ? 0 : n.get();
        }
    }

    private final List<Thread> engineThreads = new ArrayList<>();
    private CallerRunsEngineProcessor processor;

    @AfterEach
    void stop() throws InterruptedException {
        if (processor != null) {
            processor.halt();
        }
        for (Thread t : engineThreads) {
            t.join(10_000);
        }
    }

    private InboundPublisher start(Recording handler, int ringSize) {
        PublishedSlotWaitStrategy strategy = new PublishedSlotWaitStrategy();
        RingBuffer<InboundEvent> ring = RingBuffer.createMultiProducer(() -> new InboundEvent(1), ringSize, strategy);
        strategy.watch(ring);
        processor = new CallerRunsEngineProcessor(ring, handler, new Rethrowing());
        ring.addGatingSequences(processor.getSequence());
        Thread engine = new Thread(processor, "engine-starting");
        engine.setDaemon(true);
        engineThreads.add(engine);
        engine.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.getName().equals("agent-engine")
                && engine.getState() == Thread.State.TIMED_WAITING);
        return new InboundPublisher(ring, processor);
    }

    private static void report(InboundPublisher publisher) {
        publisher.publishRejected(SOURCE, new byte[0], "test", AckHandle.NONE);
    }

    @Test
    @Timeout(30)
    void shouldRunAReportOnThePublishingThreadWhenTheEngineIsIdle() {
        Recording handler = new Recording();
        InboundPublisher publisher = start(handler, 64);

        report(publisher);
        report(publisher);

        String me = Thread.currentThread().getName();
        assertThat(handler.on(me)).as("run before publish returned, on the publishing thread").isEqualTo(2);
        assertThat(handler.on("agent-engine")).isZero();
        assertThat(processor.getSequence().get()).isEqualTo(1);
        assertThat(processor.ranOnCallers()).isEqualTo(2);
    }

    @Test
    @Timeout(30)
    void shouldLeaveTicksAndPeoplesInputToTheEngineThread() {
        Recording handler = new Recording();
        InboundPublisher publisher = start(handler, 64);

        publisher.publishTick(1_000L);

        await().atMost(Duration.ofSeconds(10)).until(() -> processor.getSequence().get() == 0);
        assertThat(handler.on("agent-engine")).isEqualTo(1);
        assertThat(handler.on(Thread.currentThread().getName())).isZero();
    }

    @Test
    @Timeout(30)
    void shouldHandABacklogBeyondTheLimitToTheEngineThread() throws InterruptedException {
        Recording handler = new Recording();
        handler.holdFirst = new CountDownLatch(1);
        InboundPublisher publisher = start(handler, 512);
        int backlog = 200;

        // The first report holds the engine on its publishing thread while the backlog arrives.
        Thread holder = new Thread(() -> report(publisher), "edge-holder");
        holder.start();
        handler.firstEntered.await();
        for (int i = 0; i < backlog; i++) {
            report(publisher); // finds the engine held: leaves the input to the holder
        }
        assertThat(handler.on(Thread.currentThread().getName())).isZero();
        handler.holdFirst.countDown();
        holder.join();

        await().atMost(Duration.ofSeconds(10)).until(() -> processor.getSequence().get() == backlog);
        assertThat(handler.on("edge-holder")).isBetween(1L, (long) CallerRunsEngineProcessor.MAX_ON_CALLER);
        assertThat(handler.on("edge-holder") + handler.on("agent-engine")).isEqualTo(backlog + 1);
        assertThat(handler.outOfOrder.get()).isZero();
        assertThat(handler.overlaps.get()).isZero();
    }

    @Test
    @Timeout(120)
    void shouldRunEveryInputOnceInRingOrderOneThreadAtATimeWhileManyThreadsPublish() throws InterruptedException {
        Recording handler = new Recording();
        InboundPublisher publisher = start(handler, 64);
        int producers = 4;
        int perProducer = 50_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int id = p;
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < perProducer; i++) {
                    if (id == 0 && i % 1_000 == 0) {
                        publisher.publishTick(i);
                    } else {
                        report(publisher);
                    }
                }
            }, "edge-" + p);
            threads.add(t);
            t.start();
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }

        long total = (long) producers * perProducer;
        await().atMost(Duration.ofSeconds(30)).until(() -> processor.getSequence().get() == total - 1);
        assertThat(handler.overlaps.get()).as("two threads inside the engine at once").isZero();
        assertThat(handler.outOfOrder.get()).as("inputs skipped or run twice").isZero();
        assertThat(handler.ran).isEqualTo(total);
        assertThat(processor.ranOnCallers()).isPositive();
        assertThat(processor.missedHandOvers()).isZero();
    }

    /** Test failures inside the handler must not be swallowed. */
    private static final class Rethrowing implements ExceptionHandler<InboundEvent> {
        @Override
        public void handleEventException(Throwable ex, long sequence, InboundEvent event) {
            throw new AssertionError("handler failed at " + sequence, ex);
        }

        @Override
        public void handleOnStartException(Throwable ex) {
            throw new AssertionError(ex);
        }

        @Override
        public void handleOnShutdownException(Throwable ex) {
            throw new AssertionError(ex);
        }
    }
}
