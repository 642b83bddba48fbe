package org.infusionwatch.sims.model;

import java.util.List;

/**
 * A simulated device: a pure model driven by sim time, with no threads and no wall clock.
 *
 * <p>Threading: not thread-safe; one thread owns a model and calls every method.
 */
public interface DeviceModel {

    /** E.g. {@code VENT-BED01}. */
    String deviceId();

    DeviceKind kind();

    /** The sim time at which this device next has something to report; {@link Long#MAX_VALUE} if nothing. */
    long nextDueMs();

    /**
     * Moves the device to {@code nowMs} and returns every report due at or before it, oldest
     * first, each stamped with the time it was due.
     */
    List<DeviceSample> tick(long nowMs);
}
