package dev.crmkit.examples.cli;

import dev.crmkit.core.merge.SurvivorRule;
import picocli.CommandLine;

/**
 * Reads a survivor rule as written on the command line: {@code most-complete}, {@code oldest} or
 * {@code most-recent-activity}.
 */
public final class SurvivorRuleConverter implements CommandLine.ITypeConverter<SurvivorRule> {

    @Override
    public SurvivorRule convert(String value) {
        for (SurvivorRule r : SurvivorRule.values()) {
            if (r.name().replace('_', '-').equalsIgnoreCase(value.strip())) {
                return r;
            }
        }
        throw new CommandLine.TypeConversionException("'" + value
                + "' is not a rule: most-complete, oldest or most-recent-activity");
    }
}
