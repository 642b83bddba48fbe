package org.infusionwatch.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayDeque;
import java.util.Deque;
import org.infusionwatch.agent.alerts.AgentCore;
import org.infusionwatch.agent.alerts.AlertBook;
import org.infusionwatch.agent.engine.EngineConfig;
import org.infusionwatch.agent.engine.Enrolment;
import org.infusionwatch.agent.engine.RuleEngine;
import org.infusionwatch.agent.engine.StudyProductMatcher;
import org.infusionwatch.agent.eventlog.DeliveryLedger;
import org.infusionwatch.agent.eventlog.EventLog;
import org.infusionwatch.agent.journal.SqliteJournal;
import org.infusionwatch.agent.pipeline.AgentPipeline;
import org.infusionwatch.agent.pipeline.NoticeOutput;
import org.infusionwatch.agent.ports.NoticeSink;
import org.infusionwatch.agent.protocol.ProtocolProfile;
import org.infusionwatch.gateway.mllp.MllpServer;
import org.infusionwatch.gateway.mqtt.EmbeddedBroker;
import org.infusionwatch.gateway.mqtt.EntryPayloadDecoder;
import org.infusionwatch.gateway.mqtt.MqttIngest;
import org.infusionwatch.gateway.mqtt.MqttNoticePublisher;
import org.infusionwatch.gateway.mqtt.NoticeJson;
import org.infusionwatch.gateway.mqtt.ObservationPayloadDecoder;
import org.infusionwatch.gateway.mqtt.Topics;
import org.infusionwatch.gateway.replay.EngineDriver;
import org.infusionwatch.gateway.replay.InputDecoders;
import org.infusionwatch.gateway.replay.JournalRecovery;

/**
 * The running gateway: broker (when embedded), agent pipeline, MQTT ingest and alert publisher,
 * MLLP listener and ticker, started in that order and closed in reverse.
 */
public final class Gateway implements AutoCloseable {
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final ProtocolProfile profile;
    private final GatewaySettings settings;
    private final GatewayMetrics metrics = new GatewayMetrics();
    private String mqttUri;
    private MllpServer mllp;
    private MqttIngest ingest;
    private long recovered;

    private Gateway(GatewaySettings settings) {
        this.settings = settings;
        this.profile = ProtocolProfile.resolve(settings.protocol());
    }

    private void boot(NoticeSink extraSink) {
        settings.writeSnapshot();
        if (GatewaySettings.EMBEDDED.equals(settings.mqtt())) {
            EmbeddedBroker broker = EmbeddedBroker.start(settings.dataDir().resolve("broker"), settings.embeddedMqttPort());
            started.push(broker);
            mqttUri = broker.serverUri();
        } else {
            mqttUri = settings.mqtt();
        }
        ObjectMapper json = new ObjectMapper();
        String name = settings.applicationName().toLowerCase(java.util.Locale.ROOT);

        EventLog eventLog = EventLog.open(settings.dataDir());
        started.push(eventLog);
        DeliveryLedger ledger = DeliveryLedger.open(settings.dataDir());
        started.push(ledger);
        MqttNoticePublisher publisher = new MqttNoticePublisher(mqttUri, name + "-notices", new NoticeJson(json), ledger,
                metrics);
        publisher.start();
        started.push(publisher);
        started.push(new MetricsReporter(metrics, publisher, Topics.metrics(settings.applicationName())));
        NoticeOutput output = new NoticeOutput(eventLog, ledger, NoticeSink.all(publisher, extraSink));

        RuleEngine engine = new RuleEngine(new EngineConfig(profile,
                new StudyProductMatcher(settings.studyProductPrefix()), new Enrolment(settings.enrolment()),
                EngineConfig.DEFAULT_RESUME_GAP_MS));
        AgentCore core = new AgentCore(engine, new AlertBook(settings.escalateAfterMinutes() * 60_000L));
        SqliteJournal journal = SqliteJournal.open(settings.dataDir());
        recovered = JournalRecovery.rebuild(journal, new InputDecoders(new DeviceDirectory(settings.devices())),
                new EngineDriver(core, output));
        AgentPipeline pipeline = AgentPipeline.start(new AgentPipeline.Context()
                .journal(journal)
                .output(output)
                .engine(core));
        started.push(pipeline);

        ingest = new MqttIngest(mqttUri, name + "-ingest", pipeline.publisher(),
                new ObservationPayloadDecoder(json), new EntryPayloadDecoder(json));
        ingest.start();
        started.push(ingest);

        mllp = MllpServer.start(settings.mllpHost(), settings.mllpPort(), settings.maxFrameBytes(),
                new DeviceDirectory(settings.devices()), pipeline.publisher(), settings.ackClock(),
                settings.applicationName());
        started.push(mllp);

        started.push(new Ticker(pipeline.publisher(), settings.agentClockMs(), settings.tickPeriodMs()));
    }

    /** Starts everything; on failure closes what had started and rethrows. */
    public static Gateway start(GatewaySettings settings, NoticeSink extraSink) {
        Gateway gateway = new Gateway(settings.conclude());
        try {
            gateway.boot(extraSink);
            return gateway;
        } catch (RuntimeException e) {
            try {
                gateway.close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    public int mllpPort() {
        return mllp.port();
    }

    public String mqttUri() {
        return mqttUri;
    }

    public ProtocolProfile profile() {
        return profile;
    }

    public GatewaySettings settings() {
        return settings;
    }

    /** Journal rows re-applied to the engine at start (0 for a new data folder). */
    public long recoveredInputs() {
        return recovered;
    }

    public long mqttRejectedCount() {
        return ingest.rejectedCount();
    }

    public long hl7RefusedCount() {
        return mllp.refusedCount();
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("gateway did not close cleanly", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
