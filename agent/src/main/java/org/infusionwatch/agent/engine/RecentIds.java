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
    private final String[] sources;
    private final String[] ids;
    private final int[] hashes;
    private int next;

    RecentIds(int capacity) {
        sources = new String[capacity];
        ids = new String[capacity];
        hashes = new int[capacity];
    }

    /** True when {@code id} from {@code source} was seen already; otherwise remembers it. */
    boolean seenBefore(String source, String id) {
        if (id == null || id.isEmpty()) {
            return false;
        }
        int hash = id.hashCode();
        for (int i = 0; i < ids.length; i++) {
            if (hashes[i] == hash && id.equals(ids[i])
                    && (source == null ? sources[i] == null : source.equals(sources[i]))) {
                return true;
            }
        }
        sources[next] = source;
        ids[next] = id;
        hashes[next] = hash;
        next = (next + 1) % ids.length;
        return false;
    }
}
