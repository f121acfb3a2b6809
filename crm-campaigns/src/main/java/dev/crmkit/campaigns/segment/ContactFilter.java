package dev.crmkit.campaigns.segment;

import dev.crmkit.core.contact.MarketingConsent;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.scoring.LeadScore;
import dev.crmkit.core.scoring.LifecycleStage;
import dev.crmkit.core.scoring.Temperature;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A condition on stored contacts, which a store can evaluate in its database ({@link ContactSegments}): the contact's
 * own fields (consent, language, owner, created), its leads (status, score, temperature, lifecycle stage), its owner's
 * team and its last interaction on the timeline. {@link #matches} is the reference evaluation every store must agree
 * with. Values are data, never query text; {@link ContactFilterText} writes and reads a filter as text for the
 * segment store. Immutable and thread-safe.
 */
public sealed interface ContactFilter permits ContactFilter.ConsentIs, ContactFilter.LanguageIs,
        ContactFilter.OwnerIs, ContactFilter.NoOwner, ContactFilter.CreatedBefore, ContactFilter.LeadStatusIn,
        ContactFilter.ScoreAtLeast, ContactFilter.TemperatureIs, ContactFilter.StageIs, ContactFilter.OwnerTeamIs,
        ContactFilter.InteractedSince, ContactFilter.AllOf, ContactFilter.AnyOf, ContactFilter.Not {

    /** Whether the contact, with its leads, owner team and timeline, meets the condition. */
    boolean matches(ContactFacts contact);

    /** The contact's marketing consent has the status. */
    record ConsentIs(MarketingConsent.Status status) implements ContactFilter {
        /** Checks presence. */
        public ConsentIs {
            Objects.requireNonNull(status, "status");
        }

        @Override
        public boolean matches(ContactFacts facts) {
            var contact = facts.contact();
            return contact.consent().status() == status;
        }
    }

    /** The contact's language is the BCP 47 tag (as normalised by {@link Locale#forLanguageTag}). */
    record LanguageIs(String tag) implements ContactFilter {
        /**
         * Normalises the tag.
         *
         * @throws dev.crmkit.core.kernel.ValidationException naming {@code language}: rule {@code required} when
         *                                                    blank, {@code format} when not a BCP 47 tag (en_US)
         */
        public LanguageIs {
            Objects.requireNonNull(tag, "tag");
            if (tag.isBlank()) {
                throw dev.crmkit.core.kernel.ValidationException.of("language", "required",
                        "must be a BCP 47 language tag such as en or de-AT, was blank");
            }
            String normalised = Locale.forLanguageTag(tag.strip()).toLanguageTag();
            if (normalised.equals("und") && !tag.strip().equalsIgnoreCase("und")) {
                throw dev.crmkit.core.kernel.ValidationException.of("language", "format",
                        "must be a BCP 47 language tag such as en or de-AT, was '" + tag + "'");
            }
            tag = normalised;
        }

        @Override
        public boolean matches(ContactFacts facts) {
            var contact = facts.contact();
            return contact.language().map(Locale::toLanguageTag).filter(tag::equals).isPresent();
        }
    }

    /** The contact is owned by the user id. */
    record OwnerIs(String userId) implements ContactFilter {
        /** Checks presence. */
        public OwnerIs {
            Objects.requireNonNull(userId, "userId");
        }

        @Override
        public boolean matches(ContactFacts facts) {
            var contact = facts.contact();
            return contact.owner().filter(o -> o.value().equals(userId)).isPresent();
        }
    }

    /** The contact has no owner. */
    record NoOwner() implements ContactFilter {
        @Override
        public boolean matches(ContactFacts facts) {
            var contact = facts.contact();
            return contact.owner().isEmpty();
        }
    }

    /** The contact was created before the instant. */
    record CreatedBefore(Instant at) implements ContactFilter {
        /** Checks presence. */
        public CreatedBefore {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public boolean matches(ContactFacts facts) {
            var contact = facts.contact();
            return contact.createdAt().isBefore(at);
        }
    }

    /**
     * One of the contact's leads has one of the statuses (none given: no contact).
     *
     * @param statuses the lead statuses
     */
    record LeadStatusIn(Set<LeadStatus> statuses) implements ContactFilter {
        /** Copies the statuses. */
        public LeadStatusIn {
            statuses = Set.copyOf(statuses);
        }

        @Override
        public boolean matches(ContactFacts facts) {
            return facts.leads().stream().anyMatch(l -> statuses.contains(l.status()));
        }
    }

    /**
     * One of the contact's leads has a stored score of at least {@code points}.
     *
     * @param points 0 to 100
     */
    record ScoreAtLeast(int points) implements ContactFilter {
        /**
         * Validates the points.
         *
         * @throws ValidationException naming {@code points} when outside 0 to 100
         */
        public ScoreAtLeast {
            if (points < 0 || points > 100) {
                throw ValidationException.of("points", "range", "a score is 0 to 100, was " + points);
            }
        }

        @Override
        public boolean matches(ContactFacts facts) {
            return anyScore(facts, s -> s.score() >= points);
        }
    }

    /**
     * One of the contact's leads is scored at the temperature.
     *
     * @param temperature the temperature
     */
    record TemperatureIs(Temperature temperature) implements ContactFilter {
        /** Checks presence. */
        public TemperatureIs {
            Objects.requireNonNull(temperature, "temperature");
        }

        @Override
        public boolean matches(ContactFacts facts) {
            return anyScore(facts, s -> s.temperature() == temperature);
        }
    }

    /**
     * One of the contact's leads is scored in the lifecycle stage.
     *
     * @param stage the lifecycle stage
     */
    record StageIs(LifecycleStage stage) implements ContactFilter {
        /** Checks presence. */
        public StageIs {
            Objects.requireNonNull(stage, "stage");
        }

        @Override
        public boolean matches(ContactFacts facts) {
            return anyScore(facts, s -> s.stage() == stage);
        }
    }

    /**
     * The contact's owner is a user of the team (that team itself, not teams below it).
     *
     * @param teamId the team's id
     */
    record OwnerTeamIs(String teamId) implements ContactFilter {
        /** Checks presence. */
        public OwnerTeamIs {
            Objects.requireNonNull(teamId, "teamId");
        }

        @Override
        public boolean matches(ContactFacts facts) {
            return facts.contact().owner().isPresent()
                    && facts.ownerTeam().filter(t -> t.value().equals(teamId)).isPresent();
        }
    }

    /**
     * The contact's timeline has a public entry about it that occurred at or after the instant; negated, "no
     * interaction since": nothing was logged about the contact since then (private entries, which only their owner
     * sees, do not count). Entries about the contact's leads only are not the contact's.
     *
     * @param at the instant
     */
    record InteractedSince(Instant at) implements ContactFilter {
        /** Checks presence. */
        public InteractedSince {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public boolean matches(ContactFacts facts) {
            return facts.lastInteraction().filter(last -> !last.isBefore(at)).isPresent();
        }
    }

    /** Every filter matches (none given: every contact). */
    record AllOf(List<ContactFilter> filters) implements ContactFilter {
        /** Copies the list. */
        public AllOf {
            filters = List.copyOf(filters);
        }

        @Override
        public boolean matches(ContactFacts facts) {
            return filters.stream().allMatch(f -> f.matches(facts));
        }
    }

    /** At least one filter matches (none given: no contact). */
    record AnyOf(List<ContactFilter> filters) implements ContactFilter {
        /** Copies the list. */
        public AnyOf {
            filters = List.copyOf(filters);
        }

        @Override
        public boolean matches(ContactFacts facts) {
            return filters.stream().anyMatch(f -> f.matches(facts));
        }
    }

    /** The filter does not match. */
    record Not(ContactFilter filter) implements ContactFilter {
        /** Checks presence. */
        public Not {
            Objects.requireNonNull(filter, "filter");
        }

        @Override
        public boolean matches(ContactFacts facts) {
            return !filter.matches(facts);
        }
    }

    private static boolean anyScore(ContactFacts facts, Predicate<LeadScore> test) {
        return facts.leads().stream().anyMatch(l -> l.score().filter(test).isPresent());
    }
}
