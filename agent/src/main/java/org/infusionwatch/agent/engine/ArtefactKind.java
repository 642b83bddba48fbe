package org.infusionwatch.agent.engine;

/** Why a sample or a message was not used. Each is counted and shown in the evidence. */
enum ArtefactKind {
    SPO2_PROBE_OFF("SpO2 probe off"),
    SPO2_LOW_PERFUSION("SpO2 low perfusion"),
    SPO2_OUT_OF_RANGE("SpO2 out of range"),
    HEART_RATE_OUT_OF_RANGE("heart rate out of range"),
    ECG_LEAD_OFF("ECG lead off"),
    ECG_NOISE("ECG noise"),
    ARTERIAL_FLUSH("arterial line flush"),
    ARTERIAL_ZEROING("arterial line zeroing or open"),
    ARTERIAL_DAMPED("arterial line damped"),
    DUPLICATE("duplicate message or sample"),
    OUT_OF_ORDER("out-of-order sample");

    private final String words;

    ArtefactKind(String words) {
        this.words = words;
    }

    String words() {
        return words;
    }
}
