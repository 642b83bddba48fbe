package org.infusionwatch.gateway.replay;

import org.infusionwatch.agent.model.AlertAction;
import org.infusionwatch.agent.model.ClinicianEntry;
import org.infusionwatch.agent.model.DeviceReport;

/** One input read back from a recording (journal or HL7 file), ready for the engine. */
public sealed interface RecordedInput {

    /** A device message. */
    record Report(DeviceReport report) implements RecordedInput {
    }

    /** A clinician's entry. */
    record Entry(ClinicianEntry entry) implements RecordedInput {
    }

    /** A person's action on an alert. */
    record Action(AlertAction action) implements RecordedInput {
    }

    /** The passage of time to {@code timeMs}. */
    record Tick(long timeMs) implements RecordedInput {
    }

    /** Something that was refused when it arrived (or cannot be read now); the engine skips it. */
    record Skipped(String reason) implements RecordedInput {
    }
}
