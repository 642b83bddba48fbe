package org.infusionwatch.gateway.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.infusionwatch.agent.model.Alert;
import org.infusionwatch.agent.model.AlertChange;
import org.infusionwatch.agent.model.AlertState;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.agent.model.EventCode;
import org.infusionwatch.agent.model.Priority;
import org.junit.jupiter.api.Test;

class AlertReportWriterTest {
    static final BedRef BED = new BedRef("ICU-A", "BED07");
    static final long RAISED_MS = 1_795_000_000_000L;
    private final AlertReportWriter writer = new AlertReportWriter("INFUSIONWATCH", "0A12345678ABCDEF");

    static Alert alert(String id, Priority priority, Map<String, Object> evidence) {
        return new Alert(id, BED, "STROMA-0007", "ICU-A/BED07/1", EventCode.HYPOXEMIA_WORSENING, priority,
                AlertState.RAISED, RAISED_MS - 900_000, RAISED_MS, "STROMA", "abc", evidence);
    }

    static AlertChange change(String id, AlertState state, long timeMs) {
        return new AlertChange(id, BED, "STROMA-0007", "ICU-A/BED07/1", EventCode.HYPOXEMIA_WORSENING, state, timeMs,
                RAISED_MS - 900_000, "nurse-17", "patient said her name is Jane", "STROMA", "abc");
    }

    private Pcd04Reading written(Object notice, Priority priority) throws Exception {
        byte[] bytes = writer.write((org.infusionwatch.agent.model.AgentNotice) notice, priority, "C1", RAISED_MS + 5);
        return Pcd04Reading.of(new String(bytes, StandardCharsets.UTF_8));
    }

    @Test
    void shouldWriteARaisedAlertAsAPcd04StartThatHapiReads() throws Exception {
        Pcd04Reading m = written(alert("a-1", Priority.HIGH, Map.of("fio2", 0.7, "peep", 14)), Priority.HIGH);

        assertThat(m.get("/MSH-9-1") + "^" + m.get("/MSH-9-2") + "^" + m.get("/MSH-9-3")).isEqualTo("ORU^R40^ORU_R40");
        assertThat(m.get("/MSH-10")).isEqualTo("C1");
        assertThat(m.get("/MSH-3-1") + "^" + m.get("/MSH-3-2") + "^" + m.get("/MSH-3-3"))
                .as("the sender, as devices name themselves").isEqualTo("INFUSIONWATCH^0A12345678ABCDEF^EUI-64");
        assertThat(m.get("/MSH-12")).isEqualTo("2.6");
        assertThat(m.get("/MSH-21-1")).isEqualTo("IHE_PCD_ACM_001");
        assertThat(m.get("/PATIENT_RESULT/PATIENT/VISIT/PV1-3-1")).isEqualTo("ICU-A");
        assertThat(m.get("/PATIENT_RESULT/PATIENT/VISIT/PV1-3-3")).isEqualTo("BED07");
        assertThat(m.get("/PATIENT_RESULT/PATIENT/PID-3")).as("no patient identifier").isNull();
        assertThat(m.get("/PATIENT_RESULT/PATIENT/PID-31")).as("identity unknown to the message").isEqualTo("Y");
        assertThat(m.get("/PATIENT_RESULT/PATIENT/PID-1")).as("PID-1 is not used in PCD-04").isNull();
        assertThat(m.get("/PATIENT_RESULT/ORDER_OBSERVATION/OBR-3-1")).isEqualTo("a-1");
        assertThat(m.get("/PATIENT_RESULT/ORDER_OBSERVATION/OBR-29-2-1")).as("the parent: the alert").isEqualTo("a-1");
        assertThat(m.get("/PATIENT_RESULT/ORDER_OBSERVATION/OBR-29-2-2")).isEqualTo("INFUSIONWATCH");
        assertThat(m.get("/PATIENT_RESULT/ORDER_OBSERVATION/OBR-29-2-3")).isEqualTo("0A12345678ABCDEF");
        assertThat(m.get("/PATIENT_RESULT/ORDER_OBSERVATION/OBR-3-3")).as("the universal id the TF asks for")
                .isEqualTo("0A12345678ABCDEF");
        assertThat(m.get("/PATIENT_RESULT/ORDER_OBSERVATION/OBR-3-4")).isEqualTo("EUI-64");
        assertThat(m.get("/PATIENT_RESULT/ORDER_OBSERVATION/OBR-2-3")).isEqualTo("0A12345678ABCDEF");
        assertThat(m.get("/PATIENT_RESULT/ORDER_OBSERVATION/OBR-4-2")).isEqualTo("MDC_EVT_ALARM");
        assertThat(m.get("/PATIENT_RESULT/ORDER_OBSERVATION/OBR-7")).as("when the message was put together")
                .isEqualTo(m.get("/MSH-7"));

        assertThat(m.obx(0, 2, 1)).isEqualTo("CWE");
        assertThat(m.obx(0, 3, 1)).isEqualTo("196616");
        assertThat(m.obx(0, 3, 2)).isEqualTo("MDC_EVT_ALARM");
        assertThat(m.obx(0, 3, 4)).as("no alternate code: the alert itself is the value").isNull();
        assertThat(m.obx(0, 4, 1)).as("MDS.VMD.channel.metric.facet").isEqualTo("1.0.0.0.1");
        assertThat(m.obx(6, 4, 1)).isEqualTo("1.0.0.0.7");
        assertThat(m.obx(0, 5, 1)).isEqualTo("HYPOXEMIA_WORSENING");
        assertThat(m.obx(0, 5, 2)).isEqualTo("Worsening hypoxemia");
        assertThat(m.obx(0, 5, 3)).isEqualTo(AlertReportWriter.CODE_SYSTEM);
        assertThat(m.obx(0, 5, 9)).startsWith("Worsening hypoxemia").contains("FiO2");
        assertThat(m.get("/PATIENT_RESULT/ORDER_OBSERVATION/OBSERVATION(0)/OBX-14")).as("when the alert was raised")
                .startsWith("20261118");
        assertThat(m.get("/PATIENT_RESULT/ORDER_OBSERVATION/OBSERVATION(0)/OBX-8(1)")).isEqualTo("PH");
        assertThat(m.get("/PATIENT_RESULT/ORDER_OBSERVATION/OBSERVATION(0)/OBX-8(2)")).isEqualTo("SA");
        assertThat(m.attribute("68481")).isEqualTo("start");
        assertThat(m.attribute("68482")).isEqualTo("active");
        assertThat(m.attribute("68483")).isEqualTo("enabled");
        assertThat(m.attribute("68484")).isEqualTo("PH");
        assertThat(m.attribute("68485")).isEqualTo("SA");
    }

    @Test
    void shouldCarryTheLifeCycleInPhaseAndStates() throws Exception {
        Pcd04Reading acked = written(change("a-1", AlertState.ACKNOWLEDGED, RAISED_MS + 60_000), Priority.MEDIUM);
        assertThat(acked.attribute("68481")).isEqualTo("update");
        assertThat(acked.attribute("68482")).isEqualTo("active");
        assertThat(acked.attribute("68483")).isEqualTo("alert-acknowledged");
        assertThat(acked.attribute("68484")).isEqualTo("PM");
        assertThat(acked.get("/PATIENT_RESULT/ORDER_OBSERVATION/OBR-3-1")).as("the same alert id").isEqualTo("a-1");

        Pcd04Reading escalated = written(change("a-1", AlertState.ESCALATED, RAISED_MS + 300_000), Priority.LOW);
        assertThat(escalated.attribute("68481")).isEqualTo("escalate");
        assertThat(escalated.attribute("68483")).isEqualTo("enabled");
        assertThat(escalated.attribute("68484")).as("an escalation is urgent").isEqualTo("PH");

        Pcd04Reading resolved = written(change("a-1", AlertState.RESOLVED, RAISED_MS + 600_000), Priority.MEDIUM);
        assertThat(resolved.attribute("68481")).isEqualTo("end");
        assertThat(resolved.attribute("68482")).isEqualTo("inactive");
    }

    @Test
    void shouldNeverSendStaffNotes() throws Exception {
        AlertChange note = change("a-1", AlertState.ANNOTATED, RAISED_MS + 1);
        assertThat(AlertReportWriter.forwards(note)).isFalse();
        assertThatThrownBy(() -> writer.write(note, Priority.HIGH, "C2", RAISED_MS)).isInstanceOf(IllegalArgumentException.class);

        byte[] acked = writer.write(change("a-1", AlertState.ACKNOWLEDGED, RAISED_MS + 1), Priority.HIGH, "C3", RAISED_MS);
        assertThat(new String(acked, StandardCharsets.UTF_8)).doesNotContain("Jane").doesNotContain("nurse-17")
                .doesNotContain("STROMA-0007");
    }

    @Test
    void shouldEscapeDelimitersInTheWordsItSends() throws Exception {
        Pcd04Reading m = written(new Alert("a|2^x", new BedRef("ICU&B", "BED~1"), "p", "i", EventCode.SIGNAL_LOSS,
                Priority.LOW, AlertState.RAISED, RAISED_MS, RAISED_MS, "STROMA", "abc", Map.of()), Priority.LOW);
        assertThat(m.get("/PATIENT_RESULT/ORDER_OBSERVATION/OBR-3-1")).isEqualTo("a|2^x");
        assertThat(m.get("/PATIENT_RESULT/PATIENT/VISIT/PV1-3-1")).isEqualTo("ICU&B");
        assertThat(m.get("/PATIENT_RESULT/PATIENT/VISIT/PV1-3-3")).isEqualTo("BED~1");
        assertThat(m.attribute("68485")).as("signal loss is technical").isEqualTo("ST");
        assertThat(m.attribute("68484")).isEqualTo("PL");
    }
}
