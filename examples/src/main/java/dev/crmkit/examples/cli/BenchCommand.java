package dev.crmkit.examples.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code crm bench}: the benchmarks, {@code crm bench capture} (in memory) and {@code crm bench jdbc}. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure crmkit.",
        subcommands = {BenchCaptureCommand.class, BenchJdbcCommand.class})
final class BenchCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a benchmark is required: capture or jdbc");
    }
}
