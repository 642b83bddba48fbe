package org.infusionwatch.sims.wire;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.util.Terser;
import java.time.Instant;
import org.infusionwatch.sims.model.ClinicianEntry;
import org.junit.jupiter.api.Test;

class Hl7EntryWriterTest {

    private static final String OBS = "/PATIENT_RESULT/ORDER_OBSERVATION/OBSERVATION";
    private static final long TIME_MS = Instant.parse("2026-11-22T11:05:00Z").toEpochMilli();

    private final Hl7EntryWriter writer = new Hl7EntryWriter();

    @Test
    void shouldWriteTheClinicianEntryOfTheWireFormatSpec() {
        String message = writer.write("ICU-A", "BED01",
                new ClinicianEntry("E-BED01-0001", "CARDIOVERSION", TIME_MS, "nurse-17", "synchronised 150 J"));

        assertThat(message.split("\r")).containsExactly(
                "MSH|^~\\&|IWSIM_CHART|IWSIM|INFUSIONWATCH|IW|20261122110500+0000||ORU^R01^ORU_R01"
                        + "|CHART-E-BED01-0001|P|2.6|||AL|NE||UNICODE UTF-8",
                "PID|||SIM-BED01^^^IWSIM^PI",
                "PV1||I|ICU-A^^BED01",
                "OBR|1||E-BED01-0001^IWSIM_CHART|IW_ENTRY^InfusionWatch clinician entry^99IW|||20261122110500+0000",
                "OBX|1|CWE|IW_ENTRY_TYPE^Clinician entry type^99IW||CARDIOVERSION^^99IW||||||F|||20261122110500+0000"
                        + "||nurse-17",
                "OBX|2|TX|IW_ENTRY_NOTE^Clinician note^99IW||synchronised 150 J||||||F|||20261122110500+0000||nurse-17");
    }

    @Test
    void shouldBeReadByHapiWithTypeTimeAuthorAndAnEscapedNoteRoundTripping() throws Exception {
        String note = "urticaria | new bronchospasm ^ wheeze & rash";

        Terser terser = Hl7Parsing.parse(writer.write("ICU-A", "BED02",
                new ClinicianEntry("E-BED02-0003", "TRANSFUSION_REACTION", TIME_MS, "dr-4", note)));

        assertThat(terser.get("/MSH-9-2")).isEqualTo("R01");
        assertThat(terser.get("/PATIENT_RESULT/PATIENT/VISIT/PV1-3-3")).isEqualTo("BED02");
        assertThat(terser.get("/PATIENT_RESULT/ORDER_OBSERVATION/OBR-4-1")).isEqualTo("IW_ENTRY");
        assertThat(terser.get("/PATIENT_RESULT/ORDER_OBSERVATION/OBR-3-1")).isEqualTo("E-BED02-0003");
        assertThat(terser.get(OBS + "(0)/OBX-5-1")).isEqualTo("TRANSFUSION_REACTION");
        assertThat(terser.get(OBS + "(0)/OBX-14")).isEqualTo("20261122110500+0000");
        assertThat(terser.get(OBS + "(0)/OBX-16-1")).isEqualTo("dr-4");
        assertThat(terser.get(OBS + "(1)/OBX-5")).isEqualTo(note);
    }

    @Test
    void shouldLeaveOutTheNoteRowWhenThereIsNoNote() {
        String message = writer.write("ICU-A", "BED01", new ClinicianEntry("E-1", "DEATH", TIME_MS, "dr-4", ""));

        assertThat(message).doesNotContain("IW_ENTRY_NOTE");
    }
}
