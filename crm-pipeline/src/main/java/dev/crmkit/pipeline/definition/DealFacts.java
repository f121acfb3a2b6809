package dev.crmkit.pipeline.definition;

import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.UserId;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What rules and actions may look at of a deal. The deal aggregate implements it; keeping it here lets definitions
 * exist without knowing the aggregate.
 */
public interface DealFacts {

    /** The standard field names a {@link Rules#requiredFields required-fields} rule may name. */
    Set<String> STANDARD_FIELDS = Set.of("amount", "expectedCloseDate", "expectedMargin", "owner", "contact",
            "company", "source");

    /** The prefix of custom field names: {@code customFields.budget}. */
    String CUSTOM_PREFIX = "customFields.";

    /** The deal's id, as text. */
    String dealId();

    /** The stage the deal is in. */
    String stage();

    /** When it entered that stage. */
    Instant stageEnteredAt();

    /** The amount, if known. */
    Optional<Money> amount();

    /** The owner, if any. */
    Optional<UserId> owner();

    /** The documents attached, kind to status ({@code offer -> approved}). */
    Map<String, String> documents();

    /** The stages the deal has been approved to enter. */
    Set<String> approvals();

    /**
     * Whether a field has a value: one of {@link #STANDARD_FIELDS} or {@code customFields.<key>}.
     *
     * @throws IllegalArgumentException for a field name that is neither
     */
    boolean hasValue(String field);
}
