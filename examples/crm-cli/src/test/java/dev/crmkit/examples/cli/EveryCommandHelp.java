package dev.crmkit.examples.cli;

import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code --help} of every {@code crm} command and subcommand in a JVM of its own, whose standard error is
 * captured before picocli is loaded: picocli's tracer prints its warnings ({@code [picocli WARN]}) to the standard
 * error it found when it started. Prints one line per command: {@code OK path} or {@code BAD path: why}, and each
 * captured warning line as it is.
 */
public final class EveryCommandHelp {

    private EveryCommandHelp() {
    }

    /** Checks the help of every command; see the class comment. */
    public static void main(String[] args) {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        List<List<String>> paths = new ArrayList<>();
        collect(CrmCommand.commandLine(Map.of()), new ArrayList<>(), paths);
        for (List<String> path : paths) {
            List<String> arguments = new ArrayList<>(path);
            arguments.add("--help");
            CommandLine commandLine = CrmCommand.commandLine(Map.of());
            StringWriter help = new StringWriter();
            StringWriter err = new StringWriter();
            commandLine.setOut(new PrintWriter(help, true));
            commandLine.setErr(new PrintWriter(err, true));
            int exit = commandLine.execute(arguments.toArray(String[]::new));
            String name = String.join(" ", path);
            if (exit != 0 || !help.toString().contains("Exit status:") || !err.toString().isEmpty()) {
                out.println("BAD crm " + name + ": exit " + exit + ", " + err.toString().strip());
            } else {
                out.println("OK crm " + name);
            }
        }
        System.err.flush();
        captured.toString(StandardCharsets.UTF_8).lines().forEach(out::println);
        out.flush();
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
        paths.add(List.copyOf(path));
        command.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                List<String> longer = new ArrayList<>(path);
                longer.add(name);
                collect(sub, longer, paths);
            }
        });
    }
}
