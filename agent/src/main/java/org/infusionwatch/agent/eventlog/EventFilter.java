package org.infusionwatch.agent.eventlog;

/**
 * Which event-log rows a coordinator asks for. Null bed or code means any.
 *
 * @param fromMs earliest event time, inclusive
 * @param toMs   latest event time, inclusive
 * @param bed    {@code BED01} or {@code ICU-A/BED01}
 * @param code   an event code such as {@code HYPOXEMIA_WORSENING}, or {@code INFUSION_OPENED}
 */
public record EventFilter(long fromMs, long toMs, String bed, String code) {
    public static final EventFilter ALL = new EventFilter(Long.MIN_VALUE, Long.MAX_VALUE, null, null);
}
