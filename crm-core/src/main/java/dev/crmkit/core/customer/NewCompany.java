package dev.crmkit.core.customer;

import dev.crmkit.core.company.CompanySize;
import dev.crmkit.core.kernel.Address;
import dev.crmkit.core.kernel.Checks;
import dev.crmkit.core.kernel.SelfChecking;
import dev.crmkit.core.kernel.StoreLimits;
import dev.crmkit.core.kernel.Violation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command to create a company by hand, validated at the edge.
 *
 * @param name               the name people use
 * @param legalName          the registered name
 * @param registrationNumber the trade-register number
 * @param taxNumber          the tax or VAT number
 * @param legalAddress       the registered address
 * @param webDomain          the web domain or site URL as typed, or empty
 * @param industry           the industry
 * @param size               the head-count band
 * @param customFields       custom values as text, by field key
 */
public record NewCompany(@NotBlank @Size(max = 200) String name,
                         @NotNull @Size(max = 200) String legalName,
                         @NotNull @Size(max = 200) String registrationNumber,
                         @NotNull @Size(max = 200) String taxNumber,
                         @NotNull Optional<Address> legalAddress,
                         @NotNull @Size(max = 300) String webDomain,
                         @NotNull @Size(max = 200) String industry,
                         @NotNull CompanySize size,
                         @NotNull Map<String, @NotNull String> customFields) implements SelfChecking, StoreLimits.Bounded {

    /** The store limits ({@link StoreLimits}) of the texts and custom values. */
    @Override
    public List<Violation> storeLimitViolations() {
        List<Violation> out = new ArrayList<>();
        out.addAll(StoreLimits.text("name", name, StoreLimits.SHORT_TEXT));
        out.addAll(StoreLimits.text("legalName", legalName, StoreLimits.SHORT_TEXT));
        out.addAll(StoreLimits.text("registrationNumber", registrationNumber, StoreLimits.SHORT_TEXT));
        out.addAll(StoreLimits.text("taxNumber", taxNumber, StoreLimits.SHORT_TEXT));
        out.addAll(StoreLimits.text("webDomain", webDomain, 300));
        out.addAll(StoreLimits.text("industry", industry, StoreLimits.SHORT_TEXT));
        out.addAll(StoreLimits.customValues(customFields));
        return out;
    }

    /** A company with a name and a web domain only. */
    public static NewCompany of(String name, String webDomain) {
        return new NewCompany(name, "", "", "", Optional.empty(), webDomain, "", CompanySize.UNKNOWN, Map.of());
    }

    @Override
    public List<Violation> violations() {
        Checks c = Checks.of();
        c.notBlank("name", name).maxLength("name", name, 200);
        c.notNull("legalName", legalName).maxLength("legalName", legalName, 200);
        c.notNull("registrationNumber", registrationNumber).maxLength("registrationNumber", registrationNumber, 200);
        c.notNull("taxNumber", taxNumber).maxLength("taxNumber", taxNumber, 200);
        c.notNull("legalAddress", legalAddress);
        c.notNull("webDomain", webDomain).maxLength("webDomain", webDomain, 300);
        c.notNull("industry", industry).maxLength("industry", industry, 200);
        c.notNull("size", size).notNull("customFields", customFields);
        c.eachValue("customFields", customFields, c::notNull);
        return c.violations();
    }
}
