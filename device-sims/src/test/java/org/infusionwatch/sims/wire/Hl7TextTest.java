package org.infusionwatch.sims.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Hl7TextTest {

    @Test
    void shouldEscapeEachDelimiter() {
        assertThat(Hl7Text.escape("a|b")).isEqualTo("a\\F\\b");
        assertThat(Hl7Text.escape("a^b")).isEqualTo("a\\S\\b");
        assertThat(Hl7Text.escape("a~b")).isEqualTo("a\\R\\b");
        assertThat(Hl7Text.escape("a\\b")).isEqualTo("a\\E\\b");
        assertThat(Hl7Text.escape("a&b")).isEqualTo("a\\T\\b");
        assertThat(Hl7Text.escape("plain text")).isEqualTo("plain text");
    }

    @Test
    void shouldNotLetALineBreakEndTheSegment() {
        assertThat(Hl7Text.escape("line1\rline2\n")).isEqualTo("line1 line2 ");
    }

    @Test
    void shouldWriteTimestampsInUtcWithOffsetToTheSecond() {
        assertThat(Hl7Text.timestamp(WireSamples.T_1015 + 999)).isEqualTo("20261122101500+0000");
    }
}
