package org.infusionwatch.gateway.hl7.fast;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.infusionwatch.gateway.hl7.AckHeader;
import org.infusionwatch.gateway.hl7.Hl7Decoded;
import org.infusionwatch.gateway.hl7.PcdMessageDecoder;
import org.junit.jupiter.api.Test;

/** The AA acknowledgement written without HAPI, against the one the HAPI path writes. */
class FastAckWriterTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00.045Z");
    private static final String MESSAGE = "MSH|^~\\&|^EfficiaCM|FAC||REC^X|20140510124500||ORU^R40^ORU_R40|ID-1|D|2.4\r"
            + "OBX|1|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC|1|97\r";

    @Test
    void shouldWriteTheBytesHapiWritesApartFromTheControlId() {
        for (String application : List.of("INFUSIONWATCH", "IW|GW^A&B~C\\D", "Überwachung")) {
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            Hl7Decoded hapi = new PcdMessageDecoder(clock, application).decode(bytes(MESSAGE));
            byte[] fast = new FastAckWriter(clock, application).accept(hapi.header(), hapi.controlId());

            assertThat(DecoderPair.withoutControlId(fast)).as(application)
                    .isEqualTo(DecoderPair.withoutControlId(hapi.ack()));
        }
    }

    @Test
    void shouldLeaveOutAnEmptyMsa2AsHapiDoes() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        AckHeader header = new AckHeader(List.of("DEV"), List.of(), List.of(), "R01", "P", "2.6",
                StandardCharsets.UTF_8);

        String ack = new String(new FastAckWriter(clock, "IW").accept(header, ""), StandardCharsets.US_ASCII);

        assertThat(ack).startsWith("MSH|^~\\&|IW||DEV||20261122120000.045+0000||ACK^R01^ACK|IW").endsWith("|P|2.6\rMSA|AA\r");
    }

    @Test
    void shouldNumberAcksInBase36LikeTheHapiPath() {
        FastAckWriter writer = new FastAckWriter(Clock.fixed(NOW, ZoneOffset.UTC), "IW");
        AckHeader header = AckHeader.UNKNOWN;
        String prefix = "IW" + Long.toString(NOW.toEpochMilli(), 36);
        Set<String> ids = new HashSet<>();
        for (long n = 0; n < 50_000; n++) {
            String id = msh10(writer.accept(header, "X"));
            assertThat(id).startsWith(prefix).hasSizeLessThanOrEqualTo(20);
            // After the prefix comes the writer's 4-character instance tag, then the sequence.
            assertThat(id.substring(prefix.length() + 4)).isEqualTo(Long.toString(n, 36));
            ids.add(id);
        }
        assertThat(ids).hasSize(50_000);
    }

    private static String msh10(byte[] ack) {
        return new String(ack, StandardCharsets.US_ASCII).split("\r")[0].split("\\|", -1)[9];
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
