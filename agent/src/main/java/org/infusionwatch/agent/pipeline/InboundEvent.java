package org.infusionwatch.agent.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.infusionwatch.agent.model.AgentNotice;
import org.infusionwatch.agent.model.AlertAction;
import org.infusionwatch.agent.model.ClinicianEntry;
import org.infusionwatch.agent.model.DeviceReport;

/**
 * A pre-allocated ring slot. Filled by a translator on an edge thread, read by the journal and
 * engine handlers, then by the output handler, and cleared for reuse. The Disruptor's sequence
 * barriers give each stage a consistent view; nothing outside the ring keeps a reference to a slot.
 */
public final class InboundEvent {
    InputKind kind;
    InputSource source;
    long receivedAtNanos;
    long tickTimeMs;
    byte[] raw;
    DeviceReport report;
    ClinicianEntry entry;
    AlertAction action;
    String rejectReason;
    AckHandle ack;
    /** Written by the engine handler, read by the output handler. */
    final List<AgentNotice> notices = new ArrayList<>(4);

    public InputKind kind() {
        return kind;
    }

    public InputSource source() {
        return source;
    }

    /** {@link System#nanoTime()} when the edge received the input, for latency measurement. */
    public long receivedAtNanos() {
        return receivedAtNanos;
    }

    /** For {@link InputKind#TICK}: the time the tick stands for, epoch milliseconds. */
    public long tickTimeMs() {
        return tickTimeMs;
    }

    public byte[] raw() {
        return raw;
    }

    public DeviceReport report() {
        return report;
    }

    public ClinicianEntry entry() {
        return entry;
    }

    public AlertAction action() {
        return action;
    }

    public String rejectReason() {
        return rejectReason;
    }

    public AckHandle ack() {
        return ack;
    }

    public List<AgentNotice> notices() {
        return notices;
    }

    void set(InputKind kind, InputSource source, long receivedAtNanos, byte[] raw, AckHandle ack) {
        this.kind = kind;
        this.source = source;
        this.receivedAtNanos = receivedAtNanos;
        this.raw = raw;
        this.ack = ack;
        this.tickTimeMs = 0;
        this.report = null;
        this.entry = null;
        this.action = null;
        this.rejectReason = null;
        this.notices.clear();
    }

    void clear() {
        set(null, null, 0, null, null);
    }
}
