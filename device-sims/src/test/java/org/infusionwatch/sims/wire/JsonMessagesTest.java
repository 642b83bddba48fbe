package org.infusionwatch.sims.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.infusionwatch.sims.model.ClinicianEntry;
import org.junit.jupiter.api.Test;

class JsonMessagesTest {

    private final JsonMessages json = new JsonMessages();

    @Test
    void shouldWriteAVentilatorReportAsTheSpecShowsIt() {
        String text = utf8(json.observations(WireSamples.ventReport()));

        assertThat(text).isEqualTo("{\"msgId\":\"VENT-BED01-000042\",\"time\":\"2026-11-22T10:15:00Z\",\"obs\":["
                + "{\"code\":151720,\"refId\":\"MDC_VENT_CONC_AWAY_O2\",\"value\":40,\"unit\":\"MDC_DIM_PERCENT\",\"kind\":\"setting\"},"
                + "{\"code\":151804,\"refId\":\"MDC_PRESS_AWAY_END_EXP_POS\",\"value\":8,\"unit\":\"MDC_DIM_CM_H2O\",\"kind\":\"setting\"},"
                + "{\"code\":184352,\"refId\":\"MDC_VENT_MODE\",\"value\":\"vent-mode-insp-assist\",\"kind\":\"setting\"},"
                + "{\"code\":151586,\"refId\":\"MDC_VENT_RESP_RATE\",\"value\":22,\"unit\":\"MDC_DIM_RESP_PER_MIN\"}]}");
    }

    @Test
    void shouldAddThePumpEvent() {
        String text = utf8(json.observations(WireSamples.pumpStart("STUDY-PRODUCT KIT-0042")));

        assertThat(text).startsWith("{\"msgId\":\"PUMP-BED01-000007\",\"time\":\"2026-11-22T11:00:00Z\",\"obs\":[")
                .contains("{\"code\":184514,\"refId\":\"MDC_DRUG_NAME_LABEL\",\"value\":\"STUDY-PRODUCT KIT-0042\"}")
                .endsWith("],\"event\":{\"code\":197288,\"refId\":\"MDC_EVT_PUMP_DELIV_START\","
                        + "\"drug\":\"STUDY-PRODUCT KIT-0042\",\"rateMlPerHour\":100,\"weightKg\":80}}");
    }

    @Test
    void shouldWriteAClinicianEntry() {
        ClinicianEntry entry = new ClinicianEntry("E-BED01-0001", "INFUSION_START", WireSamples.T_1100, "nurse-17",
                "study product, kit 42");

        assertThat(utf8(json.entry(entry))).isEqualTo("{\"entryId\":\"E-BED01-0001\",\"type\":\"INFUSION_START\","
                + "\"time\":\"2026-11-22T11:00:00Z\",\"by\":\"nurse-17\",\"note\":\"study product, kit 42\"}");
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
