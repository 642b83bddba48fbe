package org.infusionwatch.agent.engine;

/**
 * The ids of the latest messages (device and message id) or entries seen at a bed, to drop a
 * resent duplicate (an MLLP sender that missed our ACK sends the message again). A ring of
 * references: checking and adding never allocate.
 *
 * <p>Owned by the engine thread.
 */
final class RecentIds {
    private final String[] sources;
    private final String[] ids;
    private int next;

    RecentIds(int capacity) {
        sources = new String[capacity];
        ids = new String[capacity];
    }

    /** True when {@code id} from {@code source} was seen already; otherwise remembers it. */
    boolean seenBefore(String source, String id) {
        if (id == null || id.isEmpty()) {
            return false;
        }
        for (int i = 0; i < ids.length; i++) {
            if (id.equals(ids[i]) && (source == null ? sources[i] == null : source.equals(sources[i]))) {
                return true;
            }
        }
        sources[next] = source;
        ids[next] = id;
        next = (next + 1) % ids.length;
        return false;
    }
}
