package dev.crmkit.pipeline.definition;

import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.kernel.Violation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The built-in {@link StageRule}s. Each is an immutable record with a stable {@link StageRule#name() name}, so that
 * adapters can store and load it.
 */
public final class Rules {

    private Rules() {
    }

    /** {@code required-fields}: the fields must have values; standard names or {@code customFields.<key>}. */
    public static StageRule requiredFields(String... fields) {
        return new RequiredFields(List.of(fields));
    }

    /** {@code required-documents}: documents of these kinds must be attached in these statuses. */
    public static StageRule requiredDocuments(Map<String, String> kindToStatus) {
        return new RequiredDocuments(kindToStatus);
    }

    /** {@code required-documents} for one document: {@code requiredDocument("contract", "signed")}. */
    public static StageRule requiredDocument(String kind, String status) {
        return new RequiredDocuments(Map.of(kind, status));
    }

    /** {@code required-activity}: an activity of the type was logged on the deal in its current stage. */
    public static StageRule requiredActivity(ActivityType type) {
        return new RequiredActivity(type);
    }

    /** {@code amount-positive}: the deal has an amount greater than zero. */
    public static StageRule amountPositive() {
        return new AmountPositive();
    }

    /** {@code allowed-movers}: only users with one of the roles, or the deal's owner if {@code owner}, may move in. */
    public static StageRule allowedMovers(Set<String> roles, boolean owner) {
        return new AllowedMovers(roles, owner);
    }

    /** {@code no-skipping}: a deal moves to the next stage at most (losing it is never skipping). */
    public static StageRule noSkipping() {
        return new NoSkipping();
    }

    /** {@code no-backwards}: a deal never moves to an earlier stage (losing it is never backwards). */
    public static StageRule noMovingBackwards() {
        return new NoMovingBackwards();
    }

    /** {@code no-reopening}: a won or lost deal never moves back to an open stage. */
    public static StageRule noReopening() {
        return new NoReopening();
    }

    /** {@code approval-required}: someone approved the deal for this stage first. */
    public static StageRule approvalRequired() {
        return new ApprovalRequired();
    }

    /** {@code lost-reason}: losing a deal needs one of the reasons. */
    public static StageRule lostReasonFrom(List<String> reasons) {
        return new LostReason(reasons);
    }

    /** See {@link #requiredFields}. @param fields the fields */
    public record RequiredFields(List<String> fields) implements StageRule {
        /** Copies the list. */
        public RequiredFields {
            fields = List.copyOf(fields);
        }

        @Override
        public String name() {
            return "required-fields";
        }

        @Override
        public Optional<Refusal> check(Transition t) {
            List<String> missing = missing(t.deal());
            return missing.isEmpty() ? Optional.empty() : Optional.of(new Refusal(name(),
                    "entering " + t.to().name() + " needs values for " + String.join(", ", missing)));
        }

        /** The fields of this rule the deal has no value for, in the rule's order; empty when it passes. */
        public List<String> missing(DealFacts deal) {
            Objects.requireNonNull(deal, "deal");
            List<String> missing = null; // checked on every move: no stream, and nothing built when all are there
            for (String f : fields) {
                if (!deal.hasValue(f)) {
                    if (missing == null) {
                        missing = new ArrayList<>();
                    }
                    missing.add(f);
                }
            }
            return missing == null ? List.of() : Collections.unmodifiableList(missing);
        }

        @Override
        public List<Violation> validate(PipelineDefinition pipeline, Set<String> customFieldKeys, String field) {
            List<Violation> out = new ArrayList<>();
            for (String f : fields) {
                boolean known = DealFacts.STANDARD_FIELDS.contains(f) || (f.startsWith(DealFacts.CUSTOM_PREFIX)
                        && customFieldKeys.contains(f.substring(DealFacts.CUSTOM_PREFIX.length())));
                if (!known) {
                    out.add(new Violation(field + ".fields", "known-field", "'" + f + "' is not a deal field"));
                }
            }
            return out;
        }
    }

    /** See {@link #requiredDocuments}. @param documents kind to status */
    public record RequiredDocuments(Map<String, String> documents) implements StageRule {
        /** Copies the map, keeping its order. */
        public RequiredDocuments {
            documents = Collections.unmodifiableMap(new LinkedHashMap<>(documents));
        }

        @Override
        public String name() {
            return "required-documents";
        }

        @Override
        public Optional<Refusal> check(Transition t) {
            List<String> missing = new ArrayList<>(0); // checked on every move: no array when all pass
            Map<String, String> attached = t.deal().documents();
            // forEach, not an entry iterator: the unmodifiable map's iterator wraps the map's and every entry it gives
            documents.forEach((kind, status) -> {
                if (!status.equals(attached.get(kind))) {
                    missing.add(kind + ": " + status);
                }
            });
            return missing.isEmpty() ? Optional.empty() : Optional.of(new Refusal(name(),
                    "entering " + t.to().name() + " needs the documents " + String.join(", ", missing)));
        }
    }

    /** See {@link #requiredActivity}. @param type the activity type */
    public record RequiredActivity(ActivityType type) implements StageRule {
        /** Validates presence. */
        public RequiredActivity {
            Objects.requireNonNull(type, "type");
        }

        @Override
        public String name() {
            return "required-activity";
        }

        @Override
        public Optional<Refusal> check(Transition t) {
            boolean logged = t.activities().sinceStageEntered().stream().anyMatch(a -> a.type() == type);
            return logged ? Optional.empty() : Optional.of(new Refusal(name(), "entering " + t.to().name()
                    + " needs a " + type.name().toLowerCase(Locale.ROOT) + " logged in stage " + t.from().name()));
        }
    }

    /** See {@link #amountPositive}. */
    public record AmountPositive() implements StageRule {
        @Override
        public String name() {
            return "amount-positive";
        }

        @Override
        public Optional<Refusal> check(Transition t) {
            if (t.deal().amount().isEmpty()) {
                return Optional.of(new Refusal(name(), "entering " + t.to().name() + " needs an amount"));
            }
            return t.deal().amount().get().isPositive() ? Optional.empty() : Optional.of(new Refusal(name(),
                    "entering " + t.to().name() + " needs an amount above zero, got " + t.deal().amount().get()));
        }
    }

    /** See {@link #allowedMovers}. @param roles the roles @param owner whether the owner may */
    public record AllowedMovers(Set<String> roles, boolean owner) implements StageRule {
        /** Copies the roles, sorted. */
        public AllowedMovers {
            roles = Collections.unmodifiableSortedSet(new TreeSet<>(roles));
        }

        @Override
        public String name() {
            return "allowed-movers";
        }

        @Override
        public Optional<Refusal> check(Transition t) {
            // checked on every move: the owner first, so an owner's move walks no roles (the sorted set's iterator
            // objects), then a loop, not a stream
            if (owner && t.deal().owner().isPresent() && t.deal().owner().get().equals(t.actor().user())) {
                return Optional.empty();
            }
            for (String role : roles) {
                if (t.actor().hasRole(role)) {
                    return Optional.empty();
                }
            }
            return Optional.of(new Refusal(name(), t.actor().user()
                    + " may not move deals into " + t.to().name() + "; allowed: "
                    + (owner ? "the owner" + (roles.isEmpty() ? "" : " or ") : "")
                    + (roles.isEmpty() ? "" : "roles " + new TreeSet<>(roles))));
        }
    }

    /** See {@link #noSkipping}. */
    public record NoSkipping() implements StageRule {
        @Override
        public String name() {
            return "no-skipping";
        }

        @Override
        public Optional<Refusal> check(Transition t) {
            if (t.to().kind() == StageKind.LOST) {
                return Optional.empty();
            }
            int from = positionWithoutLost(t, t.from());
            int to = positionWithoutLost(t, t.to());
            if (to <= from + 1) {
                return Optional.empty();
            }
            return Optional.of(new Refusal(name(), "moving from " + t.from().name() + " to " + t.to().name()
                    + " skips " + (to - from - 1) + " stage(s)"));
        }

        private static int positionWithoutLost(Transition t, Stage stage) {
            int position = 0;
            for (Stage s : t.pipeline().stages()) {
                if (s.name().equals(stage.name())) {
                    return position;
                }
                if (s.kind() != StageKind.LOST) {
                    position++;
                }
            }
            return position;
        }
    }

    /** See {@link #noMovingBackwards}. */
    public record NoMovingBackwards() implements StageRule {
        @Override
        public String name() {
            return "no-backwards";
        }

        @Override
        public Optional<Refusal> check(Transition t) {
            boolean backwards = t.to().kind() != StageKind.LOST && t.toIndex() < t.fromIndex();
            return backwards ? Optional.of(new Refusal(name(), "moving back from " + t.from().name() + " to "
                    + t.to().name() + " is not allowed in " + t.pipeline().name())) : Optional.empty();
        }
    }

    /** See {@link #noReopening}. */
    public record NoReopening() implements StageRule {
        @Override
        public String name() {
            return "no-reopening";
        }

        @Override
        public Optional<Refusal> check(Transition t) {
            boolean reopen = t.from().isClosed() && !t.to().isClosed();
            return reopen ? Optional.of(new Refusal(name(), "a " + t.from().kind().name().toLowerCase(Locale.ROOT)
                    + " deal cannot be reopened in " + t.pipeline().name())) : Optional.empty();
        }
    }

    /** See {@link #approvalRequired}. */
    public record ApprovalRequired() implements StageRule {
        @Override
        public String name() {
            return "approval-required";
        }

        @Override
        public Optional<Refusal> check(Transition t) {
            boolean approved = t.deal().approvals().stream()
                    .anyMatch(a -> PipelineDefinition.key(a).equals(PipelineDefinition.key(t.to().name())));
            return approved ? Optional.empty() : Optional.of(new Refusal(name(),
                    "entering " + t.to().name() + " needs an approval first"));
        }
    }

    /** See {@link #lostReasonFrom}. @param reasons the accepted reasons */
    public record LostReason(List<String> reasons) implements StageRule {
        /** Copies the list. */
        public LostReason {
            reasons = List.copyOf(reasons);
        }

        @Override
        public String name() {
            return "lost-reason";
        }

        @Override
        public Optional<Refusal> check(Transition t) {
            Optional<String> given = t.lostReason().map(String::strip).filter(r -> !r.isEmpty());
            if (given.isEmpty()) {
                return Optional.of(new Refusal(name(), "losing a deal needs a reason, one of " + reasons));
            }
            return reasons.contains(given.get()) ? Optional.empty() : Optional.of(new Refusal(name(),
                    "'" + given.get() + "' is not a lost reason of " + t.pipeline().name() + "; one of " + reasons));
        }
    }
}
