package org.infusionwatch.agent.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.infusionwatch.agent.model.EventCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProtocolProfileTest {

    private static String text(String name) throws IOException {
        try (InputStream in = ProtocolProfile.class.getResourceAsStream("/protocols/" + name + ".properties")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static ProtocolProfile edited(String line, String replacement) throws IOException {
        String stroma = text("STROMA");
        assertThat(stroma).contains(line);
        return ProtocolProfile.parse(stroma.replace(line, replacement).getBytes(StandardCharsets.UTF_8), "mine.properties");
    }

    @Test
    void shouldDefineStromaAsStartPlusLanzonisIntubationAfterHighFlow() {
        ProtocolProfile stroma = ProtocolProfile.builtIn("STROMA");
        ProtocolProfile start = ProtocolProfile.builtIn("start");
        ProtocolProfile lanzoni = ProtocolProfile.builtIn("LANZONI");

        for (EventCode e : EventCode.values()) {
            boolean expected = start.enabled(e) || e == EventCode.INTUBATION_AFTER_HIGH_FLOW;
            assertThat(stroma.enabled(e)).as(e.name()).isEqualTo(expected);
        }
        assertThat(start.enabled(EventCode.INTUBATION_AFTER_HIGH_FLOW)).isFalse();
        assertThat(lanzoni.enabled(EventCode.INTUBATION_AFTER_HIGH_FLOW)).isTrue();
        assertThat(stroma.hypoxemia()).isEqualTo(start.hypoxemia());
        assertThat(stroma.vasopressors()).isEqualTo(start.vasopressors());
        assertThat(stroma.description()).contains("Inferred");
        assertThat(stroma.contentHash()).hasSize(64).isNotEqualTo(start.contentHash());
    }

    @Test
    void shouldReadTheProfilesDifferencesFromTheirFiles() {
        ProtocolProfile start = ProtocolProfile.builtIn("START");
        ProtocolProfile lanzoni = ProtocolProfile.builtIn("LANZONI");
        assertThat(start.hypoxemia().needsBoth()).isTrue();
        assertThat(lanzoni.hypoxemia().needsBoth()).isFalse();
        assertThat(lanzoni.hypoxemia().fio2Comparison()).isEqualTo(Comparison.ABOVE);
        VasopressorDrug startEpi = start.vasopressors().drugs().get(start.vasopressors().drugIndexOf("Adrenaline"));
        VasopressorDrug lanzoniEpi = lanzoni.vasopressors().drugs().get(lanzoni.vasopressors().drugIndexOf("ADRENALINE"));
        assertThat(startEpi.threshold()).isEqualTo(0.1);
        assertThat(startEpi.unit()).isEqualTo(DoseUnit.UG_PER_KG_PER_MIN);
        assertThat(lanzoniEpi.threshold()).isEqualTo(10);
        assertThat(lanzoniEpi.unit()).isEqualTo(DoseUnit.UG_PER_MIN);
        assertThat(start.holdMs(EventCode.VASOPRESSOR_ESCALATION)).isEqualTo(600_000);
        assertThat(start.holdMs(EventCode.HYPOXEMIA_WORSENING)).isEqualTo(900_000);
    }

    @Test
    void shouldRecogniseDrugSynonymsAsWholeWords() {
        VasopressorDefinition v = ProtocolProfile.builtIn("STROMA").vasopressors();
        assertThat(v.drugs().get(v.drugIndexOf("Noradrenaline 8 mg/50 mL")).name()).isEqualTo("NOREPINEPHRINE");
        assertThat(v.drugs().get(v.drugIndexOf("norepinephrine bitartrate")).name()).isEqualTo("NOREPINEPHRINE");
        assertThat(v.drugs().get(v.drugIndexOf("ADRENALINE 5mg/50mL")).name()).isEqualTo("EPINEPHRINE");
        assertThat(v.drugs().get(v.drugIndexOf("Argipressin")).name()).isEqualTo("VASOPRESSIN");
        assertThat(v.drugIndexOf("STUDY-PRODUCT KIT-0042")).isEqualTo(-1);
        assertThat(v.drugIndexOf("Dobutamine")).isEqualTo(-1);
    }

    @Test
    void shouldMapModeLabelsAndAlarmCodes() {
        ProtocolProfile p = ProtocolProfile.builtIn("STROMA");
        assertThat(p.ventModes().lookup("VENT-MODE-INSP-ASSIST")).isEqualTo(VentMode.INVASIVE);
        assertThat(p.ventModes().lookup("vent-mode-high-flow-o2")).isEqualTo(VentMode.HIGH_FLOW);
        assertThat(p.ventModes().lookup("vent-mode-cpap")).as("mask or tube: unknown").isEqualTo(VentMode.UNKNOWN);
        assertThat(p.alarmCodes().byCode(199832)).isEqualTo(AlarmMeaning.VENTRICULAR_TACHYCARDIA);
        assertThat(p.alarmCodes().byCode(258052)).isEqualTo(AlarmMeaning.VENTRICULAR_FIBRILLATION);
        assertThat(p.alarmCodes().byRefId("x^MDC_EVT_ECG_ASYSTOLE^MDC", 2, 22)).isEqualTo(AlarmMeaning.ASYSTOLE);
    }

    @Test
    void shouldTakeAbsoluteOrRelativeFio2RiseAndTheComparisonFromTheFile() throws IOException {
        ProtocolProfile relative = edited("hypoxemia.fio2-rise.mode=ABSOLUTE", "hypoxemia.fio2-rise.mode=RELATIVE");
        assertThat(relative.hypoxemia().fio2Relative()).isTrue();
        ProtocolProfile above = edited("vasopressor.comparison=>=", "vasopressor.comparison=>");
        assertThat(above.vasopressors().comparison()).isEqualTo(Comparison.ABOVE);
        assertThat(Comparison.AT_LEAST.test(0.6 - 0.4, 0.2)).isTrue();
        assertThat(Comparison.ABOVE.test(0.6 - 0.4, 0.2)).isFalse();
    }

    @Test
    void shouldRefuseABadFileNamingTheField() throws IOException {
        assertThatThrownBy(() -> edited("hypoxemia.combine=AND", "hypoxemia.combine=MAYBE"))
                .hasMessageContaining("mine.properties").hasMessageContaining("'hypoxemia.combine'")
                .hasMessageContaining("AND or OR");
        assertThatThrownBy(() -> edited("vasopressor.DOPAMINE.threshold=10", "vasopressor.DOPAMINE.threshold=ten"))
                .hasMessageContaining("'vasopressor.DOPAMINE.threshold'");
        assertThatThrownBy(() -> edited("vasopressor.DOPAMINE.unit=ug/kg/min", "vasopressor.DOPAMINE.unit=mg/h"))
                .hasMessageContaining("'vasopressor.DOPAMINE.unit'");
        assertThatThrownBy(() -> edited("signal-loss.seconds=60\n", ""))
                .hasMessageContaining("'signal-loss.seconds' is missing");
        assertThatThrownBy(() -> edited("intubation.hold.minutes=5", "intubation.hold.minute=5"))
                .hasMessageContaining("'intubation.hold.minute");
        assertThatThrownBy(() -> edited("hypoxemia.peep-rise.comparison=>=", "hypoxemia.peep-rise.comparison==>"))
                .hasMessageContaining("'hypoxemia.peep-rise.comparison'").hasMessageContaining(">= or >");
        assertThatThrownBy(() -> edited("events=VASOPRESSOR_ESCALATION,", "events=SIGNAL_LOSS,"))
                .hasMessageContaining("'events'");
    }

    @Test
    void shouldRefuseFieldsThatContradictEachOtherNamingTheField() {
        assertThatThrownBy(() -> edited("long-window.minutes=1440", "long-window.minutes=300"))
                .isInstanceOf(ProtocolFileException.class)
                .hasMessageContaining("'long-window.minutes' is '300', expected at least window.minutes (360)");
        assertThatThrownBy(() -> edited("artefact.spo2.min-percent=50", "artefact.spo2.min-percent=100"))
                .hasMessageContaining("'artefact.spo2.min-percent'").hasMessageContaining("below artefact.spo2.max-percent");
        assertThatThrownBy(() -> edited("early-warning.heart-rate.below=40", "early-warning.heart-rate.below=140"))
                .hasMessageContaining("'early-warning.heart-rate.below'");
    }

    @Test
    void shouldSayWhichNamesAreBuiltInWhenNeitherAProfileNorAFileIsFound() {
        assertThatThrownBy(() -> ProtocolProfile.resolve("site-7.properties"))
                .isInstanceOf(ProtocolFileException.class)
                .hasMessage("no built-in protocol profile named site-7.properties and no such file"
                        + " (built-in: STROMA, START, LANZONI)");
    }

    @Test
    void shouldReadACoordinatorsOwnFileAndHashItsContent(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("site.properties");
        Files.writeString(file, text("START").replace("name=START", "name=SITE-7"));
        ProtocolProfile own = ProtocolProfile.resolve(file.toString());
        assertThat(own.name()).isEqualTo("SITE-7");
        assertThat(own.contentHash()).isNotEqualTo(ProtocolProfile.builtIn("START").contentHash());
        assertThatThrownBy(() -> ProtocolProfile.resolve("NOPE")).hasMessageContaining("NOPE");
    }
}
