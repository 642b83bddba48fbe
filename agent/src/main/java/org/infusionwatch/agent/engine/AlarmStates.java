package org.infusionwatch.agent.engine;

import org.infusionwatch.agent.protocol.AlarmMeaning;

/**
 * In event time, when each kind of monitor alarm was active at a bed (1) or not (0), from the
 * start and end phases of IHE PCD-04 alarms. Kept as histories so "not active during the baseline
 * window" and "lead off at the same moment" can be asked after the fact, e.g. once a late
 * delivery-start has placed T0.
 *
 * <p>Owned by the engine thread.
 */
final class AlarmStates {
    static final double ACTIVE = 1.0;
    private static final int HISTORY_POINTS = 2048;
    private static final AlarmMeaning[] MEANINGS = AlarmMeaning.values();

    private final SettingHistory[] active = new SettingHistory[MEANINGS.length];
    /** The alarm code text of the latest start of each kind, for evidence. */
    private final String[] lastCode = new String[MEANINGS.length];
    /** Moves whenever any alarm history changes. */
    private long changes;

    AlarmStates() {
        for (int i = 0; i < active.length; i++) {
            active[i] = new SettingHistory(HISTORY_POINTS);
        }
    }

    void record(AlarmMeaning meaning, long timeMs, boolean on, String codeText) {
        if (active[meaning.ordinal()].record(timeMs, on ? ACTIVE : 0.0)) {
            changes++;
        }
        if (on) {
            lastCode[meaning.ordinal()] = codeText;
        }
    }

    SettingHistory history(AlarmMeaning meaning) {
        return active[meaning.ordinal()];
    }

    boolean isActive(AlarmMeaning meaning, long timeMs) {
        return active[meaning.ordinal()].valueAt(timeMs) == ACTIVE;
    }

    boolean wasActiveIn(AlarmMeaning meaning, long fromMs, long toMs) {
        return active[meaning.ordinal()].hadValueIn(fromMs, toMs, ACTIVE);
    }

    /** A number that moves whenever any alarm history changes. */
    long changes() {
        return changes;
    }

    String lastCode(AlarmMeaning meaning) {
        return lastCode[meaning.ordinal()];
    }
}
