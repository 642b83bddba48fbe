package org.infusionwatch.sims.scenario;

import java.time.Duration;
import java.util.Objects;

import org.infusionwatch.sims.model.DeviceKind;

/**
 * Something goes wrong between one of the bed's devices and the gateway.
 *
 * @param device   which device
 * @param fault    what goes wrong
 * @param duration how long (silence, delay)
 * @param count    how many reports or pairs (duplicates, swaps)
 */
public record NetworkFault(DeviceKind device, Fault fault, Duration duration, int count) implements ScenarioAction {

    /** Kinds of fault. */
    public enum Fault {
        /** Reports are lost (device unplugged, network down). */
        SILENCE,
        /** Reports are held and arrive late, each with its own time (a queue after an outage). */
        DELAY,
        /** The next reports are sent twice with the same message id (a resend after a lost ACK). */
        DUPLICATE,
        /** The next pairs of reports arrive in reverse order. */
        SWAP
    }

    public NetworkFault {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(fault, "fault");
        Objects.requireNonNull(duration, "duration");
    }

    public static NetworkFault silence(DeviceKind device, Duration duration) {
        return new NetworkFault(device, Fault.SILENCE, duration, 0);
    }

    public static NetworkFault delay(DeviceKind device, Duration duration) {
        return new NetworkFault(device, Fault.DELAY, duration, 0);
    }

    public static NetworkFault duplicate(DeviceKind device, int reports) {
        return new NetworkFault(device, Fault.DUPLICATE, Duration.ZERO, reports);
    }

    public static NetworkFault swap(DeviceKind device, int pairs) {
        return new NetworkFault(device, Fault.SWAP, Duration.ZERO, pairs);
    }

    @Override
    public String apply(BedDevices bed, long nowMs) {
        String id = bed.deviceId(device);
        switch (fault) {
            case SILENCE -> bed.faults().mute(id, nowMs + duration.toMillis());
            case DELAY -> bed.faults().delay(id, nowMs + duration.toMillis());
            case DUPLICATE -> bed.faults().duplicate(id, count);
            case SWAP -> bed.faults().swap(id, count);
            default -> throw new IllegalStateException("unknown fault " + fault);
        }
        return id + ": " + fault.name().toLowerCase(java.util.Locale.ROOT)
                + (fault == Fault.SILENCE || fault == Fault.DELAY ? " for " + duration.toSeconds() + " s" : " x" + count);
    }
}
