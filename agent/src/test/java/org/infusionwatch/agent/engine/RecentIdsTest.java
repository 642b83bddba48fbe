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
        Deque<String> window = new ArrayDeque<>();
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            String id = "MSG-" + random.nextInt(400);
            boolean expected = window.contains(id);
            assertThat(recent.seenBefore("D", id)).as("check %d of %s", i, id).isEqualTo(expected);
            if (!expected) {
                window.addLast(id);
                if (window.size() > 64) {
                    window.removeFirst();
                }
            }
        }
    }
}
