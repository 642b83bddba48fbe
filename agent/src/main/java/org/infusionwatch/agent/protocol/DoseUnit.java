package org.infusionwatch.agent.protocol;

/** Unit of a vasopressor threshold as the trial protocols state it. */
public enum DoseUnit {
    /** Micrograms per minute (norepinephrine, phenylephrine; LANZONI's epinephrine). */
    UG_PER_MIN("ug/min"),
    /** Micrograms per kilogram per minute (dopamine; START's epinephrine): needs the patient's weight. */
    UG_PER_KG_PER_MIN("ug/kg/min"),
    /** No dose threshold: the drug only counts as an active vasopressor (vasopressin). */
    NONE("none");

    private final String text;

    DoseUnit(String text) {
        this.text = text;
    }

    /** As written in protocol files and evidence, e.g. {@code ug/kg/min}. */
    public String text() {
        return text;
    }

    static DoseUnit fromText(String text) {
        for (DoseUnit u : values()) {
            if (u.text.equals(text)) {
                return u;
            }
        }
        return null;
    }
}
