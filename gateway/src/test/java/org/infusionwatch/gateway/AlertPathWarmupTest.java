package org.infusionwatch.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.infusionwatch.agent.model.AgentNotice;
import org.infusionwatch.agent.model.Alert;
import org.infusionwatch.agent.model.AlertChange;
import org.infusionwatch.agent.model.AlertState;
import org.infusionwatch.agent.model.EventCode;
import org.infusionwatch.agent.protocol.ProtocolProfile;
import org.infusionwatch.gateway.mqtt.NoticeJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AlertPathWarmupTest {
    private static final long NO_LIMIT = TimeUnit.HOURS.toNanos(1);

    @ParameterizedTest
    @ValueSource(strings = {"STROMA", "START", "LANZONI"})
    void shouldRaiseAndEscalateAnAlertOfThreeRulesEachRoundUnderEveryBuiltInProtocol(String protocol) {
        AlertPathWarmup warmup = new AlertPathWarmup(ProtocolProfile.builtIn(protocol), new NoticeJson(new ObjectMapper()),
                System::nanoTime);

        List<AgentNotice> notices = warmup.noticesOfOneRound();

        List<EventCode> raised = notices.stream().filter(n -> n instanceof Alert).map(n -> ((Alert) n).event()).toList();
        List<EventCode> escalated = notices.stream()
                .filter(n -> n instanceof AlertChange c && c.state() == AlertState.ESCALATED)
                .map(n -> ((AlertChange) n).event()).toList();
        List<EventCode> three = List.of(EventCode.LETHAL_ARRHYTHMIA, EventCode.VASOPRESSOR_ESCALATION,
                EventCode.HYPOXEMIA_WORSENING);
        assertTrue(raised.containsAll(three), "one round raised " + raised);
        assertTrue(escalated.containsAll(three), "one round escalated " + escalated);
        assertTrue(notices.stream().allMatch(n -> n.bed().unit().equals("~WARMUP")), "only the private bed: " + notices);
    }

    @Test
    void shouldRaiseAtLeastTheAlertsAskedFor() {
        AlertPathWarmup warmup = new AlertPathWarmup(ProtocolProfile.builtIn("STROMA"), new NoticeJson(new ObjectMapper()),
                System::nanoTime);

        AlertPathWarmup.Result result = warmup.run(50, NO_LIMIT);

        assertTrue(result.complete());
        assertTrue(result.alerts() >= 50, "raised " + result.alerts());
        assertTrue(result.rounds() >= 50 / 3, "rounds " + result.rounds());
    }

    @Test
    void shouldStopWhenItsBudgetIsSpent() {
        AtomicLong clock = new AtomicLong();
        // Each reading of the clock moves it on by a second: the budget of 2 s allows one round.
        AlertPathWarmup warmup = new AlertPathWarmup(ProtocolProfile.builtIn("STROMA"), new NoticeJson(new ObjectMapper()),
                () -> clock.getAndAdd(TimeUnit.SECONDS.toNanos(1)));

        AlertPathWarmup.Result result = warmup.run(1_000_000, TimeUnit.SECONDS.toNanos(2));

        assertFalse(result.complete());
        assertEquals(1, result.rounds());
    }

    @Test
    void shouldNotStartARoundOnceStopped() {
        AlertPathWarmup warmup = new AlertPathWarmup(ProtocolProfile.builtIn("STROMA"), new NoticeJson(new ObjectMapper()),
                System::nanoTime);
        warmup.stop();

        AlertPathWarmup.Result result = warmup.run(1_000, NO_LIMIT);

        assertEquals(0, result.rounds());
        assertEquals(0, result.alerts());
    }
}
