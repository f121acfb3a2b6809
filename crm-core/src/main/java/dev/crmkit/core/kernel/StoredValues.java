package dev.crmkit.core.kernel;

/**
 * Internal to crmkit, not API: rebuilds a value that one of crmkit's stores made from a validated value and kept in
 * its own memory since, without validating it again (issue 17: the in-memory store packs each contact into bytes and
 * re-parsing every phone number with libphonenumber on each read cost more than the rest of the read).
 * <p>
 * It is public only because the stores live in other packages (crm-adapters). Hosts build values through their
 * validating factories ({@link PhoneNumber#of(String)}, {@link PhoneNumber#parse(String, String)}, ...), which stay
 * the only way in for outside input; this class checks only the shape of what it is given and may change or go in
 * any release without notice. Text from outside the process (a database row, a file, a request) does not belong
 * here: it goes through the validating factories. The architecture tests keep crmkit's domain code off this class.
 */
public final class StoredValues {

    private StoredValues() {
    }

    /**
     * A phone number from the {@link PhoneNumber#toString()} form of a number the store was given, without running
     * libphonenumber on it again.
     *
     * @param stored what {@link PhoneNumber#toString()} returned
     * @throws IllegalArgumentException if the text is not in that form's shape (the store's data was damaged)
     */
    public static PhoneNumber phoneNumber(String stored) {
        return PhoneNumber.stored(stored);
    }
}
