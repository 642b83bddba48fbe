package org.infusionwatch.agent.engine;

import java.util.Arrays;

/**
 * The ids of the latest messages (device and message id) or entries seen at a bed, to drop a
 * resent duplicate (an MLLP sender that missed our ACK sends the message again).
 *
 * <p>A ring of ids kept as characters in one array, with their hashes beside them, so a check
 * compares ints and compares characters only on a hash match. The sources (device ids) go in a
 * small table of their own, and each slot keeps the index of its source. This runs for every
 * report, so it neither allocates nor keeps a reference to the report's strings: storing each
 * message's id string in a long-lived array made the garbage collector scan that array and copy
 * the string to the old generation, for every message, only for it to die there a minute later.
 * Only ids longer than {@value #MAX_INLINE_CHARS} characters are kept as strings.
 *
 * <p>Owned by the engine thread.
 */
final class RecentIds {
    /** Buckets of the presence counts: four per remembered id keeps most new ids in an empty bucket. */
    private static final int BUCKETS_PER_ID = 4;
    /** Longest id kept as characters (a UUID has 36). */
    static final int MAX_INLINE_CHARS = 48;
    /** Marks a slot whose id is in {@link #longIds}; a length of 0 marks an empty slot. */
    private static final byte LONG_ID = -1;
    /** Source index of a null source (entries have none). */
    private static final byte NO_SOURCE = 0;

    private final int capacity;
    private final int[] hashes;
    private final byte[] lengths;
    private final byte[] sourceOf;
    /**
     * How many remembered ids fall in each bucket of hash values. An id whose bucket is empty was
     * not seen, which answers almost every check (a new message) with one load instead of a scan.
     */
    private final byte[] bucketCounts;
    private final int bucketMask;
    /** Characters of slot {@code i} start at {@code i * width}; allocated at the first id. */
    private char[] chars = new char[0];
    private int width;
    /** Ids too long to keep as characters, by slot; allocated at the first such id. */
    private String[] longIds;
    /** Distinct sources of the remembered slots, from index 1; may hold sources no slot uses any more. */
    private String[] sources = new String[4];
    private int sourceCount = 1;
    private int next;

    RecentIds(int capacity) {
        if (capacity < 1 || capacity > Byte.MAX_VALUE - 1) {
            throw new IllegalArgumentException("capacity must be 1.." + (Byte.MAX_VALUE - 1) + ", was " + capacity);
        }
        this.capacity = capacity;
        hashes = new int[capacity];
        lengths = new byte[capacity];
        sourceOf = new byte[capacity];
        bucketCounts = new byte[Integer.highestOneBit(capacity * BUCKETS_PER_ID - 1) << 1];
        bucketMask = bucketCounts.length - 1;
    }

    /** True when {@code id} from {@code source} was seen already; otherwise remembers it. */
    boolean seenBefore(String source, String id) {
        if (id == null || id.isEmpty()) {
            return false;
        }
        int hash = id.hashCode();
        int sourceIndex = indexOf(source);
        if (sourceIndex >= 0 && bucketCounts[bucket(hash)] > 0 && remembered(sourceIndex, id, hash)) {
            return true;
        }
        remember(sourceIndex >= 0 ? sourceIndex : addSource(source), id, hash);
        return false;
    }

    private boolean remembered(int sourceIndex, String id, int hash) {
        int length = id.length();
        for (int i = 0; i < capacity; i++) {
            if (hashes[i] == hash && sourceOf[i] == sourceIndex && sameId(i, id, length)) {
                return true;
            }
        }
        return false;
    }

    private boolean sameId(int slot, String id, int length) {
        if (lengths[slot] == LONG_ID) {
            return id.equals(longIds[slot]);
        }
        if (lengths[slot] != length) {
            return false;
        }
        int base = slot * width;
        for (int k = 0; k < length; k++) {
            if (chars[base + k] != id.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private void remember(int sourceIndex, String id, int hash) {
        if (lengths[next] != 0) {
            bucketCounts[bucket(hashes[next])]--;
        }
        int length = id.length();
        if (length <= MAX_INLINE_CHARS) {
            if (length > width) {
                widen(length);
            }
            id.getChars(0, length, chars, next * width);
            lengths[next] = (byte) length;
            if (longIds != null && longIds[next] != null) {
                longIds[next] = null;
            }
        } else {
            if (longIds == null) {
                longIds = new String[capacity];
            }
            longIds[next] = id;
            lengths[next] = LONG_ID;
        }
        hashes[next] = hash;
        sourceOf[next] = (byte) sourceIndex;
        bucketCounts[bucket(hash)]++;
        next = (next + 1) % capacity;
    }

    /** Lays the slots out again, each {@code atLeast} characters wide or more. */
    private void widen(int atLeast) {
        int newWidth = Math.min(MAX_INLINE_CHARS, Math.max(atLeast, width + width / 2));
        char[] wider = new char[capacity * newWidth];
        for (int i = 0; i < capacity; i++) {
            if (lengths[i] > 0) {
                System.arraycopy(chars, i * width, wider, i * newWidth, lengths[i]);
            }
        }
        chars = wider;
        width = newWidth;
    }

    /** Index of {@code source} in the table, or -1 when it is not there (so no slot holds it). */
    private int indexOf(String source) {
        if (source == null) {
            return NO_SOURCE;
        }
        for (int i = 1; i < sourceCount; i++) {
            String s = sources[i];
            if (s == source || s.equals(source)) {
                return i;
            }
        }
        return -1;
    }

    private int addSource(String source) {
        if (sourceCount == sources.length) {
            if (sources.length <= capacity) {
                sources = Arrays.copyOf(sources, Math.min(capacity + 1, 2 * sources.length));
            } else {
                dropUnusedSources();
            }
        }
        sources[sourceCount] = source;
        return sourceCount++;
    }

    /**
     * Keeps only the sources a remembered slot still uses, apart from the slot about to be
     * overwritten, which leaves room in a table of {@code capacity + 1}.
     */
    private void dropUnusedSources() {
        String[] kept = new String[sources.length];
        byte[] renumbered = new byte[sources.length];
        int count = 1;
        for (int i = 0; i < capacity; i++) {
            int s = sourceOf[i];
            if (i == next || lengths[i] == 0 || s == NO_SOURCE) {
                continue;
            }
            if (renumbered[s] == 0) {
                renumbered[s] = (byte) count;
                kept[count++] = sources[s];
            }
            sourceOf[i] = renumbered[s];
        }
        sources = kept;
        sourceCount = count;
    }

    private int bucket(int hash) {
        return (hash ^ (hash >>> 16)) & bucketMask;
    }
}
