package org.infusionwatch.gateway;

import java.nio.file.Path;
import org.infusionwatch.gateway.testing.MosquittoBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The same end-to-end scenario against a real Mosquitto broker from Debian. */
class MosquittoEndToEndTest extends HypoxemiaEndToEndTest {
    @TempDir
    static Path brokerDir;
    private static MosquittoBroker mosquitto;

    @BeforeAll
    static void startMosquitto() {
        mosquitto = MosquittoBroker.start(brokerDir);
    }

    @AfterAll
    static void stopMosquitto() {
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    @Override
    String mqtt() {
        return mosquitto.serverUri();
    }
}
