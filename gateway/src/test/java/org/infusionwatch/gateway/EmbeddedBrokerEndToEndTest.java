package org.infusionwatch.gateway;

/** The end-to-end scenario on the gateway's embedded HiveMQ broker. */
class EmbeddedBrokerEndToEndTest extends HypoxemiaEndToEndTest {
    @Override
    String mqtt() {
        return GatewaySettings.EMBEDDED;
    }
}
