package org.infusionwatch.agent.pipeline;

import com.lmax.disruptor.EventHandler;

/**
 * Output stage, after the engine: writes each notice to the event log and hands it to the output's
 * sinks (in the gateway, the nurse station's view and the console; alerts reach MQTT from the
 * engine thread itself, see {@link AgentPipeline.Context#immediate}). A notice the event log
 * already holds (the same alert re-derived after a restart) is sent again only if the broker
 * never confirmed it.
 *
 * <p>Nobody waits for this stage at sub-millisecond scale (the engine thread publishes alerts to
 * MQTT itself), so under load its batches start a gap apart ({@link BatchSpacing}) rather than it
 * waking for every input, almost all of which carry no notice.
 */
final class NoticeHandler implements EventHandler<InboundEvent> {
    private final NoticeOutput output;
    private final BatchSpacing spacing;

    NoticeHandler(NoticeOutput output, BatchSpacing spacing) {
        this.output = output;
        this.spacing = spacing;
    }

    /** Names the thread, for thread dumps, profiles and the gateway's background scheduling. */
    @Override
    public void onStart() {
        Thread.currentThread().setName("agent-output");
    }

    @Override
    public void onEvent(InboundEvent e, long sequence, boolean endOfBatch) {
        for (int i = 0; i < e.notices.size(); i++) {
            output.emit(e.notices.get(i), e.receivedAtNanos);
        }
        e.notices.clear();
        if (endOfBatch) {
            spacing.awaitTurn();
            spacing.starting();
        }
    }
}
