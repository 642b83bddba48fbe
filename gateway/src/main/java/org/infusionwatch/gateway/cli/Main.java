package org.infusionwatch.gateway.cli;

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

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }
}
