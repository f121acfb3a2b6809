package dev.crmkit.core.customer;

import dev.crmkit.core.kernel.Checks;
import dev.crmkit.core.kernel.SelfChecking;
import dev.crmkit.core.kernel.StoreLimits;
import dev.crmkit.core.kernel.Violation;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The command to edit the fields of a company the duplicate rules look at, validated at the edge. A part left empty
 * keeps the company's value.
 *
 * @param name      the new name people use, if it changes (not blank)
 * @param legalName the new registered name, if it changes (an empty text clears it)
 * @param webDomain the new web domain or site URL as typed, if it changes (an empty text removes it)
 */
public record CompanyEdit(@NotNull Optional<@Size(max = 200) String> name,
                          @NotNull Optional<@Size(max = 200) String> legalName,
                          @NotNull Optional<@Size(max = 300) String> webDomain)
        implements SelfChecking, StoreLimits.Bounded {

    /** Renames the company. */
    public static CompanyEdit rename(String name) {
        return new CompanyEdit(Optional.of(Objects.requireNonNull(name, "name")), Optional.empty(), Optional.empty());
    }

    /** Sets the registered legal name. */
    public static CompanyEdit legalName(String legalName) {
        return new CompanyEdit(Optional.empty(), Optional.of(Objects.requireNonNull(legalName, "legalName")),
                Optional.empty());
    }

    /** Sets (or, with an empty text, removes) the web domain. */
    public static CompanyEdit webDomain(String webDomain) {
        return new CompanyEdit(Optional.empty(), Optional.empty(),
                Optional.of(Objects.requireNonNull(webDomain, "webDomain")));
    }

    /** The same edit, also setting the web domain. */
    public CompanyEdit andWebDomain(String newDomain) {
        return new CompanyEdit(name, legalName, Optional.of(Objects.requireNonNull(newDomain, "webDomain")));
    }

    /** The store limits ({@link StoreLimits}) of the texts. */
    @Override
    public List<Violation> storeLimitViolations() {
        return ChangedText.storeLimits(new ChangedText("name", name, StoreLimits.SHORT_TEXT),
                new ChangedText("legalName", legalName, StoreLimits.SHORT_TEXT),
                new ChangedText("webDomain", webDomain, 300));
    }

    @Override
    public List<Violation> violations() {
        Checks c = Checks.of();
        c.notNull("name", name).notNull("legalName", legalName).notNull("webDomain", webDomain);
        c.ifPresent("name", name, (f, v) -> c.notBlank(f, v).maxLength(f, v, 200));
        c.ifPresent("legalName", legalName, (f, v) -> c.maxLength(f, v, 200));
        c.ifPresent("webDomain", webDomain, (f, v) -> c.maxLength(f, v, 300));
        return c.violations();
    }
}
