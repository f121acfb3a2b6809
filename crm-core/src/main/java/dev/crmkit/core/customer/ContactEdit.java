package dev.crmkit.core.customer;

import dev.crmkit.core.kernel.Checks;
import dev.crmkit.core.kernel.SelfChecking;
import dev.crmkit.core.kernel.StoreLimits;
import dev.crmkit.core.kernel.Violation;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The command to edit the fields of a contact the duplicate rules look at, validated at the edge: a new name, and
 * e-mails and phones to add (as typed; added after the contact's own, the first of each becoming primary only when the
 * contact has none). A part left empty keeps the contact's value.
 *
 * @param firstName     the new given name, if it changes
 * @param lastName      the new family name, if it changes
 * @param addEmails     e-mail addresses to add, as typed
 * @param addPhones     phone numbers to add, as typed
 * @param defaultRegion region for national phone numbers; empty uses the configured one
 */
public record ContactEdit(@NotNull Optional<@Size(max = 200) String> firstName,
                          @NotNull Optional<@Size(max = 200) String> lastName,
                          @NotNull @Size(max = 20) List<@NotNull @Size(max = 320) String> addEmails,
                          @NotNull @Size(max = 20) List<@NotNull @Size(max = 50) String> addPhones,
                          @NotNull String defaultRegion) implements SelfChecking, StoreLimits.Bounded {

    /** Renames the contact. */
    public static ContactEdit rename(String firstName, String lastName) {
        return new ContactEdit(Optional.of(Objects.requireNonNull(firstName, "firstName")),
                Optional.of(Objects.requireNonNull(lastName, "lastName")), List.of(), List.of(), "");
    }

    /** Adds one e-mail address. */
    public static ContactEdit addEmail(String email) {
        return new ContactEdit(Optional.empty(), Optional.empty(), List.of(email), List.of(), "");
    }

    /** Adds one phone number. */
    public static ContactEdit addPhone(String phone) {
        return new ContactEdit(Optional.empty(), Optional.empty(), List.of(), List.of(phone), "");
    }

    /** The same edit, also adding an e-mail address. */
    public ContactEdit andEmail(String email) {
        List<String> next = new ArrayList<>(addEmails);
        next.add(email);
        return new ContactEdit(firstName, lastName, next, addPhones, defaultRegion);
    }

    /** The same edit, also adding a phone number. */
    public ContactEdit andPhone(String phone) {
        List<String> next = new ArrayList<>(addPhones);
        next.add(phone);
        return new ContactEdit(firstName, lastName, addEmails, next, defaultRegion);
    }

    /** The store limits ({@link StoreLimits}) of the names. */
    @Override
    public List<Violation> storeLimitViolations() {
        return ChangedText.storeLimits(names());
    }

    @Override
    public List<Violation> violations() {
        Checks c = Checks.of();
        ChangedText.check(c, names());
        c.notNull("addEmails", addEmails).maxSize("addEmails", addEmails, 20);
        c.eachElement("addEmails", addEmails, (f, v) -> c.notNull(f, v).maxLength(f, v, 320));
        c.notNull("addPhones", addPhones).maxSize("addPhones", addPhones, 20);
        c.eachElement("addPhones", addPhones, (f, v) -> c.notNull(f, v).maxLength(f, v, 50));
        c.notNull("defaultRegion", defaultRegion);
        return c.violations();
    }

    private ChangedText[] names() {
        return new ChangedText[] {new ChangedText("firstName", firstName, StoreLimits.SHORT_TEXT),
                new ChangedText("lastName", lastName, StoreLimits.SHORT_TEXT)};
    }
}
