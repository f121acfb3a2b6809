package dev.crmkit.examples.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.util.Locale;
import java.util.Set;

/** Checks region options: an ISO 3166 two-letter code such as {@code DE}. */
final class Regions {

    private static final Set<String> KNOWN = Set.of(Locale.getISOCountries());

    private Regions() {
    }

    /**
     * The region in upper case.
     *
     * @throws ParameterException naming the option if it is not an ISO 3166 two-letter code
     */
    static String require(CommandSpec spec, String option, String value) {
        String code = value.strip().toUpperCase(Locale.ROOT);
        if (!KNOWN.contains(code)) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': '" + value
                    + "' is not an ISO 3166 two-letter region such as DE, AT or US");
        }
        return code;
    }
}
