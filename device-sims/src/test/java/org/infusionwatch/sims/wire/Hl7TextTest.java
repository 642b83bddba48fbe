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

    @Test
    void shouldPadEachPartOfTheTimestamp() {
        assertThat(Hl7Text.timestamp(java.time.Instant.parse("0987-01-02T03:04:05.678Z").toEpochMilli()))
                .isEqualTo("09870102030405+0000");
        assertThat(Hl7Text.timestamp(java.time.Instant.parse("1969-12-31T23:59:59.500Z").toEpochMilli()))
                .isEqualTo("19691231235959+0000");
    }
}
