package org.infusionwatch.gateway.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.infusionwatch.gateway.cli.Main;
import picocli.CommandLine;

/** Runs a gateway command in-process, as {@code Main} does, and keeps what it printed. */
public record CliRun(int exitCode, String out, String err) {

    public static synchronized CliRun of(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        StringWriter errors = new StringWriter();
        try (PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            CommandLine cli = Main.commandLine();
            cli.setErr(new PrintWriter(errors, true));
            int code = cli.execute(args);
            return new CliRun(code, buffer.toString(StandardCharsets.UTF_8), errors.toString());
        } finally {
            System.setOut(original);
        }
    }
}
