package dev.crmkit.examples.cli.duplicates;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code crm duplicates}: finds records of one person typed differently. */
@Command(name = "duplicates", mixinStandardHelpOptions = true,
        description = "Fuzzy duplicate detection: scan a contacts CSV file or the store; merge the store's clusters.",
        subcommands = {ScanCommand.class, MergeClustersCommand.class, CommandLine.HelpCommand.class})
public final class DuplicatesCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: scan or merge");
    }
}
