package org.infusionwatch.agent.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.infusionwatch.agent.alerts.AgentCore;
import org.infusionwatch.agent.alerts.AlertBook;
import org.infusionwatch.agent.engine.EngineConfig;
import org.infusionwatch.agent.engine.Enrolment;
import org.infusionwatch.agent.engine.RuleEngine;
import org.infusionwatch.agent.eventlog.EventLog;
import org.infusionwatch.agent.eventlog.LoggedEvent;
import org.infusionwatch.agent.eventlog.EventFilter;
import org.infusionwatch.agent.eventlog.EventLogReader;
import org.infusionwatch.agent.journal.SqliteJournal;
import org.infusionwatch.agent.model.AgentNotice;
import org.infusionwatch.agent.model.Alert;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.agent.model.DeviceReport;
import org.infusionwatch.agent.model.Observation;
import org.infusionwatch.agent.model.ObservationKind;
import org.infusionwatch.agent.model.PumpEvent;
import org.infusionwatch.agent.model.ReportKind;
import org.infusionwatch.agent.protocol.ProtocolProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AgentPipelineTest {
    private static final BedRef BED = new BedRef("ICU-A", "BED01");
    private static final long T0 = 1_800_000_000_000L;
    private static final InputSource SOURCE = new InputSource(InputSource.Format.HL7_MLLP, "test");

    @TempDir
    Path dataDir;

    private final List<AgentNotice> sent = new CopyOnWriteArrayList<>();

    private AgentPipeline start() {
        return AgentPipeline.start(new AgentPipeline.Context()
                .ringSize(64)
                .journal(SqliteJournal.open(dataDir))
                .output(new NoticeOutput(EventLog.open(dataDir), null, (notice, nanos) -> sent.add(notice)))
                .engine(new AgentCore(new RuleEngine(EngineConfig.defaults(ProtocolProfile.builtIn("STROMA"),
                        Enrolment.none())), new AlertBook(Long.MAX_VALUE))));
    }

    private static DeviceReport vent(long t, double fio2, double peep) {
        return new DeviceReport("m" + t, ReportKind.OBSERVATIONS, BED, "VENT-1", t, List.of(
                new Observation(151720, "MDC_VENT_CONC_AWAY_O2", fio2, "", "%", 0, ObservationKind.SETTING, t, "VENT-1"),
                new Observation(151804, "MDC_PRESS_AWAY_END_EXP_POS", peep, "", "cmH2O", 0, ObservationKind.SETTING, t,
                        "VENT-1")), null);
    }

    private static DeviceReport studyStart(long t) {
        return new DeviceReport("p" + t, ReportKind.PUMP_EVENT, BED, "PUMP-1", t, List.of(),
                new PumpEvent(PumpEvent.MDC_EVT_PUMP_DELIV_START, "", "STUDY-PRODUCT KIT-1", 100, Double.NaN, "", 80, t));
    }

    @Test
    void shouldAcknowledgeEveryInputOnlyAfterItIsInTheJournalInOrder() throws Exception {
        List<CompletableFuture<Long>> acks = new ArrayList<>();
        try (AgentPipeline pipeline = start()) {
            for (int i = 0; i < 200; i++) {
                CompletableFuture<Long> ack = new CompletableFuture<>();
                acks.add(ack);
                pipeline.publisher().publishReport(vent(T0 + i * 60_000L, 40, 8), SOURCE,
                        ("raw-" + i).getBytes(StandardCharsets.UTF_8), new FutureAck(ack));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        }
        List<Long> seqs = acks.stream().map(CompletableFuture::join).toList();
        assertThat(seqs).isSorted().doesNotHaveDuplicates().hasSize(200);

        List<String> journaled = new ArrayList<>();
        try (SqliteJournal journal = SqliteJournal.open(dataDir)) {
            journal.forEach(row -> journaled.add(new String(row.record().payload(), StandardCharsets.UTF_8)));
        }
        assertThat(journaled).hasSize(200).startsWith("raw-0", "raw-1").endsWith("raw-199");
    }

    @Test
    void shouldJournalRejectedInputAndIgnoreItInTheEngine() throws Exception {
        CompletableFuture<Long> ack = new CompletableFuture<>();
        try (AgentPipeline pipeline = start()) {
            pipeline.publisher().publishRejected(SOURCE, "garbage".getBytes(StandardCharsets.UTF_8), "AR not HL7",
                    new FutureAck(ack));
            assertThat(ack.get(10, TimeUnit.SECONDS)).isPositive();
        }
        List<String> reasons = new ArrayList<>();
        try (SqliteJournal journal = SqliteJournal.open(dataDir)) {
            journal.forEach(row -> reasons.add(row.record().kind() + ":" + row.record().rejectReason()));
        }
        assertThat(reasons).containsExactly("REJECTED:AR not HL7");
        assertThat(sent).isEmpty();
    }

    @Test
    void shouldSendAnAlertOnceThroughTheOutputStageAndLogIt() throws Exception {
        try (AgentPipeline pipeline = start()) {
            pipeline.publisher().publishReport(vent(T0 - 60_000L, 40, 8), SOURCE, new byte[0], AckHandle.NONE);
            pipeline.publisher().publishReport(studyStart(T0), SOURCE, new byte[0], AckHandle.NONE);
            pipeline.publisher().publishReport(vent(T0 + 120 * 60_000L, 70, 14), SOURCE, new byte[0], AckHandle.NONE);
            pipeline.publisher().publishTick(T0 + 135 * 60_000L);
            pipeline.publisher().publishTick(T0 + 200 * 60_000L);
        }
        assertThat(sent).filteredOn(Alert.class::isInstance).singleElement()
                .satisfies(n -> assertThat(((Alert) n).onsetMs()).isEqualTo(T0 + 120 * 60_000L));
    }

    @ParameterizedTest(name = "engine on edge threads: {0}")
    @ValueSource(booleans = {true, false})
    void shouldHandEachNoticeToTheImmediateSinkOnTheEnginesThreadAndStillLogIt(boolean engineOnEdgeThreads)
            throws Exception {
        List<String> immediate = new CopyOnWriteArrayList<>();
        try (AgentPipeline pipeline = AgentPipeline.start(new AgentPipeline.Context()
                .ringSize(64)
                .engineOnEdgeThreads(engineOnEdgeThreads)
                .journal(SqliteJournal.open(dataDir))
                .immediate((notice, nanos) -> immediate.add(notice.getClass().getSimpleName() + " on "
                        + Thread.currentThread().getName()))
                .output(new NoticeOutput(EventLog.open(dataDir), null, (notice, nanos) -> sent.add(notice)))
                .engine(new AgentCore(new RuleEngine(EngineConfig.defaults(ProtocolProfile.builtIn("STROMA"),
                        Enrolment.none())), new AlertBook(Long.MAX_VALUE))))) {
            pipeline.publisher().publishReport(vent(T0 - 60_000L, 40, 8), SOURCE, new byte[0], AckHandle.NONE);
            pipeline.publisher().publishReport(studyStart(T0), SOURCE, new byte[0], AckHandle.NONE);
            pipeline.publisher().publishReport(vent(T0 + 120 * 60_000L, 70, 14), SOURCE, new byte[0], AckHandle.NONE);
            pipeline.publisher().publishTick(T0 + 135 * 60_000L);
        }
        // Reports may run on the publishing thread; the tick, which raises the alert, on the engine's.
        String threads = engineOnEdgeThreads ? "(agent-engine|" + Pattern.quote(Thread.currentThread().getName()) + ")"
                : "agent-engine";
        assertThat(immediate).hasSize(sent.size()).contains("Alert on agent-engine")
                .allSatisfy(s -> assertThat(s).matches(".* on " + threads));
        assertThat(sent).filteredOn(Alert.class::isInstance).hasSize(1);
        try (EventLogReader log = EventLogReader.open(dataDir)) {
            assertThat(log.events(EventFilter.ALL)).extracting(LoggedEvent::kind).contains("ALERT");
        }
    }

    private record FutureAck(CompletableFuture<Long> future) implements AckHandle {
        @Override
        public void durable(long journalSeq) {
            future.complete(journalSeq);
        }

        @Override
        public void failed(Throwable cause) {
            future.completeExceptionally(cause);
        }
    }

}
