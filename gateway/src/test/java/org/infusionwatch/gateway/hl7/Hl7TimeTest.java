package org.infusionwatch.gateway.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Hl7TimeTest {

    @ParameterizedTest
    @CsvSource({
        "20261122101500+0000,      2026-11-22T10:15:00Z",
        "20261122101500,           2026-11-22T10:15:00Z",
        "20151015132107-0500,      2015-10-15T18:21:07Z",
        "20260726231332.1106+0800, 2026-07-26T15:13:32.110Z",
        "20210425230332.872-0400,  2021-04-26T03:03:32.872Z",
        "20080101123456- 0600,     2008-01-01T18:34:56Z",
        "202611221015,             2026-11-22T10:15:00Z",
        "20261122,                 2026-11-22T00:00:00Z",
        "2026,                     2026-01-01T00:00:00Z",
        "20261122101500+05,        2026-11-22T05:15:00Z"
    })
    void shouldReadHl7DtmWithOptionalPrecisionAndOffset(String dtm, String expected) {
        assertThat(Hl7Time.toEpochMs(dtm)).isEqualTo(Instant.parse(expected).toEpochMilli());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-22", "20261322101500", "2026112210150", "abc", "20261122101500+2500",
        "20261122101500Z"})
    void shouldRejectWhatIsNotAnHl7Dtm(String dtm) {
        assertThatThrownBy(() -> Hl7Time.toEpochMs(dtm)).isInstanceOf(IllegalArgumentException.class);
    }
}
