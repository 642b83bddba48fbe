package org.infusionwatch.gateway.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.infusionwatch.agent.engine.EngineConfig;
import org.infusionwatch.agent.engine.Enrolment;
import org.infusionwatch.agent.engine.RuleEngine;
import org.infusionwatch.agent.model.AgentNotice;
import org.infusionwatch.agent.model.Alert;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.agent.model.InfusionNotice;
import org.infusionwatch.agent.protocol.ProtocolProfile;
import org.infusionwatch.gateway.hl7.Hl7Decoded;
import org.infusionwatch.gateway.hl7.PcdMessageDecoder;
import org.infusionwatch.gateway.hl7.fast.FastPcdDecoder;
import org.infusionwatch.gateway.mqtt.EntryPayloadDecoder;
import org.infusionwatch.gateway.mqtt.ObservationPayloadDecoder;
import org.infusionwatch.gateway.mqtt.PayloadException;
import org.infusionwatch.sims.Transport;
import org.infusionwatch.sims.model.ClinicianEntry;
import org.infusionwatch.sims.model.DeviceSample;
import org.infusionwatch.sims.scenario.BedOutput;
import org.infusionwatch.sims.scenario.BedSimulation;
import org.infusionwatch.sims.scenario.Scenario;
import org.infusionwatch.sims.wire.DeviceAddress;
import org.infusionwatch.sims.wire.Hl7DeviceSink;
import org.infusionwatch.sims.wire.Hl7EntryWriter;
import org.infusionwatch.sims.wire.JsonMessages;
import org.infusionwatch.sims.wire.MqttTopics;
import org.infusionwatch.sims.wire.Pcd04Writer;

/**
 * Plays one scenario into a fresh {@link RuleEngine} the way the gateway would receive it, in
 * event time and without sockets: each device report is written by the simulators' wire writers
 * (HL7 v2 for the devices on MLLP, JSON for those on MQTT, as {@link Transport#route} places them
 * in the demo; monitor alarms always as IHE PCD-04 HL7; clinician entries as a charting system's
 * HL7 on even beds and as MQTT JSON on odd ones), read back by the gateway's real decoders
 * ({@link FastPcdDecoder} as the MLLP edge runs it, with {@link PcdMessageDecoder} behind it;
 * {@link ObservationPayloadDecoder}, {@link EntryPayloadDecoder}) and applied to the engine, with a
 * tick every second of sim time as the gateway's ticker does.
 *
 * <p>Not thread-safe: one player per thread (the HL7 decoder is not thread-safe).
 */
final class ScenarioPlayer {
    static final String UNIT = "ICU-A";
    static final String BED = "BED01";
    static final long START_MS = Instant.parse("2026-11-22T00:00:00Z").toEpochMilli();
    static final long REPORT_PERIOD_MS = 30_000;
    static final long TICK_MS = 1_000;

    /** The MLLP edge's decoder: byte-level scanner, HAPI behind it for what it does not read. */
    private final FastPcdDecoder hl7 = new FastPcdDecoder(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), "INFUSIONWATCH");
    private final ObservationPayloadDecoder observations;
    private final EntryPayloadDecoder entries;
    private final JsonMessages json = new JsonMessages();
    private final Hl7EntryWriter entryWriter = new Hl7EntryWriter();

    ScenarioPlayer() {
        ObjectMapper mapper = new ObjectMapper();
        this.observations = new ObservationPayloadDecoder(mapper);
        this.entries = new EntryPayloadDecoder(mapper);
    }

    /** What the engine said while one scenario played. */
    record Outcome(Scenario scenario, List<Alert> alerts, int infusionWindows, int hl7Messages, int jsonMessages,
                   int entries, int hl7Entries, List<String> refused) {
    }

    /**
     * @param index the scenario's place in the library: it picks the transports (index 3, 7, ... all MQTT)
     */
    Outcome play(Scenario scenario, int index, ProtocolProfile profile) {
        BedRef bed = new BedRef(UNIT, BED);
        RuleEngine engine = new RuleEngine(EngineConfig.defaults(profile, new Enrolment(Map.of(bed, "BENCH-0001"))));
        Feed feed = new Feed(engine, index % 4);
        BedSimulation sim = new BedSimulation(BED, scenario, START_MS, REPORT_PERIOD_MS, 1 + index);
        long end = START_MS + scenario.observeUntilMs();
        for (long t = START_MS; t <= end; t += TICK_MS) {
            sim.advanceTo(t, feed);
            engine.onTick(t, feed.notices);
            feed.collect();
        }
        return new Outcome(scenario, feed.alerts, feed.windows, feed.hl7Count, feed.jsonCount, feed.entryCount, feed.hl7EntryCount,
                feed.refused);
    }

    /** Receives the simulation's output, puts it on the wire and decodes it for the engine. */
    private final class Feed implements BedOutput {
        final RuleEngine engine;
        final int bedIndex;
        /** Half the scenarios chart over HL7 (a charting system on MLLP), half over MQTT JSON. */
        final boolean entriesOverHl7;
        final List<AgentNotice> notices = new ArrayList<>();
        final List<Alert> alerts = new ArrayList<>();
        final List<String> refused = new ArrayList<>();
        int windows;
        int hl7Count;
        int jsonCount;
        int entryCount;
        int hl7EntryCount;

        Feed(RuleEngine engine, int bedIndex) {
            this.engine = engine;
            this.bedIndex = bedIndex;
            // Odd beds, the all-MQTT bed (3) among them, chart over MQTT.
            this.entriesOverHl7 = bedIndex % 2 == 0;
        }

        @Override
        public void onStep(long simTimeMs, String description) {
            // Steps are what the script did; only the devices' and clinicians' messages reach the engine.
        }

        @Override
        public void onSample(DeviceSample sample) {
            DeviceAddress address = DeviceAddress.of(UNIT, BED, 1, sample.kind());
            boolean alarm = Pcd04Writer.isAlarm(sample);
            boolean mqtt = !alarm && Transport.route(bedIndex, sample.kind(), true, true) == Transport.MQTT;
            if (mqtt) {
                String topic = MqttTopics.observations(UNIT, BED, sample.deviceId());
                try {
                    engine.onReport(observations.decode(topic, json.observations(sample)), notices);
                    jsonCount++;
                } catch (PayloadException e) {
                    refused.add(sample.messageId() + ": " + e.getMessage());
                }
            } else {
                Hl7Decoded decoded = hl7.decode(Hl7DeviceSink.write(address, sample).getBytes(StandardCharsets.UTF_8));
                if (decoded.accepted()) {
                    engine.onReport(decoded.report(), notices);
                    hl7Count++;
                } else {
                    refused.add(sample.messageId() + ": " + decoded.ackCode() + " " + decoded.reason());
                }
            }
            collect();
        }

        @Override
        public void onEntry(ClinicianEntry entry) {
            if (entriesOverHl7) {
                Hl7Decoded decoded = hl7.decode(entryWriter.write(UNIT, BED, entry).getBytes(StandardCharsets.UTF_8));
                if (decoded.isEntry()) {
                    engine.onEntry(decoded.entry(), notices);
                    entryCount++;
                    hl7EntryCount++;
                } else {
                    refused.add(entry.entryId() + ": " + decoded.ackCode() + " " + decoded.reason());
                }
            } else {
                try {
                    engine.onEntry(entries.decode(MqttTopics.entries(UNIT, BED), json.entry(entry)), notices);
                    entryCount++;
                } catch (PayloadException e) {
                    refused.add(entry.entryId() + ": " + e.getMessage());
                }
            }
            collect();
        }

        void collect() {
            for (int i = 0; i < notices.size(); i++) {
                AgentNotice n = notices.get(i);
                if (n instanceof Alert a) {
                    alerts.add(a);
                } else if (n instanceof InfusionNotice in && in.kind() == InfusionNotice.Kind.OPENED) {
                    windows++;
                }
            }
            notices.clear();
        }
    }
}
