package org.infusionwatch.agent.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RecentIdsTest {
    @Test
    void aResentIdFromTheSameSourceIsSeenAndOneFromAnotherSourceIsNot() {
        RecentIds recent = new RecentIds(8);
        assertThat(recent.seenBefore("MON-1", "MSG-1")).isFalse();
        assertThat(recent.seenBefore("MON-1", "MSG-1")).isTrue();
        assertThat(recent.seenBefore("VENT-1", "MSG-1")).isFalse();
        assertThat(recent.seenBefore(null, "E-1")).isFalse();
        assertThat(recent.seenBefore(null, "E-1")).isTrue();
        assertThat(recent.seenBefore("MON-1", "")).isFalse();
        assertThat(recent.seenBefore("MON-1", "")).isFalse();
    }

    @Test
    void anIdIsForgottenOnceCapacityNewerIdsHaveArrived() {
        RecentIds recent = new RecentIds(4);
        recent.seenBefore("D", "old");
        for (int i = 0; i < 3; i++) {
            recent.seenBefore("D", "new-" + i);
        }
        assertThat(recent.seenBefore("D", "old")).as("still within the last four").isTrue();
        for (int i = 3; i < 7; i++) {
            recent.seenBefore("D", "new-" + i);
        }
        assertThat(recent.seenBefore("D", "old")).as("pushed out by four newer ids").isFalse();
    }

    /** The quick "not seen" answer must agree with a plain list of the last ids, resends and collisions included. */
    @Test
    void agreesWithAPlainWindowOfTheLatestIds() {
        RecentIds recent = new RecentIds(64);
        LatestIds window = new LatestIds(64);
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            String id = "MSG-" + random.nextInt(400);
            assertThat(recent.seenBefore("D", id)).as("check %d of %s", i, id).isEqualTo(window.seenBefore("D|" + id));
        }
    }

    /**
     * The same window with many devices (so the source table fills and is compacted), ids that
     * grow longer as the run goes on and ids too long to keep as characters.
     */
    @Test
    void agreesWithAPlainWindowAcrossManySourcesAndIdLengths() {
        RecentIds recent = new RecentIds(64);
        LatestIds window = new LatestIds(64);
        Random random = new Random(11);
        for (int i = 0; i < 200_000; i++) {
            String source = random.nextInt(10) == 0 ? null : "DEV-" + random.nextInt(i < 100_000 ? 4 : 300);
            String id = "M".repeat(random.nextInt(i < 50_000 ? 8 : RecentIds.MAX_INLINE_CHARS + 20))
                    + random.nextInt(40);
            String key = source + "|" + id;
            assertThat(recent.seenBefore(source, id)).as("check %d of %s", i, key).isEqualTo(window.seenBefore(key));
        }
    }

    /** The oracle: a plain list of the latest keys, searched from end to end. */
    private static final class LatestIds {
        private final Deque<String> keys = new ArrayDeque<>();
        private final int capacity;

        LatestIds(int capacity) {
            this.capacity = capacity;
        }

        boolean seenBefore(String key) {
            if (keys.contains(key)) {
                return true;
            }
            keys.addLast(key);
            if (keys.size() > capacity) {
                keys.removeFirst();
            }
            return false;
        }
    }

    @Test
    void idsWithTheSameHashAreStillTold() {
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        String longA = "Aa".repeat(RecentIds.MAX_INLINE_CHARS);
        String longB = "Aa".repeat(RecentIds.MAX_INLINE_CHARS - 1) + "BB";
        assertThat(longA.hashCode()).isEqualTo(longB.hashCode());
        RecentIds recent = new RecentIds(8);

        assertThat(recent.seenBefore("D", "Aa")).isFalse();
        assertThat(recent.seenBefore("D", "BB")).isFalse();
        assertThat(recent.seenBefore("D", longA)).isFalse();
        assertThat(recent.seenBefore("D", longB)).isFalse();
        assertThat(recent.seenBefore("D", "BB")).isTrue();
        assertThat(recent.seenBefore("D", longA)).isTrue();
    }

    @Test
    void doesNotKeepTheStringsItIsGiven() throws Exception {
        RecentIds recent = new RecentIds(8);
        String id = new String("MSG-000123".toCharArray());
        recent.seenBefore(new String("VENT-1".toCharArray()), id);

        for (java.lang.reflect.Field f : RecentIds.class.getDeclaredFields()) {
            if (f.getType() == String[].class) {
                f.setAccessible(true);
                String[] held = (String[]) f.get(recent);
                if (held != null) {
                    assertThat(held).as(f.getName()).doesNotContain(id);
                }
            }
        }
        assertThat(recent.seenBefore("VENT-1", "MSG-000123")).isTrue();
    }
}
