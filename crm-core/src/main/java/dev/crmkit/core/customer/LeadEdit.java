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
 * The command to edit the data a lead was submitted with (the fields the duplicate rules for leads look at),
 * validated at the edge ({@link LeadEditing#edit}). A part left empty keeps the lead's value; an empty e-mail or phone
 * text removes it (a lead keeps at least one of them).
 *
 * @param firstName     the new given name, if it changes
 * @param lastName      the new family name, if it changes
 * @param email         the new e-mail address as typed, if it changes (an empty text removes it)
 * @param phone         the new phone number as typed, if it changes (an empty text removes it)
 * @param companyName   the new company name as typed, if it changes (an empty text clears it)
 * @param defaultRegion region for a national phone number; empty uses the configured one
 */
public record LeadEdit(@NotNull Optional<@Size(max = 200) String> firstName,
                       @NotNull Optional<@Size(max = 200) String> lastName,
                       @NotNull Optional<@Size(max = 320) String> email,
                       @NotNull Optional<@Size(max = 50) String> phone,
                       @NotNull Optional<@Size(max = 200) String> companyName,
                       @NotNull String defaultRegion) implements SelfChecking, StoreLimits.Bounded {

    /** An edit that changes nothing, to build on with the {@code and...} methods. */
    public static LeadEdit nothing() {
        return new LeadEdit(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                "");
    }

    /** Renames the lead. */
    public static LeadEdit rename(String firstName, String lastName) {
        return nothing().andName(firstName, lastName);
    }

    /** The same edit, also renaming the lead. */
    public LeadEdit andName(String newFirst, String newLast) {
        return new LeadEdit(Optional.of(Objects.requireNonNull(newFirst, "firstName")),
                Optional.of(Objects.requireNonNull(newLast, "lastName")), email, phone, companyName, defaultRegion);
    }

    /** The same edit, also setting (or, with an empty text, removing) the e-mail. */
    public LeadEdit andEmail(String newEmail) {
        return new LeadEdit(firstName, lastName, Optional.of(Objects.requireNonNull(newEmail, "email")), phone,
                companyName, defaultRegion);
    }

    /** The same edit, also setting (or, with an empty text, removing) the phone. */
    public LeadEdit andPhone(String newPhone) {
        return new LeadEdit(firstName, lastName, email, Optional.of(Objects.requireNonNull(newPhone, "phone")),
                companyName, defaultRegion);
    }

    /** The same edit, also setting (or, with an empty text, clearing) the company name. */
    public LeadEdit andCompanyName(String newCompanyName) {
        return new LeadEdit(firstName, lastName, email, phone,
                Optional.of(Objects.requireNonNull(newCompanyName, "companyName")), defaultRegion);
    }

    /** Whether the edit names no field. */
    public boolean isEmpty() {
        return firstName.isEmpty() && lastName.isEmpty() && email.isEmpty() && phone.isEmpty()
                && companyName.isEmpty();
    }

    /** The store limits ({@link StoreLimits}) of the texts. */
    @Override
    public List<Violation> storeLimitViolations() {
        return ChangedText.storeLimits(new ChangedText("firstName", firstName, StoreLimits.SHORT_TEXT),
                new ChangedText("lastName", lastName, StoreLimits.SHORT_TEXT),
                new ChangedText("companyName", companyName, StoreLimits.SHORT_TEXT));
    }

    @Override
    public List<Violation> violations() {
        Checks c = Checks.of();
        ChangedText[] texts = {new ChangedText("firstName", firstName, StoreLimits.SHORT_TEXT),
                new ChangedText("lastName", lastName, StoreLimits.SHORT_TEXT),
                new ChangedText("email", email, 320), new ChangedText("phone", phone, 50),
                new ChangedText("companyName", companyName, StoreLimits.SHORT_TEXT)};
        ChangedText.notNull(c, texts);
        c.notNull("defaultRegion", defaultRegion);
        ChangedText.maxLengths(c, texts);
        return c.violations();
    }
}
