package org.infusionwatch.agent.engine;

import org.infusionwatch.agent.model.ClinicianEntry;

/** Looking up a bed's clinician entries. Stateless. */
final class Entries {
    private Entries() {
    }

    /** The earliest entry of {@code type} in {@code [fromMs, toMs]}, or null. */
    static ClinicianEntry first(BedState bed, ClinicianEntry.Type type, long fromMs, long toMs) {
        ClinicianEntry first = null;
        for (int i = 0; i < bed.entries.size(); i++) {
            ClinicianEntry e = bed.entries.get(i);
            if (e.type() == type && e.timeMs() >= fromMs && e.timeMs() <= toMs
                    && (first == null || e.timeMs() < first.timeMs())) {
                first = e;
            }
        }
        return first;
    }

    /** The notes charted in {@code [fromMs, toMs]}, "time by: text; ...", or empty. */
    static String notes(BedState bed, long fromMs, long toMs) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < bed.entries.size(); i++) {
            ClinicianEntry e = bed.entries.get(i);
            if (e.type() == ClinicianEntry.Type.NOTE && e.timeMs() >= fromMs && e.timeMs() <= toMs) {
                if (out.length() > 0) {
                    out.append("; ");
                }
                out.append(java.time.Instant.ofEpochMilli(e.timeMs())).append(' ').append(e.by()).append(": ")
                        .append(e.note());
            }
        }
        return out.toString();
    }
}
