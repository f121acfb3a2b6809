package dev.crmkit.core.customer;

import dev.crmkit.core.kernel.Checks;
import dev.crmkit.core.kernel.SelfChecking;
import dev.crmkit.core.kernel.StoreLimits;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.Violation;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command to create a contact by hand, validated at the edge. E-mails and phones are given as typed; the first
 * of each becomes the primary one.
 *
 * @param firstName     given name
 * @param lastName      family name
 * @param emails        e-mail addresses as typed
 * @param phones        phone numbers as typed
 * @param defaultRegion region for national phone numbers; empty uses the configured one
 * @param owner         the responsible user, if any
 * @param customFields  custom values as text, by field key
 */
public record NewContact(@NotNull @Size(max = 200) String firstName,
                         @NotNull @Size(max = 200) String lastName,
                         @NotNull @Size(max = 20) List<@NotNull @Size(max = 320) String> emails,
                         @NotNull @Size(max = 20) List<@NotNull @Size(max = 50) String> phones,
                         @NotNull String defaultRegion,
                         @NotNull Optional<UserId> owner,
                         @NotNull Map<String, @NotNull String> customFields) implements SelfChecking, StoreLimits.Bounded {

    /** The store limits ({@link StoreLimits}): names and custom values, the owner's id. */
    @Override
    public List<Violation> storeLimitViolations() {
        List<Violation> out = new ArrayList<>();
        out.addAll(StoreLimits.text("firstName", firstName, StoreLimits.SHORT_TEXT));
        out.addAll(StoreLimits.text("lastName", lastName, StoreLimits.SHORT_TEXT));
        out.addAll(StoreLimits.user("owner", owner));
        out.addAll(StoreLimits.customValues(customFields));
        return out;
    }

    /** A contact with a name and one e-mail. */
    public static NewContact of(String firstName, String lastName, String email) {
        return new NewContact(firstName, lastName, List.of(email), List.of(), "", Optional.empty(), Map.of());
    }

    @Override
    public List<Violation> violations() {
        Checks c = Checks.of();
        c.notNull("firstName", firstName).maxLength("firstName", firstName, 200);
        c.notNull("lastName", lastName).maxLength("lastName", lastName, 200);
        c.notNull("emails", emails).maxSize("emails", emails, 20);
        c.eachElement("emails", emails, (f, v) -> c.notNull(f, v).maxLength(f, v, 320));
        c.notNull("phones", phones).maxSize("phones", phones, 20);
        c.eachElement("phones", phones, (f, v) -> c.notNull(f, v).maxLength(f, v, 50));
        c.notNull("defaultRegion", defaultRegion).notNull("owner", owner).notNull("customFields", customFields);
        c.eachValue("customFields", customFields, c::notNull);
        return c.violations();
    }
}
