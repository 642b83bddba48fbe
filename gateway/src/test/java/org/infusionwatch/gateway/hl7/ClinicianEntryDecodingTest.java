package org.infusionwatch.gateway.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.agent.model.ClinicianEntry;
import org.infusionwatch.agent.model.ReportKind;
import org.infusionwatch.gateway.hl7.fast.FastPcdDecoder;
import org.junit.jupiter.api.Test;

/**
 * A charting system's clinician entry over HL7 (docs/wire-formats.md, "Clinician entries over
 * HL7"): an ORU^R01 whose OBR-4 is IW_ENTRY, read into a {@link ClinicianEntry} with who and when,
 * or refused with AE naming the field. Hand-written messages, not the simulators' writer.
 */
class ClinicianEntryDecodingTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final long WHEN_MS = Instant.parse("2026-11-22T11:05:00Z").toEpochMilli();
    private static final String MSH = "MSH|^~\\&|CHARTING|ICU|INFUSIONWATCH|IW|20261122110630+0000||ORU^R01^ORU_R01"
            + "|CH-000123|P|2.6|||AL|NE||UNICODE UTF-8\r";
    private static final String PATIENT = "PID|||MRN-TEST^^^HOSP^MR\r"
            + "PV1||I|ICU-A^^BED01\r";
    private static final String OBR = "OBR|1||E-7731^CHARTING|IW_ENTRY^InfusionWatch clinician entry^99IW|||"
            + "20261122110400+0000\r";
    private static final String TYPE_ROW = "OBX|1|CWE|IW_ENTRY_TYPE^Clinician entry type^99IW||CARDIOVERSION^^99IW"
            + "||||||F|||20261122110500+0000||nurse-17^Martin^Claire\r";
    private static final String NOTE_ROW = "OBX|2|TX|IW_ENTRY_NOTE^Clinician note^99IW||synchronised 150 J\\T\\ sinus"
            + " restored||||||F|||20261122110500+0000||nurse-17\r";
    private static final String CARDIOVERSION = MSH + PATIENT + OBR + TYPE_ROW + NOTE_ROW;

    private final PcdMessageDecoder decoder =
            new PcdMessageDecoder(Clock.fixed(NOW, ZoneOffset.UTC), "INFUSIONWATCH");

    @Test
    void shouldReadACardioversionWithWhoWhenBedAndNote() {
        Hl7Decoded decoded = decoder.decode(bytes(CARDIOVERSION));

        assertThat(decoded.accepted()).as(decoded.reason()).isTrue();
        assertThat(decoded.isEntry()).isTrue();
        assertThat(decoded.report()).isNull();
        assertThat(decoded.entry()).isEqualTo(new ClinicianEntry("E-7731", new BedRef("ICU-A", "BED01"),
                ClinicianEntry.Type.CARDIOVERSION, WHEN_MS, "nurse-17", "synchronised 150 J& sinus restored"));
        AckView ack = AckView.parse(decoded.ack());
        assertThat(ack.get("MSA-1")).isEqualTo("AA");
        assertThat(ack.get("MSA-2")).isEqualTo("CH-000123");
    }

    @Test
    void shouldReadEveryEntryTypeAndTakeTheTypeWhateverItsCase() {
        for (ClinicianEntry.Type type : ClinicianEntry.Type.values()) {
            String message = CARDIOVERSION.replace("CARDIOVERSION^^99IW", type.name().toLowerCase(java.util.Locale.ROOT) + "^^99IW");

            assertThat(decoder.decode(bytes(message)).entry().type()).isEqualTo(type);
        }
    }

    @Test
    void shouldTakeObr7WhenObx14IsEmptyAndMsh10WhenObr3IsEmpty() {
        String message = MSH + PATIENT + OBR.replace("|E-7731^CHARTING|", "||")
                + TYPE_ROW.replace("|20261122110500+0000|", "||");

        ClinicianEntry entry = decoder.decode(bytes(message)).entry();

        assertThat(entry.timeMs()).isEqualTo(Instant.parse("2026-11-22T11:04:00Z").toEpochMilli());
        assertThat(entry.entryId()).isEqualTo("CH-000123");
        assertThat(entry.note()).isEmpty();
    }

    @Test
    void shouldNotTakeTheSendingTimeForTheEntryTime() {
        String message = MSH + PATIENT + OBR.replace("|20261122110400+0000", "|")
                + TYPE_ROW.replace("|20261122110500+0000|", "||");

        Hl7Decoded decoded = decoder.decode(bytes(message));

        assertRefused(decoded, "OBX^1^14", "no entry time (OBX-14 and OBR-7 empty)");
    }

    @Test
    void shouldRefuseAnEntryWithoutItsBed() {
        Hl7Decoded decoded = decoder.decode(bytes(MSH + "PV1||I|ICU-A\r" + OBR + TYPE_ROW));

        assertRefused(decoded, "PV1^1^3", "a clinician entry needs its bed: PV1-3 must name unit and bed");
    }

    @Test
    void shouldRefuseAnEntryWithoutAnAuthor() {
        Hl7Decoded decoded = decoder.decode(bytes(MSH + PATIENT + OBR + TYPE_ROW.replace("||nurse-17^Martin^Claire", "")));

        assertRefused(decoded, "OBX^1^16", "no author: OBX-16 (responsible observer) is empty");
    }

    @Test
    void shouldRefuseAnUnknownTypeWithoutQuotingIt() {
        Hl7Decoded decoded = decoder.decode(bytes(CARDIOVERSION.replace("CARDIOVERSION^^99IW", "HICCUPS^^99IW")));

        assertRefused(decoded, "OBX^1^5", null);
        assertThat(decoded.reason()).startsWith("OBX-5 is not a known entry type (").contains("CARDIOVERSION")
                .doesNotContain("HICCUPS");
    }

    @Test
    void shouldRefuseAnEntryWithoutItsTypeRow() {
        Hl7Decoded decoded = decoder.decode(bytes(MSH + PATIENT + OBR + NOTE_ROW));

        assertRefused(decoded, "OBR^1^4", "a clinician entry needs an OBX IW_ENTRY_TYPE row");
    }

    @Test
    void shouldRefuseAWithdrawnEntryRatherThanRaiseTheEventItTakesBack() {
        Hl7Decoded decoded = decoder.decode(bytes(CARDIOVERSION.replace("||||||F|||20261122110500+0000||nurse-17^",
                "||||||W|||20261122110500+0000||nurse-17^")));

        assertRefused(decoded, "OBX^1^11", null);
        assertThat(decoded.reason()).contains("withdrawn");
    }

    @Test
    void shouldStillReadAnOrdinaryObservationReportAsADeviceReport() {
        String device = CARDIOVERSION.replace("IW_ENTRY^InfusionWatch clinician entry^99IW", "70001^MDC_DEV_SYS_PT_VENT_MDS^MDC");

        Hl7Decoded decoded = decoder.decode(bytes(device));

        assertThat(decoded.isEntry()).isFalse();
        assertThat(decoded.report().kind()).isEqualTo(ReportKind.OBSERVATIONS);
    }

    @Test
    void shouldLeaveEntriesToHapiOnTheFastPathAndReadThemAlike() {
        FastPcdDecoder fast = new FastPcdDecoder(Clock.fixed(NOW, ZoneOffset.UTC), "INFUSIONWATCH");

        Hl7Decoded decoded = fast.decode(bytes(CARDIOVERSION));

        assertThat(decoded.entry()).isEqualTo(decoder.decode(bytes(CARDIOVERSION)).entry());
        assertThat(fast.delegatedByReason()).containsEntry("CLINICIAN_ENTRY", 1L);
    }

    private static void assertRefused(Hl7Decoded decoded, String location, String reason) {
        assertThat(decoded.ackCode()).isEqualTo(AckCode.AE);
        assertThat(decoded.entry()).isNull();
        assertThat(decoded.report()).isNull();
        assertThat(decoded.errorLocation()).isEqualTo(location);
        if (reason != null) {
            assertThat(decoded.reason()).isEqualTo(reason);
        }
        AckView ack = AckView.parse(decoded.ack());
        assertThat(ack.get("MSA-1")).isEqualTo("AE");
        assertThat(ack.get("MSA-2")).isEqualTo("CH-000123");
    }

    private static byte[] bytes(String message) {
        return message.getBytes(StandardCharsets.UTF_8);
    }
}
