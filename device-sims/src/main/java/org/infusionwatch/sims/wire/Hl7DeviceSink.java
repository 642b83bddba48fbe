package org.infusionwatch.sims.wire;

import java.util.Objects;

import org.infusionwatch.sims.model.DeviceSample;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one device's reports over its own MLLP connection: periodic reports as PCD-01, pump
 * events as PCD-10, monitor alarms as PCD-04. Refusals ({@code AE}/{@code AR}) are logged; they are not resent.
 *
 * <p>Threading: {@link #publish} may be called from any thread and returns at once; delivery
 * happens on the {@link MllpClient}'s thread.
 */
public final class Hl7DeviceSink implements DeviceSink, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Hl7DeviceSink.class);

    private final DeviceAddress device;
    private final MllpClient client;
    private final Pcd01Writer pcd01 = new Pcd01Writer();
    private final Pcd10Writer pcd10 = new Pcd10Writer();
    private final Pcd04Writer pcd04 = new Pcd04Writer();

    public Hl7DeviceSink(DeviceAddress device, MllpClient client) {
        this.device = Objects.requireNonNull(device, "device");
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public void publish(DeviceSample sample) {
        String message = sample.event().isPresent() ? pcd10.write(device, sample)
                : Pcd04Writer.isAlarm(sample) ? pcd04.write(device, sample) : pcd01.write(device, sample);
        client.send(message).whenComplete((ack, failure) -> {
            if (failure != null) {
                log.warn("{}: {} not delivered: {}", device.deviceId(), sample.messageId(), failure.toString());
            } else if (!ack.accepted()) {
                log.warn("{}: {} refused with {}: {}", device.deviceId(), sample.messageId(), ack.code(), ack.text());
            }
        });
    }

    /** The HL7 message of a sample: PCD-10 for a pump event, PCD-04 for an alarm, else PCD-01. */
    public static String write(DeviceAddress device, DeviceSample sample) {
        if (sample.event().isPresent()) {
            return new Pcd10Writer().write(device, sample);
        }
        return Pcd04Writer.isAlarm(sample) ? new Pcd04Writer().write(device, sample) : new Pcd01Writer().write(device, sample);
    }

    @Override
    public void close() {
        client.close();
    }
}
