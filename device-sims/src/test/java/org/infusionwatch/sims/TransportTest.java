package org.infusionwatch.sims;

import static org.assertj.core.api.Assertions.assertThat;

import org.infusionwatch.sims.model.DeviceKind;
import org.junit.jupiter.api.Test;

class TransportTest {

    @Test
    void shouldSendEverythingOverMllpWithoutMqtt() {
        for (DeviceKind kind : DeviceKind.values()) {
            assertThat(Transport.route(3, kind, true, false)).isEqualTo(Transport.MLLP);
        }
    }

    @Test
    void shouldSendMonitorOverMqttAndVentilatorAndPumpOverMllpWithBoth() {
        assertThat(Transport.route(0, DeviceKind.MONITOR, true, true)).isEqualTo(Transport.MQTT);
        assertThat(Transport.route(0, DeviceKind.VENTILATOR, true, true)).isEqualTo(Transport.MLLP);
        assertThat(Transport.route(2, DeviceKind.PUMP, true, true)).isEqualTo(Transport.MLLP);
    }

    @Test
    void shouldSendEverythingOfTheFourthBedOverMqtt() {
        for (DeviceKind kind : DeviceKind.values()) {
            assertThat(Transport.route(3, kind, true, true)).isEqualTo(Transport.MQTT);
        }
        assertThat(Transport.route(4, DeviceKind.PUMP, true, true)).isEqualTo(Transport.MLLP);
    }

    @Test
    void shouldSendEverythingOverMqttWithoutMllp() {
        assertThat(Transport.route(0, DeviceKind.VENTILATOR, false, true)).isEqualTo(Transport.MQTT);
    }
}
