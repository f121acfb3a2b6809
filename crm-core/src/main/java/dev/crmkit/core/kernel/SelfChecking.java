package dev.crmkit.core.kernel;

import java.util.List;

/**
 * A command that checks its own fields in plain Java: what {@link EdgeValidation} runs when the host gave no Jakarta
 * {@code Validator}. Its checks are the ones its Jakarta constraint annotations declare, with the same rules and
 * messages, so either way a caller gets the same violations.
 */
public interface SelfChecking {

    /** Every violated constraint of this command's fields; empty when it is valid. */
    List<Violation> violations();
}
