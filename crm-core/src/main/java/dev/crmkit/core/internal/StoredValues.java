package dev.crmkit.core.internal;

import dev.crmkit.core.kernel.PhoneNumber;
import dev.crmkit.core.kernel.Text;
import dev.crmkit.core.kernel.ValidationException;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Internal to crmkit, not API: rebuilds a value that one of crmkit's stores made from a validated value and kept in
 * its own memory since, without validating it again (issue 17: the in-memory store packs each contact into bytes and
 * re-parsing every phone number with libphonenumber on each read cost more than the rest of the read).
 * <p>
 * Hosts build values through their validating factories ({@link PhoneNumber#of(String)},
 * {@link PhoneNumber#parse(String, String)}, ...), which stay the only way in for outside input; this class checks
 * only the shape of what it is given and may change or go in any release without notice. Text from outside the
 * process (a database row, a file, a request) does not belong here: it goes through the validating factories. The
 * architecture tests allow only crmkit's in-memory store to use this package.
 * <p>
 * The value types do not know this class (the kernel does not depend on {@code internal}): it reaches their
 * package-private factories through a private method-handle lookup, made once when the class loads, so a value type
 * offers no unchecked way in on its own public surface. Where that lookup is not allowed (a security manager that
 * refuses it, an image built ahead of time without the reflection it needs), each value goes through its validating
 * factory instead: slower, never wrong.
 */
public final class StoredValues {

    private static final MethodHandle PHONE_NUMBER = phoneNumberFactory();

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
        if (PHONE_NUMBER == null) {
            return validated(stored);
        }
        try {
            return (PhoneNumber) PHONE_NUMBER.invokeExact(stored);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("PhoneNumber.stored threw a checked exception", e);
        }
    }

    /** {@code PhoneNumber.stored}, or null where the lookup is refused (then {@link #validated} does the work). */
    private static MethodHandle phoneNumberFactory() {
        try {
            return MethodHandles.privateLookupIn(PhoneNumber.class, MethodHandles.lookup())
                    .findStatic(PhoneNumber.class, "stored", MethodType.methodType(PhoneNumber.class, String.class));
        } catch (ReflectiveOperationException | SecurityException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** The number through the validating factory, refused as the shape check refuses it: the same contract. */
    static PhoneNumber validated(String stored) {
        try {
            return PhoneNumber.of(stored);
        } catch (ValidationException e) {
            throw new IllegalArgumentException("a stored phone number is not in the form PhoneNumber writes: '"
                    + Text.excerpt(stored) + "'", e);
        }
    }
}
