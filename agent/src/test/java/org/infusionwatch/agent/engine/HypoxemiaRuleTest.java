package org.infusionwatch.agent.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.infusionwatch.agent.engine.EngineInput.BED;
import static org.infusionwatch.agent.engine.EngineInput.at;
import static org.infusionwatch.agent.engine.EngineInput.studyStart;
import static org.infusionwatch.agent.engine.EngineInput.ventilator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.infusionwatch.agent.model.AgentNotice;
import org.infusionwatch.agent.model.Alert;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.agent.model.EventCode;
import org.infusionwatch.agent.model.InfusionNotice;
import org.infusionwatch.agent.protocol.ProtocolProfile;
import org.junit.jupiter.api.Test;

class HypoxemiaRuleTest {
    private final List<AgentNotice> out = new ArrayList<>();

    private RuleEngine engine(String profile) {
        return new RuleEngine(EngineConfig.defaults(ProtocolProfile.builtIn(profile),
                new Enrolment(Map.of(BED, "STROMA-0001"))));
    }

    /** Baseline settings every minute from -60 to 0, onset at 0. */
    private void baselineAndOnset(RuleEngine engine, BedRef bed) {
        for (int m = -60; m <= 0; m++) {
            engine.onReport(ventilator(bed, m, 40, 8), out);
        }
        engine.onReport(studyStart(bed, 0), out);
    }

    private List<Alert> alerts() {
        return out.stream().filter(Alert.class::isInstance).map(Alert.class::cast)
                .filter(a -> a.event() == EventCode.HYPOXEMIA_WORSENING).toList();
    }

    @Test
    void shouldFlagHypoxemiaWhenFio2AndPeepRiseAndHoldFifteenMinutesWithinSixHours() {
        RuleEngine engine = engine("STROMA");
        baselineAndOnset(engine, BED);
        for (int m = 1; m <= 140; m++) {
            engine.onReport(ventilator(BED, m, m >= 120 ? 70 : 40, m >= 120 ? 14 : 8), out);
        }

        assertThat(alerts()).singleElement().satisfies(a -> {
            assertThat(a.event()).isEqualTo(EventCode.HYPOXEMIA_WORSENING);
            assertThat(a.onsetMs()).isEqualTo(at(120));
            assertThat(a.raisedMs()).isEqualTo(at(135));
            assertThat(a.patient()).isEqualTo("STROMA-0001");
            assertThat(a.infusionId()).isEqualTo("ICU-A/BED01/1");
            assertThat(a.protocolName()).isEqualTo("STROMA");
            assertThat(a.evidence()).containsEntry("fio2Baseline", 0.40).containsEntry("fio2", 0.70)
                    .containsEntry("peepBaseline", 8.0).containsEntry("peep", 14.0).containsEntry("minutesAfterOnset", 120L);
        });
        assertThat(out.get(0)).isInstanceOfSatisfying(InfusionNotice.class,
                n -> assertThat(n.kind()).isEqualTo(InfusionNotice.Kind.OPENED));
    }

    @Test
    void shouldNotFlagWhenRiseStaysJustUnderThresholds() {
        RuleEngine engine = engine("STROMA");
        baselineAndOnset(engine, BED);
        for (int m = 1; m <= 360; m++) {
            engine.onReport(ventilator(BED, m, m >= 120 ? 59 : 40, m >= 120 ? 12 : 8), out);
        }
        assertThat(alerts()).isEmpty();
    }

    @Test
    void shouldNotFlagWhenRiseDoesNotHoldForTheHoldTime() {
        RuleEngine engine = engine("STROMA");
        baselineAndOnset(engine, BED);
        for (int m = 1; m <= 200; m++) {
            boolean up = m >= 120 && m < 134;
            engine.onReport(ventilator(BED, m, up ? 70 : 40, up ? 14 : 8), out);
        }
        assertThat(alerts()).isEmpty();
    }

    @Test
    void shouldNotFlagARiseThatBeginsAfterTheSixHourWindow() {
        RuleEngine engine = engine("STROMA");
        baselineAndOnset(engine, BED);
        for (int m = 1; m <= 420; m++) {
            engine.onReport(ventilator(BED, m, m > 361 ? 70 : 40, m > 361 ? 14 : 8), out);
        }
        assertThat(alerts()).isEmpty();
    }

    @Test
    void shouldNeedOnlyOneRiseUnderLanzoni() {
        RuleEngine engine = engine("LANZONI");
        baselineAndOnset(engine, BED);
        for (int m = 1; m <= 140; m++) {
            engine.onReport(ventilator(BED, m, 40, m >= 100 ? 13 : 8), out);
        }
        assertThat(alerts()).singleElement().satisfies(a -> assertThat(a.onsetMs()).isEqualTo(at(100)));
    }

    @Test
    void shouldCompleteTheHoldOnAClockTickWithoutFurtherDeviceTraffic() {
        RuleEngine engine = engine("STROMA");
        baselineAndOnset(engine, BED);
        engine.onReport(ventilator(BED, 30, 70, 14), out);
        engine.onTick(at(44), out);
        assertThat(alerts()).isEmpty();

        engine.onTick(at(45), out);

        assertThat(alerts()).singleElement().satisfies(a -> assertThat(a.raisedMs()).isEqualTo(at(45)));
    }

    @Test
    void shouldPlaceALateDeliveryStartInEventTime() {
        RuleEngine engine = engine("STROMA");
        for (int m = -60; m <= 140; m++) {
            engine.onReport(ventilator(BED, m, m >= 120 ? 70 : 40, m >= 120 ? 14 : 8), out);
        }
        engine.onReport(studyStart(BED, 0), out);

        assertThat(alerts()).singleElement().satisfies(a -> {
            assertThat(a.onsetMs()).isEqualTo(at(120));
            assertThat(a.evidence()).containsEntry("fio2Baseline", 0.40);
        });
    }

    @Test
    void shouldFlagOncePerInfusionAndGiveTheSameIdForTheSameInput() {
        RuleEngine first = engine("STROMA");
        RuleEngine second = engine("STROMA");
        List<AgentNotice> again = new ArrayList<>();
        baselineAndOnset(first, BED);
        for (int m = -60; m <= 0; m++) {
            second.onReport(ventilator(BED, m, 40, 8), again);
        }
        second.onReport(studyStart(BED, 0), again);
        for (int m = 1; m <= 300; m++) {
            first.onReport(ventilator(BED, m, m >= 120 ? 70 : 40, m >= 120 ? 14 : 8), out);
            second.onReport(ventilator(BED, m, m >= 120 ? 70 : 40, m >= 120 ? 14 : 8), again);
        }
        assertThat(alerts()).hasSize(1);
        assertThat(again.stream().filter(Alert.class::isInstance).map(Alert.class::cast)
                .filter(a -> a.event() == EventCode.HYPOXEMIA_WORSENING).map(Alert::alertId))
                .containsExactly(alerts().get(0).alertId());
    }

    @Test
    void shouldOpenNoWindowForAPumpThatIsNotTheStudyProduct() {
        RuleEngine engine = engine("STROMA");
        for (int m = -60; m <= 0; m++) {
            engine.onReport(ventilator(BED, m, 40, 8), out);
        }
        engine.onReport(EngineInput.pump(BED, 0, 197288, "Noradrenaline 8 mg/50 mL"), out);
        for (int m = 1; m <= 140; m++) {
            engine.onReport(ventilator(BED, m, m >= 120 ? 70 : 40, m >= 120 ? 14 : 8), out);
        }
        assertThat(out).isEmpty();
    }

    @Test
    void shouldSayOnceWhenTheSixHourWindowCloses() {
        RuleEngine engine = engine("STROMA");
        baselineAndOnset(engine, BED);
        engine.onTick(at(359), out);
        assertThat(out).noneMatch(n -> n instanceof InfusionNotice i && i.kind() == InfusionNotice.Kind.WINDOW_CLOSED);

        engine.onTick(at(361), out);
        engine.onTick(at(400), out);

        assertThat(out).filteredOn(n -> n instanceof InfusionNotice i && i.kind() == InfusionNotice.Kind.WINDOW_CLOSED)
                .singleElement().satisfies(n -> assertThat(n.timeMs()).isEqualTo(at(360)));
    }
}
