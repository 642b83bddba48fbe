package org.infusionwatch.gateway.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.infusionwatch.gateway.alertmanager.AlertReportWriterTest.RAISED_MS;
import static org.infusionwatch.gateway.alertmanager.AlertReportWriterTest.alert;
import static org.infusionwatch.gateway.alertmanager.AlertReportWriterTest.change;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.infusionwatch.agent.eventlog.DeliveryLedger;
import org.infusionwatch.agent.model.Alert;
import org.infusionwatch.agent.model.AlertState;
import org.infusionwatch.agent.model.Priority;
import org.infusionwatch.gateway.testing.FreePort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.infusionwatch.sims.alertmanager.ReceivedAlert;
import org.infusionwatch.sims.alertmanager.SimulatedAlertManager;

/** The forwarder against an alert manager on a real socket on 127.0.0.1. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AlertManagerForwarderTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;

    private AlertManagerForwarder forwarder(int port, DeliveryLedger ledger) {
        AlertManagerForwarder f = new AlertManagerForwarder(new AlertReportWriter("INFUSIONWATCH", "0A12345678ABCDEF"),
                new AlertManagerLink("127.0.0.1", port, 10_000), ledger, () -> RAISED_MS, 10, 50, 50);
        f.start();
        return f;
    }

    private static SimulatedAlertManager alertManager(int port) throws IOException {
        return SimulatedAlertManager.start("127.0.0.1", port, a -> { });
    }

    private DeliveryLedger ledger() {
        return DeliveryLedger.open(dataDir, AlertManagerForwarder.LEDGER_FILE);
    }

    @Test
    void shouldSendEachAlertAndChangeInOrderAndRecordWhatWasAccepted() throws Exception {
        Alert raised = alert("a-1", Priority.HIGH, Map.of());
        try (SimulatedAlertManager am = alertManager(0)) {
            DeliveryLedger ledger = ledger();
            try (AlertManagerForwarder f = forwarder(am.port(), ledger)) {
                f.onNotice(raised, 0);
                f.onNotice(change("a-1", AlertState.ANNOTATED, RAISED_MS + 1), 0);
                f.onNotice(change("a-1", AlertState.ACKNOWLEDGED, RAISED_MS + 2), 0);
                f.onNotice(change("a-1", AlertState.ACKNOWLEDGED, RAISED_MS + 2), 0);

                await().atMost(WAIT).until(() -> f.acceptedCount() == 2 && f.pending() == 0);
                assertThat(am.received()).hasSize(2);
                assertThat(Pcd04Reading.of(am.received().get(0).message()).attribute("68481")).isEqualTo("start");
                Pcd04Reading acked = Pcd04Reading.of(am.received().get(1).message());
                assertThat(acked.attribute("68483")).isEqualTo("alert-acknowledged");
                assertThat(acked.attribute("68484")).as("the priority it was raised with").isEqualTo("PH");
                assertThat(ledger.isDelivered(raised)).isTrue();
                assertThat(f.refusedCount()).isZero();
                assertThat(f.failedAttempts()).isZero();
            }
        }
    }

    @Test
    void shouldSendAgainWithTheSameControlIdUntilAccepted() throws Exception {
        try (SimulatedAlertManager am = alertManager(0).answerNext("AR", SimulatedAlertManager.DROP, "CE")) {
            try (AlertManagerForwarder f = forwarder(am.port(), ledger())) {
                f.onNotice(alert("a-1", Priority.MEDIUM, Map.of()), 0);

                await().atMost(WAIT).until(() -> f.acceptedCount() == 1);
                List<ReceivedAlert> sent = am.received();
                assertThat(sent).hasSize(4);
                assertThat(sent).extracting(ReceivedAlert::controlId).containsOnly(sent.get(0).controlId());
                assertThat(f.failedAttempts()).isEqualTo(3);
            }
        }
    }

    @Test
    void shouldNotSendARefusedMessageAgainNorLetItHoldUpTheNext() throws Exception {
        Alert refusedOne = alert("a-1", Priority.MEDIUM, Map.of());
        try (SimulatedAlertManager am = alertManager(0).answerNext("AE")) {
            try (AlertManagerForwarder f = forwarder(am.port(), ledger())) {
                f.onNotice(refusedOne, 0);
                f.onNotice(alert("a-2", Priority.LOW, Map.of()), 0);

                await().atMost(WAIT).until(() -> f.acceptedCount() == 1 && f.refusedCount() == 1);
                assertThat(am.received()).extracting(ReceivedAlert::alertId).containsExactly("a-1", "a-2");
            }
            try (AlertManagerForwarder restarted = forwarder(am.port(), ledger())) {
                assertThat(restarted.resendUnconfirmed(List.of(refusedOne), 0))
                        .as("a refusal is an answer for good, also after a restart").isZero();
            }
        }
    }

    @Test
    void shouldGiveUpAfterSoManyRejectionsSoThatLaterAlertsGoOut() throws Exception {
        String[] rejections = new String[AlertManagerForwarder.MAX_UNUSABLE_ANSWERS];
        java.util.Arrays.fill(rejections, "AR");
        try (SimulatedAlertManager am = alertManager(0).answerNext(rejections)) {
            try (AlertManagerForwarder f = forwarder(am.port(), ledger())) {
                f.onNotice(alert("a-1", Priority.MEDIUM, Map.of()), 0);
                f.onNotice(alert("a-2", Priority.LOW, Map.of()), 0);

                await().atMost(WAIT).until(() -> f.acceptedCount() == 1 && f.refusedCount() == 1);
                assertThat(am.received()).extracting(ReceivedAlert::alertId).endsWith("a-2")
                        .filteredOn("a-1"::equals).hasSize(AlertManagerForwarder.MAX_UNUSABLE_ANSWERS);
            }
        }
    }

    @Test
    void shouldSkipASecondAnswerToAnEarlierMessage() throws Exception {
        // An alert manager that commits (CA) and then also acknowledges (AA) each message, and that
        // fails on the second message: the first message's AA must not pass for the second's answer.
        try (SimulatedAlertManager am = alertManager(0).answerTwice().answerNext("AA", SimulatedAlertManager.DROP)) {
            try (AlertManagerForwarder f = forwarder(am.port(), ledger())) {
                f.onNotice(alert("a-1", Priority.MEDIUM, Map.of()), 0);
                f.onNotice(alert("a-2", Priority.LOW, Map.of()), 0);

                await().atMost(WAIT).until(() -> f.acceptedCount() == 2);
                assertThat(am.received()).extracting(ReceivedAlert::alertId).containsExactly("a-1", "a-2", "a-2");
                assertThat(f.failedAttempts()).isEqualTo(1);
            }
        }
    }

    @Test
    void shouldTellWhenTheAlertManagerIsAwayBeforeAnyAlertNeedsIt() throws Exception {
        int port = FreePort.pick(); // nobody listens there
        try (AlertManagerForwarder f = forwarder(port, ledger())) {
            await().atMost(WAIT).until(() -> f.failingSinceMs() != 0);
            assertThat(f.failingSinceMs()).as("the clock's time").isEqualTo(RAISED_MS);
            assertThat(f.pending()).isZero();

            try (SimulatedAlertManager am = alertManager(port)) {
                await().atMost(WAIT).until(() -> f.failingSinceMs() == 0);
                assertThat(am.received()).as("a probe sends nothing").isEmpty();
            }
        }
    }

    @Test
    void shouldWaitForAnAlertManagerThatIsNotThereYet() throws Exception {
        int port = FreePort.pick(); // nobody listens there
        try (AlertManagerForwarder f = forwarder(port, ledger())) {
            f.onNotice(alert("a-1", Priority.HIGH, Map.of()), 0);
            await().atMost(WAIT).until(() -> f.failedAttempts() >= 2);
            assertThat(f.pending()).isEqualTo(1);

            try (SimulatedAlertManager am = alertManager(port)) {
                await().atMost(WAIT).until(() -> f.acceptedCount() == 1);
                assertThat(am.received()).hasSize(1);
            }
        }
    }

    @Test
    void shouldSendAgainAfterARestartWhatTheAlertManagerNeverConfirmed() throws IOException {
        Alert delivered = alert("a-1", Priority.LOW, Map.of());
        Alert undelivered = alert("a-2", Priority.LOW, Map.of());
        try (DeliveryLedger earlier = ledger()) {
            earlier.markDelivered(delivered, RAISED_MS);
        }
        try (SimulatedAlertManager am = alertManager(0)) {
            try (AlertManagerForwarder f = forwarder(am.port(), ledger())) {
                f.resendUnconfirmed(List.of(delivered, undelivered, change("a-1", AlertState.ESCALATED, RAISED_MS + 4),
                        change("a-1", AlertState.ACKNOWLEDGED, RAISED_MS + 5), change("a-2", AlertState.RESOLVED, RAISED_MS + 6)),
                        RAISED_MS);
                await().atMost(WAIT).until(() -> f.acceptedCount() == 4 && f.pending() == 0);
                assertThat(am.received()).extracting(a -> a.alertId() + " " + a.phase() + " " + a.priority())
                        .containsExactly("a-2 start PL", "a-1 escalate PH", "a-1 update PH", "a-2 end PL");
            }
        }
    }
}
