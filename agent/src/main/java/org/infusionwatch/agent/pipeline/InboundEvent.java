package org.infusionwatch.agent.pipeline;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
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
 *
 * <p>Each stage lets go of what it alone reads as soon as it is done with it: the journal the raw
 * bytes and the acknowledgement, the output handler the notices, and the last of the input's
 * readers (the engine, and the observer when there is one) the decoded input. Without that, a
 * slot would keep its input reachable until the ring came round to it again, a second or more at
 * full load: long enough for the garbage collector to copy every message's objects into the old
 * generation, where they die and must be collected again.
 */
public final class InboundEvent {
    private static final VarHandle READERS_LEFT;

    static {
        try {
            READERS_LEFT = MethodHandles.lookup().findVarHandle(InboundEvent.class, "readersLeft", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Handlers that read the decoded input (report, entry or action) of every slot. */
    private final int inputReaders;
    /** Of those, the ones still to finish with this slot's input; updated atomically. */
    @SuppressWarnings("unused")
    private int readersLeft;

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

    InboundEvent(int inputReaders) {
        if (inputReaders < 1) {
            throw new IllegalArgumentException("a slot's input needs at least one reader, was " + inputReaders);
        }
        this.inputReaders = inputReaders;
    }

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
        this.readersLeft = inputReaders;
    }

    void clear() {
        set(null, null, 0, null, null);
    }

    /**
     * Called by each reader of the decoded input once it is done with it; the last one drops the
     * input. Returns whether this call dropped it.
     */
    boolean inputRead() {
        if ((int) READERS_LEFT.getAndAdd(this, -1) != 1) {
            return false;
        }
        report = null;
        entry = null;
        action = null;
        return true;
    }

    /** Called by the journal once it holds the raw bytes and the acknowledgement. */
    void journalled() {
        raw = null;
        ack = null;
    }
}
