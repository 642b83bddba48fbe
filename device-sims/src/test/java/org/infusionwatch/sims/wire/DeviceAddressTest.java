package org.infusionwatch.sims.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.infusionwatch.sims.model.DeviceKind;
import org.infusionwatch.sims.model.DeviceSample;
import org.junit.jupiter.api.Test;

class DeviceAddressTest {

    @Test
    void shouldGiveEachDeviceOfTheUnitItsOwnEui64() {
        assertThat(DeviceAddress.of("ICU-A", "BED01", 1, DeviceKind.VENTILATOR).eui64()).isEqualTo("0012ABCD00000101");
        assertThat(DeviceAddress.of("ICU-A", "BED2748", 0xABC, DeviceKind.PUMP).eui64()).isEqualTo("0012ABCD000ABC03");
        assertThat(DeviceAddress.of("ICU-A", "X", 0xFFFFFF, DeviceKind.MONITOR).eui64()).isEqualTo("0012ABCDFFFFFF02");
    }

    @Test
    void shouldRefuseAnEui64ThatIsNotSixteenUpperCaseHexDigits() {
        for (String bad : List.of("0012abcd00000101", "0012ABCD0000010", "0012ABCD000001011", "0012ABCD0000010G")) {
            assertThatThrownBy(() -> new DeviceAddress("ICU-A", "BED01", "VENT-BED01", DeviceKind.VENTILATOR, bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eui64");
        }
    }

    @Test
    void shouldPadTheSequenceOfAMessageIdToSixDigitsAndNoFurther() {
        assertThat(sample(7).messageId()).isEqualTo("VENT-BED01-000007");
        assertThat(sample(123_456).messageId()).isEqualTo("VENT-BED01-123456");
        assertThat(sample(1_234_567).messageId()).isEqualTo("VENT-BED01-1234567");
    }

    private static DeviceSample sample(long sequence) {
        return new DeviceSample("VENT-BED01", DeviceKind.VENTILATOR, sequence, WireSamples.T_1015, List.of(), Optional.empty());
    }
}
