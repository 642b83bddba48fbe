package org.infusionwatch.sims.load;

import org.infusionwatch.sims.model.DeviceKind;
import org.infusionwatch.sims.scenario.BedSimulation;
import org.infusionwatch.sims.wire.DeviceAddress;

/**
 * One load bed: its simulation and the wall-clock mapping of its event clock, which starts
 * {@code staggerNanos} after the run and runs {@code eventMsPerSecond} event ms per wall second.
 */
final class LoadBed {
    /** Event times remembered per bed: 20 s or more of its three devices' messages. */
    private static final int WRITTEN = 64;

    final String name;
    final int number;
    final boolean overMqtt;
    final BedSimulation simulation;
    final long staggerNanos;
    private final long baseMs;
    private final double eventMsPerNano;
    /**
     * When the driver last put this bed's messages of each recent event time on the wire
     * (System.nanoTime), newest last; written by the driving thread, read by the alert watcher.
     */
    private final long[] writtenEventMs = new long[WRITTEN];
    private final long[] writtenNanos = new long[WRITTEN];
    private int writtenNext;
    /** When (nanos into the run) the bed next has something to send; the driving thread's own. */
    long nextDueNanos;
    /** The bed's devices' addresses, by kind, made on first use; the driving thread's own. */
    private final DeviceAddress[] addresses = new DeviceAddress[DeviceKind.values().length];

    LoadBed(String name, int number, boolean overMqtt, BedSimulation simulation, long staggerNanos, long baseMs,
            long eventMsPerSecond) {
        this.name = name;
        this.number = number;
        this.overMqtt = overMqtt;
        this.simulation = simulation;
        this.staggerNanos = staggerNanos;
        this.baseMs = baseMs;
        this.eventMsPerNano = eventMsPerSecond / 1e9;
    }

    /** The address of the bed's {@code kind} device in {@code unit}. Driving thread only. */
    DeviceAddress address(String unit, DeviceKind kind) {
        DeviceAddress address = addresses[kind.ordinal()];
        if (address == null) {
            address = DeviceAddress.of(unit, name, number, kind);
            addresses[kind.ordinal()] = address;
        }
        return address;
    }

    /** Event time of this bed at {@code elapsedNanos} into the run, or -1 before it starts. */
    long eventTimeAt(long elapsedNanos) {
        long own = elapsedNanos - staggerNanos;
        return own < 0 ? -1 : baseMs + (long) (own * eventMsPerNano);
    }

    /** When (nanos into the run) this bed's devices were due to send what happened at {@code eventMs}. */
    long dueElapsedNanos(long eventMs) {
        return staggerNanos + (long) ((eventMs - baseMs) / eventMsPerNano);
    }

    /** Notes that the bed's messages of {@code eventMs} reached the wire at {@code nanos}. */
    synchronized void written(long eventMs, long nanos) {
        int last = Math.floorMod(writtenNext - 1, WRITTEN);
        if (writtenNanos[last] != 0 && writtenEventMs[last] == eventMs) {
            writtenNanos[last] = nanos;
            return;
        }
        writtenEventMs[writtenNext] = eventMs;
        writtenNanos[writtenNext] = nanos;
        writtenNext = (writtenNext + 1) % WRITTEN;
    }

    /** When the bed's messages of {@code eventMs} reached the wire, or -1 if that is no longer known. */
    synchronized long writtenNanos(long eventMs) {
        for (int i = 0; i < WRITTEN; i++) {
            if (writtenNanos[i] != 0 && writtenEventMs[i] == eventMs) {
                return writtenNanos[i];
            }
        }
        return -1;
    }
}
