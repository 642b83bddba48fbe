package org.infusionwatch.sims.wire;

import java.util.Objects;

import org.infusionwatch.sims.model.ClinicianEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A unit's charting system: sends every bed's clinician entries over one MLLP connection as HL7
 * ({@link Hl7EntryWriter}). Refusals ({@code AE}/{@code AR}) are logged; they are not resent.
 *
 * <p>Threading: {@link #publishEntry} may be called from any thread and returns at once; delivery
 * happens on the {@link MllpClient}'s thread.
 */
public final class Hl7EntrySink implements EntrySink, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Hl7EntrySink.class);

    private final MllpClient client;
    private final Hl7EntryWriter writer = new Hl7EntryWriter();

    public Hl7EntrySink(MllpClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public void publishEntry(String unit, String bed, ClinicianEntry entry) {
        client.send(writer.write(unit, bed, entry)).whenComplete((ack, failure) -> {
            // The entry id and type only: the note is free text and could name someone.
            if (failure != null) {
                log.warn("{}/{}: entry {} ({}) not delivered: {}", unit, bed, entry.entryId(), entry.type(),
                        failure.toString());
            } else if (!ack.accepted()) {
                log.warn("{}/{}: entry {} ({}) refused with {}: {}", unit, bed, entry.entryId(), entry.type(),
                        ack.code(), ack.text());
            }
        });
    }

    @Override
    public void close() {
        client.close();
    }
}
