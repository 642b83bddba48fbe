package org.infusionwatch.gateway.view;

/**
 * Told what changed on the ward (the browsers' event stream). Called on the ward view's thread:
 * implementations hand off (queue a write to a socket) and return at once.
 */
public interface WardListener {

    /** The nurse station now looks like this; sent on every change, and at least once a second. */
    void onWard(WardSnapshot snapshot);

    /** An alert was raised or changed state ({@code change}: RAISED, ACKNOWLEDGED, ESCALATED, ANNOTATED, RESOLVED). */
    void onAlert(String change, WardSnapshot.AlertItem alert);

    /**
     * Whether anybody is looking (a browser has its event stream open). The view builds snapshots
     * only for listeners that are: a whole ward's snapshot is not free, and nobody may be watching.
     */
    default boolean watching() {
        return true;
    }
}
