package org.infusionwatch.agent.protocol;

import java.util.List;
import java.util.Map;

/**
 * Ventilation mode codes and labels to {@link VentMode}, from the protocol file
 * ({@code vent-mode.HIGH_FLOW=...}). A ventilator sends its mode as a coded value whose code or
 * label (e.g. {@code ^vent-mode-insp-assist}, IHE PCD TF Vol 3 table 7.2.2-1) is matched here
 * exactly, ignoring case. Modes that do not tell the interface (CPAP can be on a mask or a tube)
 * are deliberately left out. Immutable; lookups do not allocate.
 */
public final class VentModeTable {
    private final String[] labels;
    private final VentMode[] modes;

    VentModeTable(Map<VentMode, List<String>> table) {
        int n = 0;
        for (List<String> l : table.values()) {
            n += l.size();
        }
        labels = new String[n];
        modes = new VentMode[n];
        int i = 0;
        for (Map.Entry<VentMode, List<String>> e : table.entrySet()) {
            for (String label : e.getValue()) {
                labels[i] = label;
                modes[i++] = e.getKey();
            }
        }
    }

    /** The class of a mode code or label; {@link VentMode#UNKNOWN} when the table does not list it. */
    public VentMode lookup(String codeOrLabel) {
        if (codeOrLabel == null) {
            return VentMode.UNKNOWN;
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i].equalsIgnoreCase(codeOrLabel)) {
                return modes[i];
            }
        }
        return VentMode.UNKNOWN;
    }

    /** The labels of {@code mode}, in file order (for documentation and evidence). */
    public List<String> labelsOf(VentMode mode) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            if (modes[i] == mode) {
                out.add(labels[i]);
            }
        }
        return out;
    }
}
