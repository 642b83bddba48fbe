package org.infusionwatch.agent.pipeline;

import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.infusionwatch.agent.alerts.AgentCore;
import org.infusionwatch.agent.ports.InputObserver;
import org.infusionwatch.agent.ports.NoticeSink;
import org.infusionwatch.agent.journal.InputJournal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's ring: edges publish into a multi-producer Disruptor; the journal handler and the
 * engine handler consume every slot side by side; the output handler follows the engine.
 *
 * <pre>
 *   edges ──▶ ring ──▶ JournalHandler (append, sync, release ACKs)
 *                  ├─▶ EngineHandler (bed state, rules; immediate sink) ──▶ NoticeHandler (event log, sinks)
 *                  └─▶ ObserverHandler (views; only when there is an observer)
 * </pre>
 *
 * Optionally ({@link Context#engineOnEdgeThreads}), the edge thread that published a device report
 * runs the engine itself when it finds it idle ({@link CallerRunsEngineProcessor}), and the engine
 * thread takes what edge threads leave (ticks, people's input, backlogs).
 * Only the engine handles every input as it comes. The journal, the output stage and the observer start
 * their batches a gap apart under load ({@link BatchSpacing}), so that on a small machine their
 * wake-ups do not compete with the alert path thousands of times a second.
 *
 * A blocking wait strategy ({@link PublishedSlotWaitStrategy}) keeps an idle gateway idle and
 * keeps handlers from spinning on a slot an edge thread has claimed but not yet filled. Each handler has its own exception
 * handler that logs and carries on with the next input, so one bad input cannot stop the agent.
 */
public final class AgentPipeline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AgentPipeline.class);

    private final Disruptor<InboundEvent> disruptor;
    private final InboundPublisher publisher;
    private final CallerRunsEngineProcessor callerRuns;

    private AgentPipeline(Context ctx) {
        PublishedSlotWaitStrategy waitStrategy = new PublishedSlotWaitStrategy();
        int inputReaders = ctx.observer == InputObserver.NONE ? 1 : 2;
        disruptor = new Disruptor<>(() -> new InboundEvent(inputReaders), ctx.ringSize, threadFactory(), ProducerType.MULTI, waitStrategy);
        waitStrategy.watch(disruptor.getRingBuffer());
        JournalHandler journal = new JournalHandler(ctx.journal, ctx.wallClockMs, ctx.maxJournalBatch,
                ctx.journalCommitGapMicros);
        EngineHandler engine = new EngineHandler(ctx.engine, ctx.immediate);
        NoticeHandler output = new NoticeHandler(ctx.output, BatchSpacing.ofMicros(ctx.backgroundBatchGapMicros));
        LogAndContinue errors = new LogAndContinue();
        disruptor.setDefaultExceptionHandler(errors);
        disruptor.handleEventsWith(journal);
        EngineHandOver handOver = EngineHandOver.NONE;
        if (ctx.engineOnEdgeThreads) {
            CallerRunsEngineProcessor processor = new CallerRunsEngineProcessor(disruptor.getRingBuffer(), engine, errors);
            disruptor.handleEventsWith(processor).then(output);
            handOver = processor;
            callerRuns = processor;
        } else {
            disruptor.handleEventsWith(engine).then(output);
            callerRuns = null;
        }
        if (ctx.observer != InputObserver.NONE) {
            disruptor.handleEventsWith(new ObserverHandler(ctx.observer, BatchSpacing.ofMicros(ctx.backgroundBatchGapMicros)));
        }
        disruptor.start();
        publisher = new InboundPublisher(disruptor.getRingBuffer(), handOver);
    }

    /** Starts the ring and its handler threads. */
    public static AgentPipeline start(Context ctx) {
        return new AgentPipeline(ctx.conclude());
    }

    public InboundPublisher publisher() {
        return publisher;
    }

    /** Inputs the engine ran on the edge thread that published them (0 with the engine on its own thread only). */
    public long inputsRunOnEdgeThreads() {
        return callerRuns == null ? 0 : callerRuns.ranOnCallers();
    }

    /** Drains what was published, then stops the handlers (which close the journal). */
    @Override
    public void close() {
        try {
            disruptor.shutdown(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            LOG.warn("ring did not drain within 10 s; halting");
            disruptor.halt();
        }
    }

    private static ThreadFactory threadFactory() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "agent-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Logs a failed input with its kind only (never its content, which may hold patient data). */
    private static final class LogAndContinue implements ExceptionHandler<InboundEvent> {
        @Override
        public void handleEventException(Throwable ex, long sequence, InboundEvent event) {
            LOG.error("input {} ({}) failed in a handler; continuing with the next", sequence,
                    event == null ? "?" : event.kind(), ex);
        }

        @Override
        public void handleOnStartException(Throwable ex) {
            LOG.error("handler failed to start", ex);
        }

        @Override
        public void handleOnShutdownException(Throwable ex) {
            LOG.error("handler failed to shut down", ex);
        }
    }

    /** Settings of the pipeline; defaults in one place, checked once in {@link #conclude()}. */
    public static final class Context {
        /** Under load, at most 500 journal syncs a second; a lone message is not delayed. */
        public static final long DEFAULT_JOURNAL_COMMIT_GAP_MICROS = 2_000;
        /** Under load, the output stage and the observer wake about 100 times a second each. */
        public static final long DEFAULT_BACKGROUND_BATCH_GAP_MICROS = 10_000;

        private int ringSize = 8192;
        private int maxJournalBatch = 512;
        private long journalCommitGapMicros = DEFAULT_JOURNAL_COMMIT_GAP_MICROS;
        private long backgroundBatchGapMicros = DEFAULT_BACKGROUND_BATCH_GAP_MICROS;
        private InputJournal journal;
        private AgentCore engine;
        private NoticeOutput output;
        private InputObserver observer = InputObserver.NONE;
        private NoticeSink immediate = NoticeSink.NONE;
        private LongSupplier wallClockMs = System::currentTimeMillis;
        private boolean engineOnEdgeThreads;

        public Context ringSize(int v) {
            ringSize = v;
            return this;
        }

        public Context maxJournalBatch(int v) {
            maxJournalBatch = v;
            return this;
        }

        /**
         * The least time between two journal commits while inputs keep coming ({@link CommitSpacing});
         * {@value #DEFAULT_JOURNAL_COMMIT_GAP_MICROS} µs by default, 0 to commit every caught-up batch at once.
         */
        public Context journalCommitGapMicros(long v) {
            journalCommitGapMicros = v;
            return this;
        }

        /**
         * The least time between two batches of the output stage, and of the observer, while
         * inputs keep coming ({@link BatchSpacing}); {@value #DEFAULT_BACKGROUND_BATCH_GAP_MICROS} µs
         * by default, 0 to wake them for every input. The engine thread publishes alerts itself and
         * never waits for either.
         */
        public Context backgroundBatchGapMicros(long v) {
            backgroundBatchGapMicros = v;
            return this;
        }

        public Context journal(InputJournal v) {
            journal = v;
            return this;
        }

        public Context engine(AgentCore v) {
            engine = v;
            return this;
        }

        /** Sees every accepted input beside the engine (views); none by default. */
        public Context observer(InputObserver v) {
            observer = v;
            return this;
        }

        /**
         * Gets every notice on the engine thread the moment the engine produces it, before the
         * output stage logs it: the alert publisher, so that a nurse's alert does not wait for
         * another thread to wake up and for the previous notice's log write. Not called for the
         * notices re-derived at start-up, which go through {@link #output}'s sinks (only those
         * the broker never confirmed are sent again). None by default.
         */
        public Context immediate(NoticeSink v) {
            immediate = v;
            return this;
        }

        /** Where notices go: event log, then sinks. */
        public Context output(NoticeOutput v) {
            output = v;
            return this;
        }

        /**
         * Whether an edge thread that publishes a device report runs the engine itself when the
         * engine is idle ({@link CallerRunsEngineProcessor}), instead of waking the engine thread
         * for it. Off by default: it shortens the median, not the tail (docs/performance.md, stop 17).
         */
        public Context engineOnEdgeThreads(boolean v) {
            engineOnEdgeThreads = v;
            return this;
        }

        public Context wallClockMs(LongSupplier v) {
            wallClockMs = v;
            return this;
        }

        Context conclude() {
            Objects.requireNonNull(journal, "journal");
            Objects.requireNonNull(engine, "engine");
            Objects.requireNonNull(output, "output");
            if (Integer.bitCount(ringSize) != 1) {
                throw new IllegalArgumentException("ringSize must be a power of two, was " + ringSize);
            }
            if (maxJournalBatch < 1) {
                throw new IllegalArgumentException("maxJournalBatch must be at least 1, was " + maxJournalBatch);
            }
            if (journalCommitGapMicros < 0 || journalCommitGapMicros > 1_000_000) {
                throw new IllegalArgumentException("journalCommitGapMicros must be 0 to 1,000,000, was " + journalCommitGapMicros);
            }
            if (backgroundBatchGapMicros < 0 || backgroundBatchGapMicros > 1_000_000) {
                throw new IllegalArgumentException("backgroundBatchGapMicros must be 0 to 1,000,000, was " + backgroundBatchGapMicros);
            }
            return this;
        }
    }
}
