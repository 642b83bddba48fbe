package org.infusionwatch.sims.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.infusionwatch.sims.testing.FakeMllpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class MllpClientTest {

    private static final MllpClientOptions FAST = new MllpClientOptions(2_000, 2_000, 10, 100, 1 << 16, 1_000);

    @Test
    void shouldDeliverAMessageAndReturnItsAck() throws Exception {
        try (FakeMllpServer server = FakeMllpServer.acking();
             MllpClient client = new MllpClient("VENT-BED01", "127.0.0.1", server.port(), FAST)) {

            MllpAck ack = client.send(message("VENT-BED01-000001")).get(10, TimeUnit.SECONDS);

            assertThat(ack).isEqualTo(new MllpAck("AA", "VENT-BED01-000001", ""));
            assertThat(server.received()).containsExactly(message("VENT-BED01-000001"));
            assertThat(client.connections()).isEqualTo(1);
            assertThat(client.resends()).isZero();
        }
    }

    @Test
    void shouldKeepOrderAndOneConnectionForManyMessages() throws Exception {
        try (FakeMllpServer server = FakeMllpServer.acking();
             MllpClient client = new MllpClient("VENT-BED01", "127.0.0.1", server.port(), FAST)) {
            List<CompletableFuture<MllpAck>> acks = new ArrayList<>();
            List<String> sent = new ArrayList<>();
            for (int i = 1; i <= 20; i++) {
                sent.add(message(String.format("VENT-BED01-%06d", i)));
                acks.add(client.send(sent.get(i - 1)));
            }

            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

            assertThat(server.received()).containsExactlyElementsOf(sent);
            assertThat(server.connectionsAccepted()).isEqualTo(1);
        }
    }

    @Test
    void shouldReconnectAndResendWhenTheConnectionDropsBeforeTheAck() throws Exception {
        try (FakeMllpServer server = FakeMllpServer.droppingFirst(1);
             MllpClient client = new MllpClient("PUMP-BED01", "127.0.0.1", server.port(), FAST)) {

            MllpAck ack = client.send(message("PUMP-BED01-000001")).get(10, TimeUnit.SECONDS);

            assertThat(ack.accepted()).isTrue();
            assertThat(ack.controlId()).isEqualTo("PUMP-BED01-000001");
            assertThat(server.received()).containsExactly(message("PUMP-BED01-000001"), message("PUMP-BED01-000001"));
            assertThat(client.connections()).isEqualTo(2);
            assertThat(client.resends()).isEqualTo(1);
        }
    }

    @Test
    void shouldNotResendARefusedMessage() throws Exception {
        try (FakeMllpServer server = FakeMllpServer.acking();
             MllpClient client = new MllpClient("VENT-BED01", "127.0.0.1", server.port(), FAST)) {
            server.answerWith("AE");

            MllpAck ack = client.send(message("VENT-BED01-000001")).get(10, TimeUnit.SECONDS);

            assertThat(ack.code()).isEqualTo("AE");
            assertThat(server.received()).hasSize(1);
            assertThat(client.resends()).isZero();
        }
    }

    @Test
    void shouldFailWhatIsUndeliveredWhenClosed() throws Exception {
        int deadPort;
        try (FakeMllpServer gone = FakeMllpServer.acking()) {
            deadPort = gone.port();
        }
        MllpClient client = new MllpClient("VENT-BED01", "127.0.0.1", deadPort, FAST);
        CompletableFuture<MllpAck> ack = client.send(message("VENT-BED01-000001"));

        client.close();

        assertThat(ack).isCompletedExceptionally();
        assertThat(client.send(message("VENT-BED01-000002"))).isCompletedExceptionally();
        assertThat(catchCause(ack)).hasMessageContaining("closed");
    }

    private static Throwable catchCause(CompletableFuture<?> future) {
        try {
            future.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static String message(String controlId) {
        return "MSH|^~\\&|IWSIM_VENT^0012ABCD00000101^EUI-64|IWSIM|INFUSIONWATCH|IW|20261122101500+0000||ORU^R01^ORU_R01|"
                + controlId + "|P|2.6\rPID|||SIM-BED01^^^IWSIM^PI\r";
    }
}
