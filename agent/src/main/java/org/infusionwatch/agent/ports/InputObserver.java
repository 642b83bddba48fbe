package org.infusionwatch.agent.ports;

import org.infusionwatch.agent.model.ClinicianEntry;
import org.infusionwatch.agent.model.DeviceReport;

/**
 * Sees every accepted input, in ring order, on a thread of its own beside the engine: for views
 * that show the latest values and their history (the nurse station). It must not feed back into
 * the engine, and it cannot change bed state. Also called during start-up recovery, on the
 * recovering thread, before the ring starts.
 */
public interface InputObserver {

    void onReport(DeviceReport report);

    void onEntry(ClinicianEntry entry);

    /** The agent clock's time. */
    void onTick(long timeMs);

    InputObserver NONE = new InputObserver() {
        @Override
        public void onReport(DeviceReport report) {
        }

        @Override
        public void onEntry(ClinicianEntry entry) {
        }

        @Override
        public void onTick(long timeMs) {
        }
    };
}
