package org.infusionwatch.gateway;

import org.infusionwatch.agent.model.BedRef;

/**
 * Hands a decoder the same {@link BedRef} for every report of a bed instead of a new one per
 * message. The engine looks each report's bed up in its table; a bed reference it has met before
 * is still in the CPU's cache and matches its key by identity, where a fresh one is a cache miss
 * and a comparison of names. Direct-mapped and bounded (a collision replaces the entry); a wrong
 * entry is never returned, since every hit is checked against the names.
 *
 * <p>One per decoder; not thread-safe. The references themselves are immutable and may be shared.
 */
public final class BedRefCache {
    /** For a decoder that serves one connection: a device-integration gateway's unit at most. */
    public static final int PER_CONNECTION = 512;
    /** For a decoder that serves every bed of a broker (the MQTT ingest threads). */
    public static final int PER_BROKER = 4096;

    private final BedRef[] refs;
    private final int mask;

    /** @param slots entries kept, rounded up to a power of two */
    public BedRefCache(int slots) {
        int size = Integer.highestOneBit(Math.max(2, slots) - 1) << 1;
        this.refs = new BedRef[size];
        this.mask = size - 1;
    }

    /** The bed {@code unit}/{@code bed}. */
    public BedRef get(String unit, String bed) {
        int slot = slot(31 * unit.hashCode() + bed.hashCode());
        BedRef known = refs[slot];
        if (known != null && same(known.unit(), unit) && same(known.bed(), bed)) {
            return known;
        }
        BedRef ref = new BedRef(unit, bed);
        refs[slot] = ref;
        return ref;
    }

    /**
     * The bed named by two regions of {@code text} (an MQTT topic's unit and bed levels), without
     * copying them out when the bed is known.
     */
    public BedRef get(String text, int unitFrom, int unitTo, int bedFrom, int bedTo) {
        int slot = slot(31 * hash(text, unitFrom, unitTo) + hash(text, bedFrom, bedTo));
        BedRef known = refs[slot];
        if (known != null && matches(known.unit(), text, unitFrom, unitTo) && matches(known.bed(), text, bedFrom, bedTo)) {
            return known;
        }
        BedRef ref = new BedRef(text.substring(unitFrom, unitTo), text.substring(bedFrom, bedTo));
        refs[slot] = ref;
        return ref;
    }

    private static boolean same(String a, String b) {
        return a == b || a.equals(b);
    }

    private static boolean matches(String name, String text, int from, int to) {
        return name.length() == to - from && text.regionMatches(from, name, 0, name.length());
    }

    /** {@link String#hashCode()} of the region, so both lookups of one bed land in the same slot. */
    private static int hash(String text, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + text.charAt(i);
        }
        return h;
    }

    private int slot(int hash) {
        return (hash ^ (hash >>> 12) ^ (hash >>> 24)) & mask;
    }
}
