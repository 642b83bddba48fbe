package org.infusionwatch.agent.pipeline;

import com.lmax.disruptor.EventHandler;
import org.infusionwatch.agent.ports.InputObserver;

/**
 * Shows each accepted input to an {@link InputObserver}, beside the engine, never touching bed
 * state. The observer feeds views that people read, so under load its batches start a gap apart
 * ({@link BatchSpacing}) rather than it waking for every input.
 */
final class ObserverHandler implements EventHandler<InboundEvent> {
    private final InputObserver observer;
    private final BatchSpacing spacing;

    ObserverHandler(InputObserver observer, BatchSpacing spacing) {
        this.observer = observer;
        this.spacing = spacing;
    }

    /** Names the thread, for thread dumps, profiles and the gateway's background scheduling. */
    @Override
    public void onStart() {
        Thread.currentThread().setName("agent-observer");
    }

    @Override
    public void onEvent(InboundEvent e, long sequence, boolean endOfBatch) {
        switch (e.kind) {
            case DEVICE_REPORT -> observer.onReport(e.report);
            case CLINICIAN_ENTRY -> observer.onEntry(e.entry);
            case TICK -> observer.onTick(e.tickTimeMs);
            default -> { }
        }
        e.inputRead();
        if (endOfBatch) {
            spacing.awaitTurn();
            spacing.starting();
        }
    }
}
