package dev.crmkit.core.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The name of one call of a command, given by the caller (a request id, a message id) or derived from the command's
 * content: every retry of that call passes the same key, and the store does the call's work at most once. Keys are
 * compared exactly; one key belongs to one command (a capture's key cannot be reused for a move). Immutable and
 * thread-safe.
 */
public final class IdempotencyKey {

    /** The longest key, in characters. */
    public static final int MAX_LENGTH = 200;

    private final String value;

    private IdempotencyKey(String value) {
        this.value = value;
    }

    /**
     * A key the caller chose.
     *
     * @throws IllegalArgumentException naming the rule if it is blank, longer than {@value #MAX_LENGTH} characters,
     *                                  has surrounding spaces or a control character
     */
    public static IdempotencyKey of(String value) {
        Objects.requireNonNull(value, "idempotencyKey");
        if (value.isBlank()) {
            throw new IllegalArgumentException("idempotencyKey must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("idempotencyKey must be at most " + MAX_LENGTH + " characters, not "
                    + value.length());
        }
        if (!value.strip().equals(value) || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("idempotencyKey must have no surrounding spaces and no control "
                    + "characters: '" + value.replaceAll("\\p{Cntrl}", "?") + "'");
        }
        return new IdempotencyKey(value);
    }

    /**
     * A key derived from a command's content: {@code kind:} and the SHA-256 of the parts (each part's length and text,
     * so no two different lists of parts give the same key). Two calls with the same content are then one call: use it
     * for content that names one event (a form post with its own id, a message) rather than for content that is
     * legitimately sent twice.
     *
     * @param kind  what the content is, for example {@code capture}: 1 to 40 letters, digits, dots and dashes
     * @param parts the content
     */
    public static IdempotencyKey ofContent(String kind, List<String> parts) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(parts, "parts");
        if (!kind.matches("[A-Za-z0-9.-]{1,40}")) {
            throw new IllegalArgumentException("kind must be 1 to 40 letters, digits, dots and dashes: '" + kind + "'");
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                byte[] bytes = Objects.requireNonNull(part, "part").getBytes(StandardCharsets.UTF_8);
                sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                sha.update(bytes);
            }
            return new IdempotencyKey(kind + ":" + HexFormat.of().formatHex(sha.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The key's text. */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdempotencyKey k && k.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** The key's text, which {@link #of} reads back. */
    @Override
    public String toString() {
        return value;
    }
}
