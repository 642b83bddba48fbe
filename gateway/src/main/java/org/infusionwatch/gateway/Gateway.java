package org.infusionwatch.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayDeque;
import java.util.Deque;
import org.infusionwatch.agent.alerts.AgentCore;
import org.infusionwatch.agent.alerts.AlertBook;
import org.infusionwatch.agent.engine.RuleEngine;
import org.infusionwatch.agent.engine.StudyProductMatcher;
import org.infusionwatch.agent.eventlog.DeliveryLedger;
import org.infusionwatch.agent.eventlog.EventFilter;
import org.infusionwatch.agent.eventlog.EventLog;
import org.infusionwatch.agent.eventlog.EventLogReader;
import org.infusionwatch.agent.journal.SqliteJournal;
import org.infusionwatch.agent.pipeline.AgentPipeline;
import org.infusionwatch.agent.pipeline.NoticeOutput;
import org.infusionwatch.agent.ports.InputObserver;
import org.infusionwatch.agent.ports.NoticeSink;
import org.infusionwatch.agent.protocol.ProtocolProfile;
import org.infusionwatch.gateway.alertmanager.AlertManagerForwarder;
import org.infusionwatch.gateway.alertmanager.GatewayEui64;
import org.infusionwatch.gateway.http.HttpContext;
import org.infusionwatch.gateway.http.HttpServer;
import org.infusionwatch.gateway.http.auth.AuditLog;
import org.infusionwatch.gateway.http.auth.Sessions;
import org.infusionwatch.gateway.http.auth.UsersFile;
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
import org.infusionwatch.gateway.view.LoggedNotices;
import org.infusionwatch.gateway.view.WardLayout;
import org.infusionwatch.gateway.view.WardSnapshot;
import org.infusionwatch.gateway.view.WardView;

/**
 * The running gateway: broker (when embedded), agent pipeline, MQTT ingest and alert publisher,
 * MLLP listener and ticker, started in that order and closed in reverse. When an HTTP port is
 * set, the ward view also follows every input and notice (from recovery on), and the browser
 * views start last, once the agent takes input.
 */
public final class Gateway implements AutoCloseable {
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final ProtocolProfile profile;
    private final GatewaySettings settings;
    private final GatewayMetrics metrics = new GatewayMetrics();
    private String mqttUri;
    private MllpServer mllp;
    private MqttIngest ingest;
    private HttpServer http;
    private long recovered;

    private Gateway(GatewaySettings settings) {
        this.settings = settings;
        this.profile = ProtocolProfile.resolve(settings.protocol());
    }

    /** How far back the event log's unconfirmed alerts are sent to the alert manager again at start: a day. */
    private static final long RESEND_LOGGED_ALERTS_MS = 24 * 60 * 60_000L;

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
        NoticeJson noticeJson = new NoticeJson(json);
        if (settings.warmupAlerts() > 0) {
            started.push(new AlertPathWarmup(profile, noticeJson, System::nanoTime).inBackground(settings.warmupAlerts()));
        }
        String name = settings.applicationName().toLowerCase(java.util.Locale.ROOT);

        EventLog eventLog = EventLog.open(settings.dataDir());
        started.push(eventLog);
        DeliveryLedger ledger = DeliveryLedger.open(settings.dataDir());
        started.push(ledger);
        MqttNoticePublisher publisher = new MqttNoticePublisher(mqttUri, name + "-notices", noticeJson, ledger,
                metrics);
        publisher.start();
        started.push(publisher);
        started.push(new MetricsReporter(metrics, publisher, Topics.metrics(settings.applicationName())));
        AlertManagerForwarder alertManagerForwarder = startAlertManager(json);
        NoticeSink alertManager = alertManagerForwarder != null ? alertManagerForwarder : NoticeSink.NONE;
        WardView view = settings.httpEnabled() ? startView(json) : null;
        if (view != null && alertManagerForwarder != null) {
            view.watchAlertManager(() -> linkTo(alertManagerForwarder));
        }
        NoticeSink viewSink = view != null ? view : (notice, nanos) -> { };
        InputObserver observer = view != null ? view.inputObserver() : InputObserver.NONE;
        // Re-derived at start-up: logged if new, sent only if the broker never confirmed it.
        NoticeOutput recoveryOutput = new NoticeOutput(eventLog, ledger,
                NoticeSink.all(publisher, alertManager, extraSink, viewSink));
        // Live: the engine, on whichever thread runs it, hands each notice to the publisher at once; the output stage
        // logs it and feeds the other sinks.
        NoticeOutput liveOutput = new NoticeOutput(eventLog, ledger, NoticeSink.all(alertManager, extraSink, viewSink));

        RuleEngine engine = new RuleEngine(settings.engineConfig(profile));
        AgentCore core = new AgentCore(engine, new AlertBook(settings.escalateAfterMinutes() * 60_000L));
        SqliteJournal journal = SqliteJournal.open(settings.dataDir());
        recovered = JournalRecovery.rebuild(journal, new InputDecoders(new DeviceDirectory(settings.devices())),
                new EngineDriver(core, recoveryOutput).observer(observer));
        AgentPipeline pipeline = AgentPipeline.start(new AgentPipeline.Context()
                .journal(journal)
                .journalCommitGapMicros(settings.journalCommitGapMicros())
                .engineOnEdgeThreads(settings.engineOnEdgeThreads())
                .immediate(publisher)
                .output(liveOutput)
                .engine(core)
                .observer(observer));
        started.push(pipeline);
        metrics.countEngineOnEdgeThreads(pipeline::inputsRunOnEdgeThreads);

        ingest = new MqttIngest(mqttUri, name + "-ingest", pipeline.publisher(),
                new ObservationPayloadDecoder(json), new EntryPayloadDecoder(json));
        ingest.start();
        started.push(ingest);
        metrics.countMqttIntake(ingest::acceptedCount, ingest::rejectedCount);

        mllp = MllpServer.start(settings.mllpHost(), settings.mllpPort(), settings.maxFrameBytes(),
                new DeviceDirectory(settings.devices()), pipeline.publisher(), settings.ackClock(),
                settings.applicationName());
        started.push(mllp);

        started.push(new Ticker(pipeline.publisher(), settings.agentClockMs(), settings.tickPeriodMs()));
        if (settings.realtimePriority() > 0) {
            started.push(ThreadScheduling.alertPathFirst(settings.realtimePriority()));
        } else if (settings.alertPathNice() < 0) {
            started.push(ThreadScheduling.alertPathNice(settings.alertPathNice()));
        }
        if (settings.backgroundIdle()) {
            started.push(ThreadScheduling.backgroundIdle());
        } else if (settings.backgroundNice() > 0) {
            started.push(ThreadScheduling.backgroundNice(settings.backgroundNice()));
        }

        if (view != null) {
            AuditLog audit = AuditLog.open(settings.dataDir(), System::currentTimeMillis);
            started.push(audit);
            http = HttpServer.start(new HttpContext()
                    .host(settings.httpHost())
                    .port(settings.httpPort())
                    .view(view)
                    .publisher(pipeline.publisher())
                    .users(new UsersFile(settings.usersFile()))
                    .sessions(new Sessions(Sessions.DEFAULT_IDLE_TIMEOUT_MS, System::currentTimeMillis))
                    .audit(audit)
                    .dataDir(settings.dataDir())
                    .profile(profile)
                    .agentClockMs(settings.agentClockMs())
                    .json(json));
            started.push(http);
        }
    }

    /**
     * The forwarder to the hospital's alert manager, when one is configured, with the logged alerts
     * of the last day it never confirmed queued again; else null.
     */
    private AlertManagerForwarder startAlertManager(ObjectMapper json) {
        if (settings.alertManager() == null) {
            return null;
        }
        DeliveryLedger amLedger = DeliveryLedger.open(settings.dataDir(), AlertManagerForwarder.LEDGER_FILE);
        AlertManagerForwarder forwarder;
        try {
            String eui64 = settings.eui64() != null ? settings.eui64()
                    : GatewayEui64.loadOrCreate(settings.dataDir(), new java.security.SecureRandom());
            forwarder = AlertManagerForwarder.start(settings.alertManagerHost(), settings.alertManagerPort(),
                    settings.applicationName(), eui64, amLedger, System::currentTimeMillis);
        } catch (RuntimeException e) {
            amLedger.close();
            throw e;
        }
        started.push(forwarder);
        metrics.countAlertManager(forwarder::acceptedCount, forwarder::refusedCount, forwarder::failedAttempts,
                forwarder::pending);
        // Every logged alert, for the priorities of later changes; those of the last day are sent again if never answered.
        LoggedNotices notices = new LoggedNotices(json);
        try (EventLogReader reader = EventLogReader.open(settings.dataDir())) {
            forwarder.resendUnconfirmed(reader.events(EventFilter.ALL).stream()
                    .map(notices::toNotice)
                    .filter(java.util.Objects::nonNull)
                    .toList(), settings.agentClockMs().getAsLong() - RESEND_LOGGED_ALERTS_MS);
        }
        return forwarder;
    }

    /** The link to the alert manager as the nurse station shows it. */
    private WardSnapshot.AlertManagerLink linkTo(AlertManagerForwarder forwarder) {
        long since = forwarder.failingSinceMs();
        return new WardSnapshot.AlertManagerLink(settings.alertManager(), since == 0,
                since == 0 ? 0 : Math.max(0, System.currentTimeMillis() - since), forwarder.pending());
    }

    /** The nurse station's model, starting from what the event log already holds. */
    private WardView startView(ObjectMapper json) {
        WardView view = new WardView(new WardLayout(profile.name(), profile.windowMs(), profile.longWindowMs(),
                settings.enrolment(), new StudyProductMatcher(settings.studyProductPrefix()), profile.vasopressors(),
                WardLayout.DEFAULT_HISTORY_MS), settings.dataDir());
        started.push(view);
        try (EventLogReader reader = EventLogReader.open(settings.dataDir())) {
            view.load(reader.events(EventFilter.ALL), new LoggedNotices(json));
        }
        return view;
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

    /** Port of the browser views, or {@link GatewaySettings#HTTP_OFF} when they are off. */
    public int httpPort() {
        return http == null ? GatewaySettings.HTTP_OFF : http.port();
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
