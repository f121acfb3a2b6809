package dev.crmkit.examples.cli.metrics;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code crm clv}: probabilistic customer lifetime value (BG/NBD and Gamma-Gamma) from an orders file. */
@Command(name = "clv", mixinStandardHelpOptions = true,
        description = {"Probabilistic customer lifetime value from an orders file: BG/NBD for how often customers "
                + "buy and whether they are still alive, Gamma-Gamma for how much they spend.",
                "Orders after --observation-end are ignored; orders of one customer on one day count as one purchase "
                        + "(amounts added)."},
        subcommands = {ClvFitCommand.class, ClvPredictCommand.class, CommandLine.HelpCommand.class})
public final class ClvCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required: fit or predict");
    }
}
