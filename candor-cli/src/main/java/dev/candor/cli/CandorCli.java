package dev.candor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code candor}: the command line of the Candor forensics library. */
@Command(name = "candor", mixinStandardHelpOptions = true, version = "candor 0.1.0",
        description = "Candor evidence forensics.", subcommands = {ScanCommand.class, CommandLine.HelpCommand.class})
public final class CandorCli {

    public static void main(String[] args) {
        System.exit(new CommandLine(new CandorCli()).execute(args));
    }
}
