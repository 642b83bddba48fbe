package org.infusionwatch.sims.model.pump;

/** The delivery state of an infusion pump. */
public enum PumpState {
    IDLE,
    INFUSING,
    COMPLETE
}
