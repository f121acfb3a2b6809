package dev.crmkit.core.contact;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a person agreed to receive marketing, when and through what. Immutable and thread-safe.
 *
 * @param status  granted, withdrawn or unknown
 * @param since   when the status was recorded, empty for unknown
 * @param source  where the consent was given ({@code web form newsletter box}), possibly empty
 */
public record MarketingConsent(Status status, Optional<Instant> since, String source) {

    private static final MarketingConsent UNKNOWN = new MarketingConsent(Status.UNKNOWN, Optional.empty(), "");

    /** Validates the parts. */
    public MarketingConsent {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(since, "since");
        source = Objects.requireNonNull(source, "source").strip();
    }

    /** Nobody asked. */
    public static MarketingConsent unknown() {
        return UNKNOWN;
    }

    /** Consent given at that time through that source. */
    public static MarketingConsent granted(Instant at, String source) {
        return new MarketingConsent(Status.GRANTED, Optional.of(at), source);
    }

    /** Consent refused or withdrawn at that time. */
    public static MarketingConsent withdrawn(Instant at, String source) {
        return new MarketingConsent(Status.WITHDRAWN, Optional.of(at), source);
    }

    /** The consent states. */
    public enum Status {
        /** Not known: no marketing. */
        UNKNOWN,
        /** The person agreed. */
        GRANTED,
        /** The person refused or withdrew. */
        WITHDRAWN
    }
}
