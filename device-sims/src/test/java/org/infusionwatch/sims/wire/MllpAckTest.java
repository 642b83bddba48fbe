package org.infusionwatch.sims.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MllpAckTest {

    @Test
    void shouldReadCodeControlIdAndText() {
        MllpAck ack = MllpAck.parse("MSH|^~\\&|INFUSIONWATCH|GW|X|Y|20261122101500+0000||ACK^R01^ACK|9|P|2.6\r"
                + "MSA|AE|VENT-BED01-000042|not a number\rERR||OBX^3^5\r");

        assertThat(ack).isEqualTo(new MllpAck("AE", "VENT-BED01-000042", "not a number"));
        assertThat(ack.accepted()).isFalse();
    }

    @Test
    void shouldAcceptAnAaWithoutText() {
        MllpAck ack = MllpAck.parse("MSH|^~\\&|GW\rMSA|AA|ID-1\r");

        assertThat(ack.accepted()).isTrue();
        assertThat(ack.text()).isEmpty();
    }

    @Test
    void shouldRefuseAMessageWithoutMsa() {
        assertThatThrownBy(() -> MllpAck.parse("MSH|^~\\&|GW\r")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MSA");
    }

    @Test
    void shouldFindTheMsaAfterLineFeedsWithTheMessagesOwnSeparator() {
        MllpAck ack = MllpAck.parse("MSH#^~\\&#GW\r\nMSA#AR#ID-7\nERR\n");

        assertThat(ack).isEqualTo(new MllpAck("AR", "ID-7", ""));
    }

    @Test
    void shouldRefuseAnMsaWithoutCode() {
        assertThatThrownBy(() -> MllpAck.parse("MSH|^~\\&|GW\rMSA||ID-1\r")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MSA-1");
    }
}
