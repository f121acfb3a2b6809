package dev.crmkit.examples.cli.metrics;

import dev.crmkit.examples.cli.CrmCommand;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Locale;

/**
 * Where a command's time goes, for measuring it: with the environment variable {@value #VARIABLE} set in the command
 * line's environment ({@link CrmCommand#environment}), each {@link #end(String)} prints one line on standard error
 * with the phase's wall-clock and whole-process CPU time (all threads, the JIT compiler and the collector included)
 * since the previous one, the first phase being the start-up from the JVM's start to the command's call (meaningful
 * for the first command of a process only). The CPU time is -1 where the JVM does not report it (no
 * {@code com.sun.management.OperatingSystemMXBean}). Without the variable it does nothing and loads nothing.
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

    /**
     * The report of the command of {@code spec}: printing on its standard error when {@value #VARIABLE} is set in its
     * command line's environment, else {@code null} (doing nothing).
     */
    static Phases of(CommandSpec spec) {
        return CrmCommand.environment(spec).get(VARIABLE) == null ? null : new Phases(spec.commandLine().getErr());
    }

    /** Ends a phase of a report that may be {@code null} (off). */
    static void end(Phases phases, String phase) {
        if (phases != null) {
            phases.end(phase);
        }
    }

    private void end(String phase) {
        long wall = System.currentTimeMillis();
        long cpu = processCpuNanos(ManagementFactory.getOperatingSystemMXBean());
        err.printf(Locale.ROOT, "crm phase %-10s wall %6d ms  cpu %6d ms  heap used %5d MiB%n", phase,
                wall - wallMillis, cpu < 0 || cpuNanos < 0 ? -1 : (cpu - cpuNanos) / 1_000_000,
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
        err.flush();
        wallMillis = wall;
        cpuNanos = cpu;
    }

    /**
     * The CPU time of the whole process in nanoseconds, or -1 when the bean does not give it (not the
     * {@code com.sun.management} one, no {@code jdk.management} module, or not supported on this platform).
     */
    static long processCpuNanos(OperatingSystemMXBean bean) {
        try {
            if (bean instanceof com.sun.management.OperatingSystemMXBean sun) {
                return sun.getProcessCpuTime();
            }
        } catch (LinkageError noJdkManagement) {
            // the jdk.management module is not in this runtime: no CPU time, as with another bean
        }
        return -1;
    }
}
