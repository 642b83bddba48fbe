package org.infusionwatch.agent.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.infusionwatch.agent.model.Alert;
import org.infusionwatch.agent.model.AlertChange;
import org.infusionwatch.agent.model.AlertState;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.agent.model.EventCode;
import org.infusionwatch.agent.model.InfusionNotice;
import org.infusionwatch.agent.model.Priority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogTest {
    private static final BedRef BED = new BedRef("ICU-A", "BED01");

    @TempDir
    Path dataDir;

    private static Alert alert(String id, long onset) {
        return new Alert(id, BED, "STROMA-0001", "ICU-A/BED01/1", EventCode.HYPOXEMIA_WORSENING, Priority.HIGH,
                AlertState.RAISED, onset, onset + 900_000L, "STROMA", "abc", Map.of("fio2", 0.7));
    }

    @Test
    void shouldRecordTheSameAlertOnlyOnceAcrossRestarts() {
        try (EventLog log = EventLog.open(dataDir)) {
            assertThat(log.record(alert("a-1", 1000))).isTrue();
            assertThat(log.record(alert("a-1", 1000))).isFalse();
        }
        try (EventLog reopened = EventLog.open(dataDir)) {
            assertThat(reopened.record(alert("a-1", 1000))).isFalse();
            assertThat(reopened.record(alert("a-2", 2000))).isTrue();
        }
    }

    @Test
    void shouldWriteTheProfileNameAndHashIntoEveryRowsPayload() throws Exception {
        try (EventLog log = EventLog.open(dataDir)) {
            log.record(new InfusionNotice(BED, "STROMA-0001", "ICU-A/BED01/1", InfusionNotice.Kind.OPENED, 0, 0, "PUMP-1",
                    "LANZONI", "f00d"));
            log.record(new AlertChange("a-1", BED, "STROMA-0001", "ICU-A/BED01/1", EventCode.HYPOXEMIA_WORSENING,
                    AlertState.ACKNOWLEDGED, 2000, 1000, "nurse-17", "", "LANZONI", "f00d"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("eventlog.db"));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT payload FROM events ORDER BY seq")) {
            int rows = 0;
            while (rs.next()) {
                assertThat(rs.getString(1)).contains("\"protocol\":\"LANZONI\"", "\"protocolHash\":\"f00d\"");
                rows++;
            }
            assertThat(rows).isEqualTo(2);
        }
    }

    @Test
    void shouldChainEachRowToThePreviousOne() throws Exception {
        try (EventLog log = EventLog.open(dataDir)) {
            log.record(new InfusionNotice(BED, "STROMA-0001", "ICU-A/BED01/1", InfusionNotice.Kind.OPENED, 0, 0, "PUMP-1",
                    "STROMA", "dc8333d69feb"));
            log.record(alert("a-1", 1000));
        }
        try (EventLog reopened = EventLog.open(dataDir)) {
            reopened.record(alert("a-2", 2000));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("eventlog.db"));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT prev_hash, hash FROM events ORDER BY seq")) {
            String previous = EventLog.GENESIS;
            int rows = 0;
            while (rs.next()) {
                assertThat(rs.getString(1)).isEqualTo(previous);
                previous = rs.getString(2);
                assertThat(previous).hasSize(64).isNotEqualTo(rs.getString(1));
                rows++;
            }
            assertThat(rows).isEqualTo(3);
        }
    }
}
