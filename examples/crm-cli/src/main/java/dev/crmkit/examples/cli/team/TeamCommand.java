package dev.crmkit.examples.cli.team;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code crm team}: team performance; {@code crm team stats} is its one command so far. */
@Command(name = "team", mixinStandardHelpOptions = true,
        description = "Team performance: activity, call statistics and sales target attainment per person.",
        subcommands = TeamStatsCommand.class)
public final class TeamCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required: stats");
    }
}
