package org.infusionwatch.agent.pipeline;

import com.lmax.disruptor.EventHandler;
import org.infusionwatch.agent.ports.InputObserver;

/** Shows each accepted input to an {@link InputObserver}, beside the engine, never touching bed state. */
final class ObserverHandler implements EventHandler<InboundEvent> {
    private final InputObserver observer;

    ObserverHandler(InputObserver observer) {
        this.observer = observer;
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
    }
}
