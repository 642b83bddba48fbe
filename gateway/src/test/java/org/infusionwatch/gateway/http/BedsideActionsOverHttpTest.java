package org.infusionwatch.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.gateway.testing.AlertSubscriber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a nurse does through the API reaches the agent the way the same thing over MQTT does: an
 * entry or an acknowledgement is written in the MQTT form with the signed-in user as its author,
 * journaled, applied by the engine and published; and the audit trail names who did it. The
 * agent clock stands still at {@link #NOW}; entries carry their own times. Each test uses its
 * own bed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BedsideActionsOverHttpTest {
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    static Path dataDir;
    private static WebGateway web;
    private static AlertSubscriber mqtt;

    @BeforeAll
    static void start() throws Exception {
        // No escalation during the test: the entries are an hour old on the agent clock.
        web = WebGateway.start(dataDir, NOW, s -> s.escalateAfterMinutes(24 * 60)
                .enrol(new BedRef("ICU-A", "BED05"), "STROMA-0005")
                .enrol(new BedRef("ICU-A", "BED06"), "STROMA-0006"));
        mqtt = new AlertSubscriber(web.gateway.mqttUri(), "icu/+/+/#");
    }

    @AfterAll
    static void stop() throws Exception {
        if (mqtt != null) {
            mqtt.close();
        }
        if (web != null) {
            web.close();
        }
    }

    @Test
    void shouldJournalAndApplyAManualInfusionStartPostedByANurseLikeOneFromMqtt() throws Exception {
        ApiClient nurse = ApiClient.signedIn(web.port(), "nurse", "nurse");

        ApiClient.Answer a = nurse.post("/api/beds/ICU-A/BED01/entries",
                "{\"type\":\"INFUSION_START\",\"time\":\"2026-11-22T11:00:00Z\",\"note\":\"pump not connected\"}");

        assertThat(a.status()).isEqualTo(201);
        assertThat(a.json().path("by").asText()).isEqualTo("nurse");
        assertThat(a.json().path("bed").asText()).isEqualTo("ICU-A/BED01");
        JsonNode journaled = journalRow(a.json().path("journalSeq").asLong());
        assertThat(journaled.path("kind").asText()).isEqualTo("CLINICIAN_ENTRY");
        assertThat(journaled.path("format").asText()).as("the MQTT entry form").isEqualTo("ENTRY_JSON");
        assertThat(journaled.path("origin").asText()).isEqualTo("icu/ICU-A/BED01/entries");
        assertThat(journaled.path("payload").asText()).contains("\"type\":\"INFUSION_START\"", "\"by\":\"nurse\"",
                "\"entryId\":\"" + a.json().path("entryId").asText() + "\"");

        await().atMost(PATIENCE).until(() -> published("BED01", "change", "OPENED").isPresent());
        assertThat(published("BED01", "change", "OPENED").get().path("onsetTime").asText())
                .isEqualTo("2026-11-22T11:00:00Z");
        await().atMost(PATIENCE).until(() -> bed(nurse, "ICU-A/BED01").path("infusion").path("state").asText()
                .equals("INFUSING"));
        assertThat(bed(nurse, "ICU-A/BED01").path("recentEntries").get(0).path("by").asText()).isEqualTo("nurse");
        assertThat(AuditTrail.find(dataDir, "nurse", "ENTRY INFUSION_START", "OK"))
                .filteredOn(l -> l.path("target").asText().equals("ICU-A/BED01")).hasSize(1);
    }

    @Test
    void shouldRaiseTheCardioversionEventFromAnEntryAndLetTheNurseAcknowledgeItOnce() throws Exception {
        ApiClient nurse = ApiClient.signedIn(web.port(), "nurse", "nurse");
        String alertId = cardioversionAlertAt(nurse, "BED02");

        ApiClient.Answer ack = nurse.post("/api/alerts/" + alertId + "/acknowledge", "{\"note\":\"physician informed\"}");
        ApiClient.Answer again = ApiClient.signedIn(web.port(), "nurse", "nurse")
                .post("/api/alerts/" + alertId + "/acknowledge", "{}");

        assertThat(ack.status()).isEqualTo(200);
        assertThat(ack.json().path("by").asText()).isEqualTo("nurse");
        assertThat(ack.json().path("journalSeq").asLong()).isPositive();
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("acknowledgedBy").asText()).isEqualTo("nurse");
        await().atMost(PATIENCE).until(() -> published("BED02", "state", "ACKNOWLEDGED").isPresent());
        assertThat(published("BED02", "state", "ACKNOWLEDGED").get().path("by").asText()).isEqualTo("nurse");
        assertThat(published("BED02", "state", "ACKNOWLEDGED").get().path("note").asText()).isEqualTo("physician informed");
        await().atMost(PATIENCE).until(() -> alert(nurse, alertId).path("acknowledgedBy").asText().equals("nurse"));
        assertThat(AuditTrail.find(dataDir, "nurse", "ENTRY CARDIOVERSION", "OK")).isNotEmpty();
        assertThat(AuditTrail.find(dataDir, "nurse", "ACKNOWLEDGE", "OK"))
                .anySatisfy(l -> assertThat(l.path("target").asText()).isEqualTo(alertId));
        assertThat(AuditTrail.find(dataDir, "nurse", "ACKNOWLEDGE", "CONFLICT"))
                .anySatisfy(l -> assertThat(l.path("target").asText()).isEqualTo(alertId));
    }

    @Test
    void shouldAddACoordinatorsNoteToAnAlertWithTheCoordinatorAsAuthor() throws Exception {
        ApiClient nurse = ApiClient.signedIn(web.port(), "nurse", "nurse");
        String alertId = cardioversionAlertAt(nurse, "BED03");
        ApiClient coordinator = ApiClient.signedIn(web.port(), "coordinator", "coordinator");

        ApiClient.Answer note = coordinator.post("/api/alerts/" + alertId + "/notes", "{\"note\":\"source data verified\"}");
        ApiClient.Answer empty = coordinator.post("/api/alerts/" + alertId + "/notes", "{\"note\":\"  \"}");

        assertThat(note.status()).isEqualTo(200);
        assertThat(note.json().path("action").asText()).isEqualTo("ANNOTATE");
        assertThat(empty.status()).isEqualTo(400);
        await().atMost(PATIENCE).until(() -> alert(nurse, alertId).path("notes").size() == 1);
        assertThat(alert(nurse, alertId).path("notes").get(0).path("by").asText()).isEqualTo("coordinator");
        assertThat(alert(nurse, alertId).path("acknowledged").asBoolean()).as("a note is not an acknowledgement").isFalse();
        assertThat(AuditTrail.find(dataDir, "coordinator", "ANNOTATE", "OK"))
                .anySatisfy(l -> assertThat(l.path("target").asText()).isEqualTo(alertId));
    }

    @Test
    void shouldRefuseAnEntryOfAnUnknownTypeOrForAnUnknownBedAndRecordNothing() throws Exception {
        ApiClient nurse = ApiClient.signedIn(web.port(), "nurse", "nurse");

        ApiClient.Answer badType = nurse.post("/api/beds/ICU-A/BED04/entries", "{\"type\":\"HICCUPS\"}");
        ApiClient.Answer badBed = nurse.post("/api/beds/ICU-Z/BED99/entries", "{\"type\":\"DEATH\"}");
        ApiClient.Answer future = nurse.post("/api/beds/ICU-A/BED04/entries",
                "{\"type\":\"DEATH\",\"time\":\"2026-11-22T13:00:00Z\"}");
        ApiClient.Answer badTime = nurse.post("/api/beds/ICU-A/BED04/entries", "{\"type\":\"DEATH\",\"time\":\"noon\"}");

        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.json().path("error").asText()).contains("CARDIOVERSION", "TRANSFUSION_REACTION");
        assertThat(badBed.status()).isEqualTo(404);
        assertThat(future.status()).isEqualTo(400);
        assertThat(badTime.status()).isEqualTo(400);
        assertThat(AuditTrail.lines(dataDir)).noneMatch(l -> l.path("target").asText().equals("ICU-A/BED04"));
        assertThat(journalCount("origin = 'icu/ICU-A/BED04/entries'")).isZero();
    }

    @Test
    void shouldOfferEveryEntryTypeTheAgentKnowsInWords() throws Exception {
        ApiClient nurse = ApiClient.signedIn(web.port(), "nurse", "nurse");

        JsonNode types = nurse.get("/api/entry-types").json();

        assertThat(StreamSupport.stream(types.spliterator(), false).map(t -> t.path("type").asText()))
                .contains("CARDIOVERSION", "TRANSFUSION_REACTION", "CARDIAC_ARREST", "DEATH", "INFUSION_START",
                        "INFUSION_STOP");
        assertThat(types).allSatisfy(t -> assertThat(t.path("label").asText()).isNotBlank());
    }

    @Test
    void shouldPushANewAlertToTheEventStreamWithinASecond() throws Exception {
        ApiClient nurse = ApiClient.signedIn(web.port(), "nurse", "nurse");
        assertThat(nurse.post("/api/beds/ICU-A/BED06/entries",
                "{\"type\":\"INFUSION_START\",\"time\":\"2026-11-22T11:00:00Z\"}").status()).isEqualTo(201);
        BlockingQueue<String> alertEvents = new LinkedBlockingQueue<>();
        HttpResponse<InputStream> stream = nurse.stream();
        Thread reader = new Thread(() -> collectAlertEvents(stream.body(), "ICU-A/BED06", alertEvents), "test-sse-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            long sentNanos = System.nanoTime();
            assertThat(nurse.post("/api/beds/ICU-A/BED06/entries",
                    "{\"type\":\"DEATH\",\"time\":\"2026-11-22T11:30:00Z\"}").status()).isEqualTo(201);

            String data = alertEvents.poll(5, TimeUnit.SECONDS);
            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sentNanos);

            assertThat(data).as("alert event on the stream").isNotNull()
                    .contains("\"change\":\"RAISED\"", "\"bedKey\":\"ICU-A/BED06\"", "\"event\":\"DEATH\"");
            assertThat(elapsedMs).as("from the nurse's entry to the alert on every open page").isLessThan(1_000);
        } finally {
            stream.body().close();
        }
    }

    @Test
    void shouldFilterTheEventLogAndExportTheSameRowsAsCsvAndChartTheEvent() throws Exception {
        ApiClient nurse = ApiClient.signedIn(web.port(), "nurse", "nurse");
        String alertId = cardioversionAlertAt(nurse, "BED05");
        assertThat(nurse.post("/api/alerts/" + alertId + "/acknowledge", "{\"note\":\"amiodarone started\"}").status())
                .isEqualTo(200);
        ApiClient coordinator = ApiClient.signedIn(web.port(), "coordinator", "coordinator");
        await().atMost(PATIENCE).until(() -> coordinator.get("/api/events?bed=ICU-A/BED05").json().path("count").asInt() == 3);

        JsonNode all = coordinator.get("/api/events?bed=ICU-A/BED05").json();
        JsonNode acknowledged = coordinator.get("/api/events?bed=BED05&state=ACKNOWLEDGED").json();
        JsonNode infusions = coordinator.get("/api/events?bed=BED05&kind=INFUSION").json();
        JsonNode afterOnset = coordinator.get("/api/events?bed=BED05&from=2026-11-22T11:01:00Z").json();
        JsonNode otherDay = coordinator.get("/api/events?bed=BED05&to=2026-11-21").json();
        String csv = coordinator.get("/api/events.csv?bed=ICU-A/BED05&code=ARRHYTHMIA_CARDIOVERSION").body();

        assertThat(all.path("rows").findValuesAsText("state")).containsExactly("ACKNOWLEDGED", "RAISED", "OPENED");
        assertThat(acknowledged.path("rows")).singleElement().satisfies(r -> {
            assertThat(r.path("by").asText()).isEqualTo("nurse");
            assertThat(r.path("note").asText()).isEqualTo("amiodarone started");
            assertThat(r.path("patient").asText()).isEqualTo("STROMA-0005");
        });
        assertThat(infusions.path("count").asInt()).isEqualTo(1);
        assertThat(afterOnset.path("count").asInt()).isEqualTo(2);
        assertThat(otherDay.path("count").asInt()).isZero();
        assertThat(csv.split("\r\n")).hasSize(3).satisfies(lines -> {
            assertThat(lines[0]).startsWith("seq,time,unit,bed,patient,infusion_id,kind,event,state");
            assertThat(lines[1]).contains(",RAISED,HIGH,").endsWith("," + alertId);
            assertThat(lines[2]).contains(",ACKNOWLEDGED,", ",nurse,amiodarone started,");
        });
        assertThat(coordinator.get("/api/events?from=yesterday").status()).isEqualTo(400);

        long raisedSeq = all.path("rows").get(1).path("seq").asLong();
        JsonNode timeline = coordinator.get("/api/events/" + raisedSeq + "/timeline").json();
        assertThat(timeline.path("t0Ms").asLong()).isEqualTo(Instant.parse("2026-11-22T11:00:00Z").toEpochMilli());
        assertThat(timeline.path("toMs").asLong() - timeline.path("fromMs").asLong()).isEqualTo(7 * 3_600_000L);
        assertThat(timeline.path("markers").findValuesAsText("kind"))
                .contains("onset", "crossing", "alert", "acknowledged");
        assertThat(coordinator.get("/api/events/999999/timeline").status()).isEqualTo(404);
        assertThat(coordinator.get("/api/verify").json().path("intact").asBoolean()).isTrue();
    }

    /** Reads the event stream, queueing the data of each {@code alert} event of one bed; ends with the stream. */
    private static void collectAlertEvents(InputStream body, String bedKey, BlockingQueue<String> alertEvents) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            boolean alert = false;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("event: ")) {
                    alert = line.equals("event: alert");
                } else if (alert && line.startsWith("data: ") && line.contains("\"bedKey\":\"" + bedKey + "\"")) {
                    alertEvents.add(line.substring(6));
                }
            }
        } catch (IOException closedByTheTest) {
            // The test closed the stream: nothing more to read.
        }
    }

    /** Opens an infusion an hour ago and charts a cardioversion 5 min after it; returns the alert's id. */
    private static String cardioversionAlertAt(ApiClient nurse, String bed) throws Exception {
        String entries = "/api/beds/ICU-A/" + bed + "/entries";
        assertThat(nurse.post(entries, "{\"type\":\"INFUSION_START\",\"time\":\"2026-11-22T11:00:00Z\"}").status())
                .isEqualTo(201);
        assertThat(nurse.post(entries, "{\"type\":\"CARDIOVERSION\",\"time\":\"2026-11-22T11:05:00Z\","
                + "\"note\":\"VT, 150 J synchronised\"}").status()).isEqualTo(201);
        await().atMost(PATIENCE).until(() -> wardAlert(nurse, "ICU-A/" + bed).isPresent());
        JsonNode alert = wardAlert(nurse, "ICU-A/" + bed).get();
        assertThat(alert.path("event").asText()).isEqualTo("ARRHYTHMIA_CARDIOVERSION");
        assertThat(alert.path("explanation").asText()).contains("nurse", "VT, 150 J synchronised");
        return alert.path("alertId").asText();
    }

    private static Optional<JsonNode> wardAlert(ApiClient c, String bedKey) throws Exception {
        for (JsonNode a : c.get("/api/ward").json().path("alerts")) {
            if (a.path("bedKey").asText().equals(bedKey)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    private static JsonNode alert(ApiClient c, String alertId) throws Exception {
        for (JsonNode a : c.get("/api/ward").json().path("alerts")) {
            if (a.path("alertId").asText().equals(alertId)) {
                return a;
            }
        }
        throw new AssertionError("alert " + alertId + " is not on the nurse station");
    }

    private static JsonNode bed(ApiClient c, String key) throws Exception {
        for (JsonNode b : c.get("/api/ward").json().path("beds")) {
            if (b.path("key").asText().equals(key)) {
                return b;
            }
        }
        throw new AssertionError("no bed " + key);
    }

    private static Optional<JsonNode> published(String bed, String field, String value) {
        return mqtt.received().stream()
                .filter(n -> n.path("bed").asText().equals(bed) && n.path(field).asText().equals(value))
                .findFirst();
    }

    private static JsonNode journalRow(long seq) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("journal.db"));
             PreparedStatement st = c.prepareStatement("SELECT kind, format, origin, payload FROM inputs WHERE seq = ?")) {
            st.setLong(1, seq);
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).as("journal row " + seq).isTrue();
                var row = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
                row.put("kind", rs.getString(1));
                row.put("format", rs.getString(2));
                row.put("origin", rs.getString(3));
                row.put("payload", new String(rs.getBytes(4), StandardCharsets.UTF_8));
                return row;
            }
        }
    }

    private static int journalCount(String where) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("journal.db"));
             PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM inputs WHERE " + where);
             ResultSet rs = st.executeQuery()) {
            return rs.getInt(1);
        }
    }
}
