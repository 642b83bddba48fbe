package org.infusionwatch.sims.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One report from a simulated device, independent of the wire format. Immutable.
 *
 * @param deviceId     e.g. {@code VENT-BED01}
 * @param kind         the kind of device
 * @param sequence     1, 2, 3 … per device; becomes the message id ({@code VENT-BED01-000042}),
 *                     so a resent report keeps its id and the receiver can drop the duplicate
 * @param timeMs       sim time of the report, epoch milliseconds
 * @param observations the observations, in report order
 * @param event        a pump event, if this report is one
 */
public record DeviceSample(
        String deviceId,
        DeviceKind kind,
        long sequence,
        long timeMs,
        List<Observation> observations,
        Optional<PumpEvent> event) {

    public DeviceSample {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(kind, "kind");
        observations = List.copyOf(observations);
        Objects.requireNonNull(event, "event");
    }

    /** The message id of this report: device id and a six-digit sequence number. */
    public String messageId() {
        // Written out by hand: the load driver asks for it three times per message, thousands of
        // times a second, and String.format's parsing and locale look-ups were most of its cost.
        String digits = Long.toString(sequence);
        StringBuilder id = new StringBuilder(deviceId.length() + 8).append(deviceId).append('-');
        for (int pad = digits.length(); pad < 6; pad++) {
            id.append('0');
        }
        return id.append(digits).toString();
    }

    /** The first observation of {@code term}, if any. */
    public Optional<Observation> find(MdcTerm term) {
        return observations.stream().filter(o -> o.term().equals(term)).findFirst();
    }
}
