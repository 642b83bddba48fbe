package org.infusionwatch.agent.pipeline;

import com.lmax.disruptor.EventHandler;
import org.infusionwatch.agent.alerts.AgentCore;
import org.infusionwatch.agent.ports.NoticeSink;

/**
 * Feeds the ring into the rule engine. The only writer of bed state: it runs on one thread at a
 * time (the engine thread, or, if so configured, the edge thread that found the engine idle, see
 * {@link CallerRunsEngineProcessor}), and each hand-over between threads is ordered by the
 * processor's lock, so bed state needs no locks of its own. What the engine has to say is left in
 * the slot for the output handler.
 */
public final class EngineHandler implements EventHandler<InboundEvent> {
    private final AgentCore engine;
    private final NoticeSink immediate;

    /** @param immediate gets each notice on the engine's current thread as soon as the engine produces it */
    public EngineHandler(AgentCore engine, NoticeSink immediate) {
        this.engine = engine;
        this.immediate = immediate;
    }

    /** Names the thread, for thread dumps and profiles. */
    @Override
    public void onStart() {
        Thread.currentThread().setName("agent-engine");
    }

    @Override
    public void onEvent(InboundEvent e, long sequence, boolean endOfBatch) {
        switch (e.kind) {
            case DEVICE_REPORT -> engine.onReport(e.report, e.notices);
            case CLINICIAN_ENTRY -> engine.onEntry(e.entry, e.notices);
            case ALERT_ACTION -> engine.onAlertAction(e.action, e.notices);
            case TICK -> engine.onTick(e.tickTimeMs, e.notices);
            case REJECTED -> { }
            default -> throw new IllegalStateException("unknown input kind " + e.kind);
        }
        e.inputRead();
        for (int i = 0; i < e.notices.size(); i++) {
            immediate.onNotice(e.notices.get(i), e.receivedAtNanos);
        }
    }
}
