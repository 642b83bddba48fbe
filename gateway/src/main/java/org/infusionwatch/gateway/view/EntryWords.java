package org.infusionwatch.gateway.view;

import java.util.Locale;

/** Clinician entry types in words, for the pages. Stateless. */
public final class EntryWords {
    private EntryWords() {
    }

    /** {@code TRANSFUSION_REACTION} → "Transfusion-reaction signs"; unknown types are spelled out. */
    public static String label(String type) {
        return switch (type) {
            case "INFUSION_START" -> "Study infusion started (manual T0)";
            case "INFUSION_STOP" -> "Study infusion stopped";
            case "CARDIOVERSION" -> "Cardioversion";
            case "TRANSFUSION_REACTION" -> "Transfusion-reaction signs";
            case "CARDIAC_ARREST" -> "Cardiac arrest";
            case "DEATH" -> "Death";
            case "INTUBATION" -> "Intubation";
            case "NOTE" -> "Note";
            default -> {
                String words = type.replace('_', ' ').toLowerCase(Locale.ROOT);
                yield words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
            }
        };
    }
}
