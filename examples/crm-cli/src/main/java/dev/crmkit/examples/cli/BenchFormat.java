package dev.crmkit.examples.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The {@code --format} option every {@code crm bench} command shares, and the printing it selects: lines for people,
 * or one JSON object on standard output for scripts.
 */
final class BenchFormat {

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json: one JSON object on standard output.")
    private OutputFormat format;

    /**
     * Prints a benchmark's result on the command's standard output: the object {@code json} makes with
     * {@code --format json}, else the lines {@code text} writes.
     */
    void print(CommandSpec spec, Supplier<Map<String, Object>> json, Consumer<PrintWriter> text) {
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.JSON) {
            JsonOutput.print(out, json.get());
        } else {
            text.accept(out);
        }
    }
}
