package org.infusionwatch.gateway.http;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.gateway.Gateway;
import org.infusionwatch.gateway.GatewaySettings;
import org.infusionwatch.gateway.http.auth.PasswordHasher;
import org.infusionwatch.gateway.http.auth.Role;
import org.infusionwatch.gateway.http.auth.UsersFile;
import org.infusionwatch.gateway.testing.FreePort;
import org.infusionwatch.sims.SimClock;

/**
 * A gateway with its browser views for tests: embedded broker on a free port, MLLP and HTTP on
 * any free port, users nurse/nurse, coordinator/coordinator, admin/admin (hashed with few
 * iterations, for speed). The agent clock is held by the test: fixed until moved by hand, or
 * following a simulation clock once one is attached.
 */
final class WebGateway implements AutoCloseable {
    final Gateway gateway;
    final Path dataDir;
    private final AtomicLong manualMs;
    private final AtomicReference<SimClock> sim;

    private WebGateway(Gateway gateway, Path dataDir, AtomicLong manualMs, AtomicReference<SimClock> sim) {
        this.gateway = gateway;
        this.dataDir = dataDir;
        this.manualMs = manualMs;
        this.sim = sim;
    }

    static WebGateway start(Path dataDir, Instant agentStart, Consumer<GatewaySettings> tweak) {
        UsersFile users = new UsersFile(dataDir.resolve("users.json"));
        PasswordHasher fast = new PasswordHasher(1_000);
        for (Role role : Role.values()) {
            users.addIfAbsent(role.id(), role, role.id().toCharArray(), fast);
        }
        AtomicLong manual = new AtomicLong(agentStart.toEpochMilli());
        AtomicReference<SimClock> sim = new AtomicReference<>();
        GatewaySettings settings = new GatewaySettings()
                .mllpHost("127.0.0.1")
                .mllpPort(0)
                .mqtt(GatewaySettings.EMBEDDED)
                .embeddedMqttPort(FreePort.pick())
                .dataDir(dataDir)
                .tickPeriodMs(100)
                .httpHost("127.0.0.1")
                .httpPort(0)
                .agentClockMs(() -> {
                    SimClock c = sim.get();
                    return c == null ? manual.get() : c.nowMillis();
                });
        for (int i = 1; i <= 4; i++) {
            settings.enrol(new BedRef("ICU-A", "BED0" + i), "STROMA-000" + i);
        }
        tweak.accept(settings);
        return new WebGateway(Gateway.start(settings, (n, t) -> { }), dataDir, manual, sim);
    }

    int port() {
        return gateway.httpPort();
    }

    /** Moves the hand-held agent clock. */
    void setAgentTime(Instant t) {
        manualMs.set(t.toEpochMilli());
    }

    /** From now on the agent clock follows {@code clock} (the simulators' clock). */
    void follow(SimClock clock) {
        sim.set(clock);
    }

    @Override
    public void close() {
        gateway.close();
    }
}
