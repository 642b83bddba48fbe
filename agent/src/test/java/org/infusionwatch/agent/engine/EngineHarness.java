package org.infusionwatch.agent.engine;

import static org.infusionwatch.agent.engine.EngineInput.BED;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.infusionwatch.agent.model.AgentNotice;
import org.infusionwatch.agent.model.Alert;
import org.infusionwatch.agent.model.ClinicianEntry;
import org.infusionwatch.agent.model.DeviceReport;
import org.infusionwatch.agent.model.EventCode;
import org.infusionwatch.agent.protocol.ProtocolProfile;

/** An engine on a hand-driven clock: every input carries its event time; ticks move time on. */
final class EngineHarness {
    final RuleEngine engine;
    final List<AgentNotice> out = new ArrayList<>();

    EngineHarness(String profile) {
        this(EngineConfig.defaults(ProtocolProfile.builtIn(profile), new Enrolment(Map.of(BED, "STROMA-0001"))));
    }

    EngineHarness(EngineConfig config) {
        engine = new RuleEngine(config);
    }

    /** A built-in profile's file with one line replaced, as a coordinator's own file. */
    static ProtocolProfile profileWith(String builtIn, String line, String replacement) {
        try (java.io.InputStream in = EngineHarness.class.getResourceAsStream("/protocols/" + builtIn + ".properties")) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!text.contains(line)) {
                throw new IllegalArgumentException(builtIn + " has no line " + line);
            }
            return ProtocolProfile.parse(text.replace(line, replacement).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "test");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    EngineHarness report(DeviceReport r) {
        engine.onReport(r, out);
        return this;
    }

    EngineHarness entry(ClinicianEntry e) {
        engine.onEntry(e, out);
        return this;
    }

    EngineHarness tick(double minutes) {
        engine.onTick(EngineInput.at(minutes), out);
        return this;
    }

    /** Ticks every {@code stepSeconds} from {@code fromMinutes} to {@code toMinutes}, as the gateway's ticker does. */
    EngineHarness ticks(double fromMinutes, double toMinutes, double stepSeconds) {
        for (double m = fromMinutes; m <= toMinutes + 1e-9; m += stepSeconds / 60.0) {
            tick(m);
        }
        return this;
    }

    List<Alert> alerts() {
        return out.stream().filter(Alert.class::isInstance).map(Alert.class::cast).toList();
    }

    List<Alert> alerts(EventCode event) {
        return alerts().stream().filter(a -> a.event() == event).toList();
    }
}
