package org.infusionwatch.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.infusionwatch.gateway.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A coordinator's protocol file with a bad field is refused by the commands that take one, with a
 * message naming the file and the field (no stack trace), before anything is written or started.
 */
class BadProtocolFileTest {

    @TempDir
    Path dir;

    private Path siteFile() throws IOException {
        String stroma;
        try (InputStream in = BadProtocolFileTest.class.getResourceAsStream("/protocols/STROMA.properties")) {
            stroma = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path file = dir.resolve("site.properties");
        Files.writeString(file, stroma.replace("hypoxemia.combine=AND", "hypoxemia.combine=MAYBE"));
        return file;
    }

    @Test
    void shouldRefuseTheReplayNamingTheFieldAndWriteNoEventLog() throws Exception {
        Path file = siteFile();
        Path input = Files.writeString(dir.resolve("empty.hl7"), "");
        Path out = dir.resolve("replay");

        CliRun run = CliRun.of("replay", "--input", input.toString(), "--protocol", file.toString(),
                "--data-dir", out.toString());

        assertThat(run.exitCode()).isEqualTo(Main.REFUSED);
        assertThat(run.err()).isEqualToIgnoringNewLines("refused: protocol file " + file
                + ": field 'hypoxemia.combine' is 'MAYBE', expected AND or OR");
        assertThat(out.resolve("eventlog.db")).doesNotExist();
    }

    @Test
    void shouldRefuseToStartTheGatewayNamingTheField() throws Exception {
        Path file = siteFile();

        CliRun run = CliRun.of("run", "--protocol", file.toString(), "--data-dir", dir.resolve("data").toString(),
                "--mqtt", "tcp://127.0.0.1:1", "--mllp-port", "0");

        assertThat(run.exitCode()).isEqualTo(Main.REFUSED);
        assertThat(run.err()).contains("field 'hypoxemia.combine'").doesNotContain("\tat ");
        assertThat(dir.resolve("data").resolve("journal.db")).doesNotExist();
    }

    @Test
    void shouldRefuseAProfileNameThatIsNeitherBuiltInNorAFile() {
        CliRun run = CliRun.of("replay", "--input", dir.resolve("none.hl7").toString(), "--protocol", "STROMA2",
                "--data-dir", dir.resolve("replay").toString());

        assertThat(run.exitCode()).isEqualTo(Main.REFUSED);
        assertThat(run.err()).contains("no built-in protocol profile named STROMA2", "built-in: STROMA, START, LANZONI");
    }
}
