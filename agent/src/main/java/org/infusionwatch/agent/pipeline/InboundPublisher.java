package org.infusionwatch.agent.pipeline;

import com.lmax.disruptor.EventTranslatorOneArg;
import com.lmax.disruptor.RingBuffer;
import org.infusionwatch.agent.model.AlertAction;
import org.infusionwatch.agent.model.ClinicianEntry;
import org.infusionwatch.agent.model.DeviceReport;

/**
 * The only way edges put input into the ring. Thread-safe: any number of edge threads may publish
 * (multi-producer ring). If the pipeline is so configured, a device report's publisher then runs
 * the engine itself when the engine is idle ({@link CallerRunsEngineProcessor}). Publishing blocks only when the ring is full, which pushes back on the
 * devices through TCP and MQTT flow control instead of losing input.
 */
public final class InboundPublisher {
    private final RingBuffer<InboundEvent> ring;
    private final EngineHandOver engine;

    InboundPublisher(RingBuffer<InboundEvent> ring, EngineHandOver engine) {
        this.ring = ring;
        this.engine = engine;
    }

    /** A decoded device message, with its raw bytes for the journal. */
    public void publishReport(DeviceReport report, InputSource source, byte[] raw, AckHandle ack) {
        long seq = ring.next();
        try {
            InboundEvent e = ring.get(seq);
            e.set(InputKind.DEVICE_REPORT, source, System.nanoTime(), raw, ack);
            e.report = report;
        } finally {
            ring.publish(seq);
        }
        engine.afterEdgeInput();
    }

    /** A clinician's entry, with its raw form for the journal. */
    public void publishEntry(ClinicianEntry entry, InputSource source, byte[] raw, AckHandle ack) {
        long seq = ring.next();
        try {
            InboundEvent e = ring.get(seq);
            e.set(InputKind.CLINICIAN_ENTRY, source, System.nanoTime(), raw, ack);
            e.entry = entry;
        } finally {
            ring.publish(seq);
        }
        engine.afterOtherInput();
    }

    /** A person's action on an alert, with its raw form for the journal. */
    public void publishAlertAction(AlertAction action, InputSource source, byte[] raw, AckHandle ack) {
        long seq = ring.next();
        try {
            InboundEvent e = ring.get(seq);
            e.set(InputKind.ALERT_ACTION, source, System.nanoTime(), raw, ack);
            e.action = action;
        } finally {
            ring.publish(seq);
        }
        engine.afterOtherInput();
    }

    /** Input that cannot be used: kept in the journal with the reason, then acknowledged negatively. */
    public void publishRejected(InputSource source, byte[] raw, String reason, AckHandle ack) {
        long seq = ring.next();
        try {
            InboundEvent e = ring.get(seq);
            e.set(InputKind.REJECTED, source, System.nanoTime(), raw, ack);
            e.rejectReason = reason;
        } finally {
            ring.publish(seq);
        }
        engine.afterEdgeInput();
    }

    private static final EventTranslatorOneArg<InboundEvent, Long> TICK = (e, seq, timeMs) -> {
        e.set(InputKind.TICK, InputSource.TICKER, System.nanoTime(), null, AckHandle.NONE);
        e.tickTimeMs = timeMs;
    };

    /** The passage of time to {@code timeMs} (epoch milliseconds of the agent's clock). */
    public void publishTick(long timeMs) {
        ring.publishEvent(TICK, timeMs);
        engine.afterOtherInput();
    }
}
