package org.infusionwatch.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.infusionwatch.agent.model.BedRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BedRefCacheTest {

    @Test
    void shouldHandOutOneReferencePerBedWhicheverWayItIsNamed() {
        BedRefCache cache = new BedRefCache(BedRefCache.PER_CONNECTION);
        BedRef first = cache.get("ICU-A", "BED01");
        assertSame(first, cache.get(new String("ICU-A"), new String("BED01")));
        String topic = "icu/ICU-A/BED01/MON-1/obs";
        assertSame(first, cache.get(topic, 4, 9, 10, 15));
        assertEquals(new BedRef("ICU-A", "BED01"), first);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, BedRefCache.PER_CONNECTION})
    void shouldNeverReturnAnotherBedWhenSlotsCollide(int slots) {
        BedRefCache cache = new BedRefCache(slots);
        // Far more beds than slots: entries are replaced, but every answer names the bed asked for.
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 20_000; i++) {
                String unit = "U" + (i % 7);
                String bed = "B" + i;
                assertEquals(new BedRef(unit, bed), cache.get(unit, bed));
                String topic = "icu/" + unit + "/" + bed + "/DEV/obs";
                int bedFrom = 5 + unit.length();
                BedRef viaTopic = cache.get(topic, 4, 4 + unit.length(), bedFrom, bedFrom + bed.length());
                assertEquals(unit, viaTopic.unit());
                assertEquals(bed, viaTopic.bed());
            }
        }
    }
}
