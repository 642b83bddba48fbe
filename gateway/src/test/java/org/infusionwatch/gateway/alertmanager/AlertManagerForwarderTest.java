package org.infusionwatch.gateway.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.infusionwatch.gateway.alertmanager.AlertReportWriterTest.RAISED_MS;
import static org.infusionwatch.gateway.alertmanager.AlertReportWriterTest.alert;
import static org.infusionwatch.gateway.alertmanager.AlertReportWriterTest.change;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.infusionwatch.agent.eventlog.DeliveryLedger;
import org.infusionwatch.agent.model.Alert;
import org.infusionwatch.agent.model.AlertState;
import org.infusionwatch.agent.model.Priority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The forwarder against an alert manager on a real socket on 127.0.0.1. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AlertManagerForwarderTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;

    private AlertManagerForwarder forwarder(int port, DeliveryLedger ledger) {
        AlertManagerForwarder f = new AlertManagerForwarder(new AlertReportWriter("INFUSIONWATCH"),
                new AlertManagerLink("127.0.0.1", port, 2_000), ledger, () -> RAISED_MS, 10, 50);
        f.start();
        return f;
    }

    private DeliveryLedger ledger() {
        return DeliveryLedger.open(dataDir, AlertManagerForwarder.LEDGER_FILE);
    }

    @Test
    void shouldSendEachAlertAndChangeInOrderAndRecordWhatWasAccepted() throws Exception {
        Alert raised = alert("a-1", Priority.HIGH, Map.of());
        try (FakeAlertManager am = new FakeAlertManager(0)) {
            DeliveryLedger ledger = ledger();
            try (AlertManagerForwarder f = forwarder(am.port(), ledger)) {
                f.onNotice(raised, 0);
                f.onNotice(change("a-1", AlertState.ANNOTATED, RAISED_MS + 1), 0);
                f.onNotice(change("a-1", AlertState.ACKNOWLEDGED, RAISED_MS + 2), 0);
                f.onNotice(change("a-1", AlertState.ACKNOWLEDGED, RAISED_MS + 2), 0);

                await().atMost(WAIT).until(() -> f.acceptedCount() == 2 && f.pending() == 0);
                assertThat(am.received()).hasSize(2);
                assertThat(Pcd04Reading.of(am.received().get(0)).attribute("68481")).isEqualTo("start");
                Pcd04Reading acked = Pcd04Reading.of(am.received().get(1));
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
        try (FakeAlertManager am = new FakeAlertManager(0, "AR", FakeAlertManager.DROP, "CR")) {
            try (AlertManagerForwarder f = forwarder(am.port(), ledger())) {
                f.onNotice(alert("a-1", Priority.MEDIUM, Map.of()), 0);

                await().atMost(WAIT).until(() -> f.acceptedCount() == 1);
                List<String> sent = am.received();
                assertThat(sent).hasSize(4);
                assertThat(sent).extracting(FakeAlertManager::controlId).containsOnly(FakeAlertManager.controlId(sent.get(0)));
                assertThat(f.failedAttempts()).isEqualTo(3);
            }
        }
    }

    @Test
    void shouldLogARefusalOnceAndGoOnWithTheNextMessage() throws Exception {
        try (FakeAlertManager am = new FakeAlertManager(0, "AE")) {
            try (AlertManagerForwarder f = forwarder(am.port(), ledger())) {
                f.onNotice(alert("a-1", Priority.MEDIUM, Map.of()), 0);
                f.onNotice(alert("a-2", Priority.LOW, Map.of()), 0);

                await().atMost(WAIT).until(() -> f.acceptedCount() == 1 && f.refusedCount() == 1);
                assertThat(am.received()).hasSize(2);
                assertThat(Pcd04Reading.of(am.received().get(1)).get("/PATIENT_RESULT/ORDER_OBSERVATION/OBR-3-1"))
                        .isEqualTo("a-2");
            }
        }
    }

    @Test
    void shouldWaitForAnAlertManagerThatIsNotThereYet() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        try (AlertManagerForwarder f = forwarder(port, ledger())) {
            f.onNotice(alert("a-1", Priority.HIGH, Map.of()), 0);
            await().atMost(WAIT).until(() -> f.failedAttempts() >= 2);
            assertThat(f.pending()).isEqualTo(1);

            try (FakeAlertManager am = new FakeAlertManager(port)) {
                await().atMost(WAIT).until(() -> f.acceptedCount() == 1);
                assertThat(am.received()).hasSize(1);
            }
        }
    }

    @Test
    void shouldSendAgainAfterARestartWhatTheAlertManagerNeverConfirmed() throws IOException {
        Alert delivered = alert("a-1", Priority.HIGH, Map.of());
        Alert undelivered = alert("a-2", Priority.LOW, Map.of());
        try (DeliveryLedger earlier = ledger()) {
            earlier.markDelivered(delivered, RAISED_MS);
        }
        try (FakeAlertManager am = new FakeAlertManager(0)) {
            try (AlertManagerForwarder f = forwarder(am.port(), ledger())) {
                f.resendUnconfirmed(List.of(delivered, undelivered, change("a-1", AlertState.ACKNOWLEDGED, RAISED_MS + 5)));
                await().atMost(WAIT).until(() -> f.acceptedCount() == 2 && f.pending() == 0);
                assertThat(am.received()).extracting(m -> {
                    try {
                        Pcd04Reading r = Pcd04Reading.of(m);
                        return r.get("/PATIENT_RESULT/ORDER_OBSERVATION/OBR-3-1") + " " + r.attribute("68481") + " "
                                + r.attribute("68484");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).containsExactly("a-2 start PL", "a-1 update PH");
            }
        }
    }
}
