package dev.crmkit.examples.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * {@code crm bench}: the benchmarks, {@code crm bench capture} (in memory), {@code crm bench jdbc},
 * {@code crm bench metrics} (order-history metrics and BG/NBD fits), {@code crm bench pushdown} (funnel counts in
 * the database next to loading the rows into Java), {@code crm bench pipeline} (stage moves through five rules per
 * stage next to stage updates without rules) and {@code crm bench scoring} (batch rescoring next to reading its
 * inputs, round-robin assignment next to plain owner writes); {@code crm bench clv} (CLV from the orders CSV to the
 * fitted models).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure crmkit.",
        subcommands = {BenchCaptureCommand.class, BenchJdbcCommand.class, BenchMetricsCommand.class,
                BenchPushdownCommand.class, BenchPipelineCommand.class, BenchScoringCommand.class,
                BenchClvCommand.class})
final class BenchCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a benchmark is required: capture, jdbc, metrics, pushdown, "
                + "pipeline, scoring or clv");
    }

    /**
     * Reports that a benchmark ran out of memory: one line on standard error naming how much input it had, the heap,
     * and the two ways out (more heap, less input).
     *
     * @param count  how much of its input the benchmark had
     * @param what   what that input is, in the plural ("leads")
     * @param option the option that sets the amount ("--leads")
     * @return the exit status of the failure, 1
     */
    static int outOfMemory(CommandSpec spec, long count, String what, String option) {
        CrmCommand.printError(spec.commandLine().getErr(), "out of memory with " + Reports.count(count) + " " + what
                + " (max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB); give it more, for example "
                + "JAVA_OPTS=-Xmx8g ./crm bench " + spec.name() + ", or pass fewer " + option);
        return 1;
    }

    /** Where a benchmark reports its phases: one line each on standard error. */
    static Consumer<String> progress(CommandSpec spec) {
        PrintWriter err = spec.commandLine().getErr();
        return phase -> {
            err.println("crm bench: " + phase + " ...");
            err.flush();
        };
    }
}
