package org.infusionwatch.gateway.view;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.infusionwatch.agent.eventlog.LoggedEvent;
import org.infusionwatch.agent.model.AgentNotice;
import org.infusionwatch.agent.model.Alert;
import org.infusionwatch.agent.model.AlertChange;
import org.infusionwatch.agent.model.ClinicianEntry;
import org.infusionwatch.agent.model.DeviceReport;
import org.infusionwatch.agent.ports.InputObserver;
import org.infusionwatch.agent.ports.NoticeSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ward view's thread and the only door to its {@link WardState}. Inputs (from the agent's
 * observer stage or start-up recovery) and notices (from the output stage) are queued to one
 * thread, {@code ward-view}, which alone touches the state; readers (HTTP requests) queue a query
 * and wait for its answer. Listeners get an alert's change at once and the whole ward whenever
 * it changed, coalesced to at most one push every {@value #PUSH_PERIOD_MS} ms, and at least
 * every {@value #HEARTBEAT_MS} ms so the clocks on the page move.
 *
 * <p>Inputs wait in a {@link WardInbox} and are applied in batches: the thread is woken for them
 * at most once every {@value #INPUT_BATCH_MS} ms, which is nothing beside the page's own
 * {@value #PUSH_PERIOD_MS}-ms pushes. Notices wake it at once, and a query first applies
 * everything queued before it, so an answer never misses an input that came before the question.
 *
 * <p>The inbox is unbounded: every input is small and the view does little per input, so it
 * keeps up with a ward; it never holds the agent's ring back.
 */
public final class WardView implements NoticeSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WardView.class);
    static final long PUSH_PERIOD_MS = 500;
    static final long HEARTBEAT_MS = 1000;
    /** How long a device report may wait in the inbox before the thread is woken for it. */
    static final long INPUT_BATCH_MS = 20;
    private static final long QUERY_TIMEOUT_MS = 5_000;

    private final ScheduledExecutorService thread;
    private final WardState state;
    private final WardInbox inbox = new WardInbox();
    private final List<WardListener> listeners = new CopyOnWriteArrayList<>();
    private boolean dirty;
    private long lastPushNanos;

    /** A view that keeps its chart values in {@code dataDir/trends.db}. */
    public WardView(WardLayout layout, java.nio.file.Path dataDir) {
        this(new WardState(layout, TrendStore.open(dataDir, layout.historyMs())));
    }

    /** A view whose chart values are kept in memory only. */
    public WardView(WardLayout layout) {
        this(new WardState(layout));
    }

    private WardView(WardState state) {
        this.state = state;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ward-view");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::pushIfDue, PUSH_PERIOD_MS, PUSH_PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    /** What the agent's observer stage and start-up recovery call; every call only queues. */
    public InputObserver inputObserver() {
        return new InputObserver() {
            @Override
            public void onReport(DeviceReport report) {
                queue(report, INPUT_BATCH_MS);
            }

            @Override
            public void onEntry(ClinicianEntry entry) {
                queue(entry, 0);
            }

            @Override
            public void onTick(long timeMs) {
                queue(new Tick(timeMs), INPUT_BATCH_MS);
            }
        };
    }

    /** A clock tick on its way through the inbox. */
    private record Tick(long timeMs) {
    }

    /** Called on the output stage for each new notice (alert, alert change, infusion); only queues. */
    @Override
    public void onNotice(AgentNotice notice, long inputReceivedNanos) {
        queue(notice, 0);
    }

    /** Starts from what the event log already holds (before recovery and the ring start). */
    public void load(List<LoggedEvent> rows, LoggedNotices reader) {
        run(() -> {
            int unreadable = 0;
            for (LoggedEvent row : rows) {
                AgentNotice n = reader.toNotice(row);
                if (n == null) {
                    unreadable++;
                } else {
                    state.onNotice(n);
                }
            }
            if (unreadable > 0) {
                LOG.warn("{} event-log rows could not be shown (unknown codes from another version)", unreadable);
            }
            dirty = true;
        });
    }

    /**
     * Shows the link to the hospital's alert manager on the nurse station: the supplier is read at
     * every snapshot, on the view's thread, so it must be cheap and thread-safe.
     */
    public void watchAlertManager(Supplier<WardSnapshot.AlertManagerLink> link) {
        run(() -> {
            state.watchAlertManager(link);
            dirty = true;
        });
    }

    public void addListener(WardListener listener) {
        listeners.add(listener);
    }

    public void removeListener(WardListener listener) {
        listeners.remove(listener);
    }

    /** Runs {@code query} on the view's thread and waits for its answer (at most 5 s). */
    public <T> T read(Function<WardState, T> query) {
        try {
            return thread.submit(() -> {
                drainInbox();
                return query.apply(state);
            }).get(QUERY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the ward view", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("ward view query failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("ward view did not answer within " + QUERY_TIMEOUT_MS + " ms", e);
        }
    }

    public WardSnapshot snapshot() {
        return read(WardState::snapshot);
    }

    public Optional<WardSnapshot.AlertItem> alert(String alertId) {
        return read(s -> s.alert(alertId));
    }

    private void apply(AgentNotice notice) {
        if (!state.onNotice(notice)) {
            return;
        }
        dirty = true;
        String alertId = notice instanceof Alert a ? a.alertId() : notice instanceof AlertChange c ? c.alertId() : null;
        if (alertId == null) {
            return;
        }
        if (!watched()) {
            return;
        }
        String change = notice instanceof AlertChange c ? c.state().name() : "RAISED";
        state.alert(alertId).ifPresent(item -> {
            for (WardListener l : listeners) {
                safely(() -> l.onAlert(change, item));
            }
        });
        // The ward around it follows with the next push, within PUSH_PERIOD_MS: a burst of alerts
        // costs one snapshot, not one each.
    }

    private boolean watched() {
        for (WardListener l : listeners) {
            if (l.watching()) {
                return true;
            }
        }
        return false;
    }

    private void pushIfDue() {
        drainInbox();
        try {
            state.flushTrendsIfDue(System.nanoTime());
            if (dirty || System.nanoTime() - lastPushNanos >= TimeUnit.MILLISECONDS.toNanos(HEARTBEAT_MS)) {
                push();
            }
        } catch (RuntimeException e) {
            LOG.error("ward view push failed", e);
        }
    }

    private void push() {
        dirty = false;
        lastPushNanos = System.nanoTime();
        if (!watched()) {
            return;
        }
        WardSnapshot snapshot = state.snapshot();
        for (WardListener l : listeners) {
            safely(() -> l.onWard(snapshot));
        }
    }

    private void run(Runnable task) {
        queue(task, 0);
    }

    /**
     * Puts an item in the inbox, and asks the thread to drain it within {@code withinMs}, unless a
     * drain is already asked for; a notice or a person's entry (0 ms) is applied at once even then.
     */
    private void queue(Object item, long withinMs) {
        boolean ask = inbox.offer(item);
        try {
            if (withinMs == 0) {
                thread.execute(this::drainInbox);
            } else if (ask) {
                thread.schedule(this::drainInbox, withinMs, TimeUnit.MILLISECONDS);
            }
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Closed: the gateway is stopping and nobody is looking any more.
        }
    }

    /** On the view's thread: applies everything queued, in order. */
    private void drainInbox() {
        inbox.drain(this::applyQueued);
    }

    private void applyQueued(Object item) {
        try {
            if (item instanceof DeviceReport report) {
                state.onReport(report);
                dirty = true;
            } else if (item instanceof Tick tick) {
                state.onTick(tick.timeMs());
                dirty = true;
            } else if (item instanceof ClinicianEntry entry) {
                state.onEntry(entry);
                dirty = true;
            } else if (item instanceof AgentNotice notice) {
                apply(notice);
            } else if (item instanceof Runnable task) {
                task.run();
            } else {
                throw new IllegalArgumentException("the ward view cannot apply a " + item.getClass().getSimpleName());
            }
        } catch (RuntimeException e) {
            LOG.error("ward view update failed; carrying on", e);
        }
    }

    private static void safely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("ward view update failed; carrying on", e);
        }
    }

    @Override
    public void close() {
        run(state::closeTrends);
        thread.shutdown();
        try {
            if (!thread.awaitTermination(2, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
