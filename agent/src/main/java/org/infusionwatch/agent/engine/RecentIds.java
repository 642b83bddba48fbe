package org.infusionwatch.agent.engine;

/**
 * The ids of the latest messages (device and message id) or entries seen at a bed, to drop a
 * resent duplicate (an MLLP sender that missed our ACK sends the message again). A ring of
 * references with their hashes beside them, so a check compares ints and calls {@code equals}
 * only on a hash match: ids of one device share long prefixes, and this runs for every report.
 * Checking and adding never allocate.
 *
 * <p>Owned by the engine thread.
 */
final class RecentIds {
    /** Buckets of the presence counts: four per remembered id keeps most new ids in an empty bucket. */
    private static final int BUCKETS_PER_ID = 4;

    private final String[] sources;
    private final String[] ids;
    private final int[] hashes;
    /**
     * How many remembered ids fall in each bucket of hash values. An id whose bucket is empty was
     * not seen, which answers almost every check (a new message) with one load instead of a scan.
     */
    private final byte[] bucketCounts;
    private final int bucketMask;
    private int next;

    RecentIds(int capacity) {
        sources = new String[capacity];
        ids = new String[capacity];
        hashes = new int[capacity];
        bucketCounts = new byte[Integer.highestOneBit(capacity * BUCKETS_PER_ID - 1) << 1];
        bucketMask = bucketCounts.length - 1;
    }

    /** True when {@code id} from {@code source} was seen already; otherwise remembers it. */
    boolean seenBefore(String source, String id) {
        if (id == null || id.isEmpty()) {
            return false;
        }
        int hash = id.hashCode();
        if (bucketCounts[bucket(hash)] > 0) {
            for (int i = 0; i < ids.length; i++) {
                if (hashes[i] == hash && id.equals(ids[i])
                        && (source == null ? sources[i] == null : source.equals(sources[i]))) {
                    return true;
                }
            }
        }
        if (ids[next] != null) {
            bucketCounts[bucket(hashes[next])]--;
        }
        sources[next] = source;
        ids[next] = id;
        hashes[next] = hash;
        bucketCounts[bucket(hash)]++;
        next = (next + 1) % ids.length;
        return false;
    }

    private int bucket(int hash) {
        return (hash ^ (hash >>> 16)) & bucketMask;
    }
}
