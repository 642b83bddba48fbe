package org.infusionwatch.gateway.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A real Mosquitto broker (Debian package) on a free loopback port, for one test class. */
public final class MosquittoBroker implements AutoCloseable {
    private final Process process;
    private final int port;

    private MosquittoBroker(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static MosquittoBroker start(Path workDir) {
        Path binary = DebianTool.require("mosquitto", "mosquitto");
        int port = FreePort.pick();
        try {
            Path conf = workDir.resolve("mosquitto.conf");
            Files.writeString(conf, """
                    listener %d 127.0.0.1
                    allow_anonymous true
                    persistence false
                    set_tcp_nodelay true
                    max_inflight_messages 0
                    max_queued_messages 100000
                    """.formatted(port));
            Process p = new ProcessBuilder(binary.toString(), "-c", conf.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(workDir.resolve("mosquitto.log").toFile())
                    .start();
            MosquittoBroker broker = new MosquittoBroker(p, port);
            await().atMost(Duration.ofSeconds(20)).until(broker::accepting);
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start mosquitto", e);
        }
    }

    private boolean accepting() {
        if (!process.isAlive()) {
            throw new IllegalStateException("mosquitto exited with " + process.exitValue());
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public String serverUri() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
