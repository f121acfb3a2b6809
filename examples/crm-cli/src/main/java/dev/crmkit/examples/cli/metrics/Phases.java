package dev.crmkit.examples.cli.metrics;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Where a command's time goes, for measuring it: with the environment variable {@value #VARIABLE} set, each
 * {@link #end(String)} prints one line on standard error with the phase's wall-clock and whole-process CPU time (all
 * threads, the JIT compiler and the collector included) since the previous one, the first phase being the start-up
 * from the JVM's start to the command's call. Without the variable it does nothing and loads nothing.
 */
final class Phases {

    /** The environment variable that turns the report on. */
    static final String VARIABLE = "CRM_PHASES";

    private final PrintWriter err;
    private long wallMillis;
    private long cpuNanos;

    private Phases(PrintWriter err) {
        this.err = err;
        this.wallMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
        this.cpuNanos = 0;
    }

    /** The report of this process: printing on {@code err} when {@value #VARIABLE} is set, else doing nothing. */
    static Phases of(PrintWriter err) {
        return System.getenv(VARIABLE) == null ? null : new Phases(err);
    }

    /** Ends a phase of a report that may be {@code null} (off). */
    static void end(Phases phases, String phase) {
        if (phases != null) {
            phases.end(phase);
        }
    }

    private void end(String phase) {
        long wall = System.currentTimeMillis();
        long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        err.printf(Locale.ROOT, "crm phase %-10s wall %6d ms  cpu %6d ms  heap used %5d MiB%n", phase,
                wall - wallMillis, (cpu - cpuNanos) / 1_000_000,
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
        err.flush();
        wallMillis = wall;
        cpuNanos = cpu;
    }
}
