package dev.crmkit.core.privacy;

import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.PhoneNumber;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The suppression list as use cases see it: e-mails and phones of erased people, kept only as HMAC-SHA256 hashes
 * under a secret salt from the host's configuration, so the list names nobody to whoever reads the table, yet a
 * capture or import of the same e-mail or phone is recognized. E-mails are hashed in their normalized form, phones
 * in E.164. Without a salt ({@link #off}) nothing is suppressed and an erasure is refused. Immutable and
 * thread-safe.
 */
public final class Suppressions {

    /** The shortest salt accepted, in bytes. */
    public static final int MIN_SALT_BYTES = 16;

    private static final Suppressions OFF = new Suppressions(SuppressionList.unsupported(), null);

    private final SuppressionList list;
    private final byte[] salt;

    private Suppressions(SuppressionList list, byte[] salt) {
        this.list = list;
        this.salt = salt;
    }

    /**
     * Suppression on a store's list with a secret salt (the same on every node and across restarts).
     *
     * @throws IllegalArgumentException naming {@code suppressionSalt} when it is shorter than {@value #MIN_SALT_BYTES}
     *                                  bytes
     */
    public static Suppressions of(SuppressionList list, byte[] salt) {
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(salt, "suppressionSalt");
        if (salt.length < MIN_SALT_BYTES) {
            throw new IllegalArgumentException("suppressionSalt must be at least " + MIN_SALT_BYTES + " bytes, got "
                    + salt.length);
        }
        return new Suppressions(list, salt.clone());
    }

    /** No suppression: nothing is flagged, and erasures are refused for want of a salt. */
    public static Suppressions off() {
        return OFF;
    }

    /** Whether a salt was configured. */
    public boolean isOn() {
        return salt != null;
    }

    /** The salted hash of an e-mail, in hex. */
    public String hashOf(EmailAddress email) {
        return hash("email:" + email.value());
    }

    /** The salted hash of a phone, in hex. */
    public String hashOf(PhoneNumber phone) {
        return hash("phone:" + phone.e164());
    }

    /** The fields ({@code email}, {@code phone}) whose values are on the list; empty when off. */
    public List<String> matches(Optional<EmailAddress> email, Optional<PhoneNumber> phone) {
        if (!isOn()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(2);
        if (email.isPresent() && list.contains(hashOf(email.get()))) {
            out.add("email");
        }
        if (phone.isPresent() && list.contains(hashOf(phone.get()))) {
            out.add("phone");
        }
        return List.copyOf(out);
    }

    /**
     * Lists the hashes of the e-mails and phones, in the running unit of work.
     *
     * @return how many hashes were new
     * @throws IllegalStateException naming {@code suppressionSalt} when off
     */
    public int suppress(Collection<EmailAddress> emails, Collection<PhoneNumber> phones, Instant at) {
        if (!isOn()) {
            throw new IllegalStateException("suppressionSalt was not set: an erasure needs it to keep the person "
                    + "from coming back unnoticed");
        }
        int added = 0;
        for (EmailAddress e : emails) {
            added += list.add(hashOf(e), at) ? 1 : 0;
        }
        for (PhoneNumber p : phones) {
            added += list.add(hashOf(p), at) ? 1 : 0;
        }
        return added;
    }

    private String hash(String value) {
        if (salt == null) {
            throw new IllegalStateException("suppressionSalt was not set");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
