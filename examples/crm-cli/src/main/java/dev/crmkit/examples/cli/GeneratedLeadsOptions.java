package dev.crmkit.examples.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options of the benchmarks that capture generated submissions: repeats, bad ones and the seed. */
final class GeneratedLeadsOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--duplicate-share", paramLabel = "SHARE", defaultValue = "0.3",
            description = "Share of submissions repeating an earlier person, spelled differently "
                    + "(default: ${DEFAULT-VALUE}).")
    private double duplicateShare;

    @Option(names = "--invalid-share", paramLabel = "SHARE", defaultValue = "0.01",
            description = "Share of bad submissions (default: ${DEFAULT-VALUE}).")
    private double invalidShare;

    @Option(names = "--seed", defaultValue = "42",
            description = "Seed of the data and the ids (default: ${DEFAULT-VALUE}).")
    private long seed;

    /** Checks the shares against {@code leads} submissions, naming the option that is out of range. */
    void check(int leads) {
        if (leads < 1) {
            throw new ParameterException(spec.commandLine(), "--leads must be at least 1, got " + leads);
        }
        if (duplicateShare < 0 || duplicateShare >= 1) {
            throw new ParameterException(spec.commandLine(),
                    "--duplicate-share must be at least 0 and less than 1, got " + duplicateShare);
        }
        if (invalidShare < 0 || invalidShare + duplicateShare >= 1) {
            throw new ParameterException(spec.commandLine(),
                    "--invalid-share must be at least 0 and, with --duplicate-share, less than 1, got " + invalidShare);
        }
    }

    /** The warm-up size: the one given, else {@code fallback}; checked to lie between 0 and {@code leads}. */
    int warmup(Integer given, int fallback, int leads) {
        int warm = given != null ? given : fallback;
        if (warm < 0 || warm > leads) {
            throw new ParameterException(spec.commandLine(), "--warmup must be between 0 and --leads, got " + warm);
        }
        return warm;
    }

    double duplicateShare() {
        return duplicateShare;
    }

    double invalidShare() {
        return invalidShare;
    }

    long seed() {
        return seed;
    }
}
