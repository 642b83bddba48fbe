package org.infusionwatch.gateway.cli;

import org.infusionwatch.agent.protocol.ProtocolFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The gateway process's one entry point: {@code java -jar infusionwatch-gateway.jar COMMAND}.
 * Each command is a class of its own.
 */
@Command(name = "infusionwatch-gateway",
        mixinStandardHelpOptions = true,
        version = "InfusionWatch gateway 0.1.0",
        description = "Bedside infusion-monitoring agent: reads ICU device streams (HL7 over MLLP, MQTT) and flags "
                + "pre-specified events within each study infusion's window.",
        subcommands = {DemoCommand.class, RunCommand.class, ReplayCommand.class,
                EventsCommand.class, ReportCommand.class, VerifyCommand.class, UsersCommand.class})
public final class Main {

    /** Exit code of a command refused because of its input (a bad protocol file), not a fault. */
    public static final int REFUSED = 2;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with every command, as {@link #main} runs it (tests run it in-process). */
    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ProtocolFileException) {
                // The coordinator's file is wrong: the message names the field; a stack trace would bury it.
                cmd.getErr().println("refused: " + e.getMessage());
                return REFUSED;
            }
            throw e;
        });
    }
}
