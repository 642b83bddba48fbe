package org.infusionwatch.sims.wire;

import org.infusionwatch.sims.model.DeviceSample;

/**
 * Where a device's reports go: a wire transport that speaks for one device.
 *
 * <p>Threading: {@link #publish} must not block for long; it hands the report to the transport.
 */
@FunctionalInterface
public interface DeviceSink {

    void publish(DeviceSample sample);
}
