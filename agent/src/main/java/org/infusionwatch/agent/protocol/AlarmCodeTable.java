package org.infusionwatch.agent.protocol;

import java.util.List;
import java.util.Map;

/**
 * MDC event codes and reference ids of monitor alarms, standard and vendor-private, to
 * {@link AlarmMeaning}, from the protocol file ({@code alarm-code.VENTRICULAR_TACHYCARDIA=199832,MDC_EVT_ECG_V_TACHY}).
 * An entry of digits is a 32-bit MDC code; anything else is a reference id matched exactly,
 * ignoring case. Immutable; lookups do not allocate.
 */
public final class AlarmCodeTable {
    private final int[] codes;
    private final AlarmMeaning[] codeMeanings;
    private final String[] refIds;
    private final AlarmMeaning[] refIdMeanings;

    AlarmCodeTable(Map<AlarmMeaning, List<String>> table) {
        int numeric = 0;
        int named = 0;
        for (List<String> l : table.values()) {
            for (String s : l) {
                if (isDigits(s)) {
                    numeric++;
                } else {
                    named++;
                }
            }
        }
        codes = new int[numeric];
        codeMeanings = new AlarmMeaning[numeric];
        refIds = new String[named];
        refIdMeanings = new AlarmMeaning[named];
        int c = 0;
        int r = 0;
        for (Map.Entry<AlarmMeaning, List<String>> e : table.entrySet()) {
            for (String s : e.getValue()) {
                if (isDigits(s)) {
                    codes[c] = Integer.parseInt(s);
                    codeMeanings[c++] = e.getKey();
                } else {
                    refIds[r] = s;
                    refIdMeanings[r++] = e.getKey();
                }
            }
        }
    }

    /** The meaning of a 32-bit MDC code, or null. */
    public AlarmMeaning byCode(int mdcCode) {
        if (mdcCode == 0) {
            return null;
        }
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] == mdcCode) {
                return codeMeanings[i];
            }
        }
        return null;
    }

    /** The meaning of the reference id in {@code text[from, to)}, or null. */
    public AlarmMeaning byRefId(String text, int from, int to) {
        for (int i = 0; i < refIds.length; i++) {
            if (Labels.regionEquals(text, from, to, refIds[i])) {
                return refIdMeanings[i];
            }
        }
        return null;
    }

    static boolean isDigits(String s) {
        if (s.isEmpty() || s.length() > 9) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
