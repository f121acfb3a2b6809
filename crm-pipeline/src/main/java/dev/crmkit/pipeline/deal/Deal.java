package dev.crmkit.pipeline.deal;

import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.Text;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.pipeline.definition.Actor;
import dev.crmkit.pipeline.definition.DealFacts;
import dev.crmkit.pipeline.definition.PipelineDefinition;
import dev.crmkit.pipeline.definition.PipelineId;
import dev.crmkit.pipeline.definition.Refusal;
import dev.crmkit.pipeline.definition.Stage;
import dev.crmkit.pipeline.definition.StageActivities;
import dev.crmkit.pipeline.definition.StageKind;
import dev.crmkit.pipeline.definition.StageRule;
import dev.crmkit.pipeline.definition.Transition;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A sales opportunity moving through one pipeline.
 *
 * <p><b>Lifecycle.</b> Opened in a stage of its pipeline (usually the first open one, or from a converted lead), it
 * moves from stage to stage through {@link #move}, which checks every rule of the pipeline and of the target stage
 * and returns all the reasons at once when any refuses. Entering a won stage stamps {@link #wonAt()}, a lost stage
 * {@link #lostAt()} and the lost reason; moving back to an open stage (reopening, where the pipeline allows it)
 * clears them.
 *
 * <p><b>Invariants.</b> A deal sits in exactly one stage. It is won exactly when {@code wonAt} is present, lost
 * exactly when {@code lostAt} is, never both. A probability override is 0 to 100 and stays until cleared.
 *
 * <p>Immutable and thread-safe; every change returns a copy.
 *
 * @param id                  the identity
 * @param version             the stored version, 0 before the first save
 * @param pipelineId          its pipeline
 * @param title               what is being sold, not blank
 * @param stage               the name of the stage it is in
 * @param stageEnteredAt      when it entered that stage
 * @param stageProbability    that stage's win probability, copied on entry
 * @param probabilityOverride a probability someone set, if any
 * @param amount              the amount, if known
 * @param expectedCloseDate   when it is expected to close, if known
 * @param expectedMargin      the margin expected, if known
 * @param owner               who works it, if anyone
 * @param contactId           the person, if any
 * @param companyId           the company, if any
 * @param leadId              the lead it was converted from, if any
 * @param source              where it came from (a channel, a campaign), possibly empty
 * @param customFields        custom field values
 * @param documents           attached documents, kind to status ({@code offer -> approved})
 * @param approvals           the stages it has been approved to enter
 * @param lostReason          why it was lost, present only when lost
 * @param wonAt               when it was won, present exactly when it is
 * @param lostAt              when it was lost, present exactly when it is
 * @param createdAt           when it was opened
 * @param updatedAt           when it last changed
 */
public record Deal(DealId id, long version, PipelineId pipelineId, String title, String stage,
                   Instant stageEnteredAt, int stageProbability, Optional<Integer> probabilityOverride,
                   Optional<Money> amount, Optional<LocalDate> expectedCloseDate, Optional<Money> expectedMargin,
                   Optional<UserId> owner, Optional<ContactId> contactId, Optional<CompanyId> companyId,
                   Optional<LeadId> leadId, String source, CustomFields customFields, Map<String, String> documents,
                   Set<String> approvals, Optional<String> lostReason, Optional<Instant> wonAt,
                   Optional<Instant> lostAt, Instant createdAt, Instant updatedAt) implements DealFacts {

    /** Checks the invariants and copies the collections. */
    public Deal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(pipelineId, "pipelineId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(stageEnteredAt, "stageEnteredAt");
        Objects.requireNonNull(probabilityOverride, "probabilityOverride");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(expectedCloseDate, "expectedCloseDate");
        Objects.requireNonNull(expectedMargin, "expectedMargin");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(customFields, "customFields");
        // every copy of a deal (each move makes two) passes here: no empty tree built for the usual empty ones, and
        // documents another deal froze are taken over as they are (they cannot change), not copied again
        documents = documents.isEmpty() ? Map.of()
                : documents instanceof FrozenDocuments ? documents : new FrozenDocuments(documents);
        approvals = approvals.isEmpty() ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(approvals));
        Objects.requireNonNull(lostReason, "lostReason");
        Objects.requireNonNull(wonAt, "wonAt");
        Objects.requireNonNull(lostAt, "lostAt");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (title.isBlank()) {
            throw ValidationException.of("title", "required", "a deal needs a title");
        }
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative: " + version);
        }
        if (stageProbability < 0 || stageProbability > 100
                || probabilityOverride.filter(p -> p < 0 || p > 100).isPresent()) {
            throw ValidationException.of("probability", "range", "a probability is 0 to 100");
        }
        if (wonAt.isPresent() && lostAt.isPresent()) {
            throw new IllegalArgumentException("a deal is not won and lost at once");
        }
        if (lostReason.isPresent() && lostAt.isEmpty()) {
            throw new IllegalArgumentException("only a lost deal has a lost reason");
        }
    }

    /**
     * A deal's documents as its constructor froze them: sorted by kind, unmodifiable, and made only there, so a copy
     * of the deal can take them over as they are.
     */
    private static final class FrozenDocuments extends AbstractMap<String, String> {
        private final Map<String, String> sorted;

        private FrozenDocuments(Map<String, String> documents) {
            this.sorted = Collections.unmodifiableMap(new TreeMap<>(documents));
        }

        @Override
        public Set<Map.Entry<String, String>> entrySet() {
            return sorted.entrySet();
        }

        @Override
        public String get(Object kind) {
            return sorted.get(kind);
        }

        @Override
        public boolean containsKey(Object kind) {
            return sorted.containsKey(kind);
        }

        @Override
        public int size() {
            return sorted.size();
        }

        // every change is refused by the unmodifiable map, also one that would change nothing (AbstractMap and Map's
        // defaults let those pass)

        @Override
        public Set<String> keySet() {
            return sorted.keySet();
        }

        @Override
        public Collection<String> values() {
            return sorted.values();
        }

        @Override
        public String put(String kind, String document) {
            return sorted.put(kind, document);
        }

        @Override
        public String remove(Object kind) {
            return sorted.remove(kind);
        }

        @Override
        public void putAll(Map<? extends String, ? extends String> m) {
            sorted.putAll(m);
        }

        @Override
        public void clear() {
            sorted.clear();
        }

        @Override
        public String putIfAbsent(String kind, String document) {
            return sorted.putIfAbsent(kind, document);
        }

        @Override
        public boolean remove(Object kind, Object document) {
            return sorted.remove(kind, document);
        }

        @Override
        public boolean replace(String kind, String old, String document) {
            return sorted.replace(kind, old, document);
        }

        @Override
        public String replace(String kind, String document) {
            return sorted.replace(kind, document);
        }

        @Override
        public void replaceAll(BiFunction<? super String, ? super String, ? extends String> f) {
            sorted.replaceAll(f);
        }

        @Override
        public String computeIfAbsent(String kind, Function<? super String, ? extends String> f) {
            return sorted.computeIfAbsent(kind, f);
        }

        @Override
        public String computeIfPresent(String kind, BiFunction<? super String, ? super String, ? extends String> f) {
            return sorted.computeIfPresent(kind, f);
        }

        @Override
        public String compute(String kind, BiFunction<? super String, ? super String, ? extends String> f) {
            return sorted.compute(kind, f);
        }

        @Override
        public String merge(String kind, String document,
                            BiFunction<? super String, ? super String, ? extends String> f) {
            return sorted.merge(kind, document, f);
        }
    }

    /**
     * A new deal in a stage of a pipeline, at version 0.
     *
     * @throws ValidationException if the title is blank
     */
    public static Deal open(DealId id, PipelineId pipelineId, String title, Stage stage, Instant now) {
        return new Deal(id, 0, pipelineId, title.strip(), stage.name(), now, stage.probability(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), "", CustomFields.empty(), Map.of(), Set.of(), Optional.empty(),
                stage.kind() == StageKind.WON ? Optional.of(now) : Optional.empty(),
                stage.kind() == StageKind.LOST ? Optional.of(now) : Optional.empty(), now, now);
    }

    /**
     * Starts a deal with every field but the required ones empty, for hosts and tests that build deals themselves
     * (an import, a fixture): a field added to deals later does not break such callers. Version 0, in the given stage
     * since {@code createdAt}, with probability 0 until {@link Builder#stageProbability} says otherwise.
     */
    public static Builder builder(DealId id, PipelineId pipelineId, String title, String stage, Instant createdAt) {
        return new Builder(id, pipelineId, title, stage, createdAt);
    }

    /** Builds a {@link Deal}; {@link #build()} checks the invariants. Not thread-safe. */
    public static final class Builder {
        private final DealId id;
        private final PipelineId pipelineId;
        private final String title;
        private final String stage;
        private final Instant createdAt;
        private long version;
        private Instant stageEnteredAt;
        private int stageProbability;
        private Optional<Integer> probabilityOverride = Optional.empty();
        private Optional<Money> amount = Optional.empty();
        private Optional<LocalDate> expectedCloseDate = Optional.empty();
        private Optional<Money> expectedMargin = Optional.empty();
        private Optional<UserId> owner = Optional.empty();
        private Optional<ContactId> contactId = Optional.empty();
        private Optional<CompanyId> companyId = Optional.empty();
        private Optional<LeadId> leadId = Optional.empty();
        private String source = "";
        private CustomFields customFields = CustomFields.empty();
        private Map<String, String> documents = Map.of();
        private Set<String> approvals = Set.of();
        private Optional<String> lostReason = Optional.empty();
        private Optional<Instant> wonAt = Optional.empty();
        private Optional<Instant> lostAt = Optional.empty();
        private Instant updatedAt;

        private Builder(DealId id, PipelineId pipelineId, String title, String stage, Instant createdAt) {
            this.id = id;
            this.pipelineId = pipelineId;
            this.title = title;
            this.stage = stage;
            this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
            this.stageEnteredAt = createdAt;
            this.updatedAt = createdAt;
        }

        /** The stored version; default 0. */
        public Builder version(long value) {
            version = value;
            return this;
        }

        /** When it entered its stage; default when it was created. */
        public Builder stageEnteredAt(Instant value) {
            stageEnteredAt = value;
            return this;
        }

        /** Its stage's win probability in percent; default 0. */
        public Builder stageProbability(int value) {
            stageProbability = value;
            return this;
        }

        /** A probability someone set. */
        public Builder probabilityOverride(int percent) {
            probabilityOverride = Optional.of(percent);
            return this;
        }

        /** The amount, the expected close date and the expected margin, each if known. */
        public Builder terms(Optional<Money> newAmount, Optional<LocalDate> closeDate, Optional<Money> margin) {
            amount = newAmount;
            expectedCloseDate = closeDate;
            expectedMargin = margin;
            return this;
        }

        /** Who works it, the person, the company and the lead it came from, each if any. */
        public Builder parties(Optional<UserId> newOwner, Optional<ContactId> contact, Optional<CompanyId> company,
                               Optional<LeadId> lead) {
            owner = newOwner;
            contactId = contact;
            companyId = company;
            leadId = lead;
            return this;
        }

        /** Where it came from; default empty. */
        public Builder source(String value) {
            source = value;
            return this;
        }

        /** Its custom field values; default none. */
        public Builder customFields(CustomFields value) {
            customFields = value;
            return this;
        }

        /** Its documents (kind to status) and the stages it is approved to enter; default none. */
        public Builder paperwork(Map<String, String> newDocuments, Set<String> newApprovals) {
            documents = newDocuments;
            approvals = newApprovals;
            return this;
        }

        /** Won at that time. */
        public Builder wonAt(Instant value) {
            wonAt = Optional.of(value);
            return this;
        }

        /** Lost at that time, for that reason. */
        public Builder lostAt(Instant value, String reason) {
            lostAt = Optional.of(value);
            lostReason = Optional.of(reason);
            return this;
        }

        /** When it last changed; default when it was created. */
        public Builder updatedAt(Instant value) {
            updatedAt = value;
            return this;
        }

        /**
         * The deal.
         *
         * @throws ValidationException      if the title is blank or a probability is outside 0 to 100
         * @throws IllegalArgumentException if it would be won and lost at once, or its version is negative
         */
        public Deal build() {
            return new Deal(id, version, pipelineId, title, stage, stageEnteredAt, stageProbability,
                    probabilityOverride, amount, expectedCloseDate, expectedMargin, owner, contactId, companyId, leadId,
                    source, customFields, documents, approvals, lostReason, wonAt, lostAt, createdAt, updatedAt);
        }
    }

    /**
     * The win probability in percent: the override while one is set, else the stage's; a closed deal always has its
     * stage's (100 when won, 0 when lost, unless the pipeline says otherwise).
     */
    public int probability() {
        return isClosed() ? stageProbability : probabilityOverride.orElse(stageProbability);
    }

    /** Whether it is won or lost. */
    public boolean isClosed() {
        return wonAt.isPresent() || lostAt.isPresent();
    }

    /**
     * Proposes a move to another stage: every rule of the pipeline's policies and of the target stage is checked,
     * and all refusals are returned together. On success, the changed deal (not yet stored) and its history entry
     * (for the version storing it will produce, {@code version + 1}); entry actions are run by the caller.
     *
     * @param pipeline   the deal's pipeline
     * @param target     the name of the stage to enter (ignoring case)
     * @param actor      who moves it
     * @param lostReason the reason, when moving into a lost stage
     * @param activities the deal's activities since it entered its stage
     * @param entryId    the id for the history entry
     * @param now        the time of the move
     */
    public StageChange move(PipelineDefinition pipeline, String target, Actor actor, Optional<String> lostReason,
                            StageActivities activities, UUID entryId, Instant now) {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(lostReason, "lostReason");
        Optional<Stage> to = pipeline.stage(target);
        Optional<Stage> from = pipeline.stage(stage);
        if (to.isEmpty()) {
            return reject(target, new Refusal("known-stage", "there is no stage '" + target + "' in "
                    + pipeline.name()));
        }
        if (from.isEmpty()) {
            return reject(to.get().name(), new Refusal("known-stage", "the deal's stage '" + stage
                    + "' is no longer in " + pipeline.name() + "; revise the pipeline with a stage mapping"));
        }
        if (from.get().name().equals(to.get().name())) {
            return reject(to.get().name(), new Refusal("same-stage", "the deal is already in " + stage));
        }
        Transition transition = new Transition(this, pipeline, from.get(), to.get(), actor, lostReason, now,
                activities);
        List<Refusal> reasons = null; // checked on every move: no list and no method reference when all pass
        for (StageRule rule : pipeline.rulesInto(to.get())) {
            Optional<Refusal> refusal = rule.check(transition);
            if (refusal.isPresent()) {
                if (reasons == null) {
                    reasons = new ArrayList<>();
                }
                reasons.add(refusal.get());
            }
        }
        if (reasons != null) {
            return new StageChange.StageChangeRejected(id, stage, to.get().name(), reasons);
        }
        Deal moved = enter(to.get(), lostReason, now);
        StageHistoryEntry entry = new StageHistoryEntry(entryId, id, version + 1, pipelineId, Optional.of(stage),
                to.get().name(), actor.user(), now, nonNegative(Duration.between(stageEnteredAt, now)));
        return new StageChange.StageChanged(moved, entry, List.of());
    }

    private StageChange reject(String target, Refusal refusal) {
        return new StageChange.StageChangeRejected(id, stage, target, List.of(refusal));
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    private Deal enter(Stage to, Optional<String> reason, Instant now) {
        Optional<Instant> won = to.kind() != StageKind.WON ? Optional.empty()
                : wonAt.isPresent() ? wonAt : Optional.of(now);
        Optional<Instant> lost = to.kind() != StageKind.LOST ? Optional.empty()
                : lostAt.isPresent() ? lostAt : Optional.of(now);
        Optional<String> why = to.kind() == StageKind.LOST
                ? reason.map(String::strip).filter(r -> !r.isEmpty()) : Optional.empty();
        return new Deal(id, version, pipelineId, title, to.name(), now, to.probability(), probabilityOverride,
                amount, expectedCloseDate, expectedMargin, owner, contactId, companyId, leadId, source, customFields,
                documents, approvals, why, won, lost, createdAt, now);
    }

    /**
     * A copy moved to a stage without rules, for a pipeline revision that removes the deal's stage: the time in the
     * stage starts again.
     */
    public Deal remappedTo(Stage to, Instant now) {
        return enter(to, lostReason, now);
    }

    /** A copy with other commercial details. */
    public Deal withTerms(Optional<Money> newAmount, Optional<LocalDate> newCloseDate, Optional<Money> newMargin,
                          Instant now) {
        return new Deal(id, version, pipelineId, title, stage, stageEnteredAt, stageProbability, probabilityOverride,
                newAmount, newCloseDate, newMargin, owner, contactId, companyId, leadId, source, customFields,
                documents, approvals, lostReason, wonAt, lostAt, createdAt, now);
    }

    /** A copy with a probability override (0 to 100), or none to clear it. */
    public Deal withProbabilityOverride(Optional<Integer> percent, Instant now) {
        return new Deal(id, version, pipelineId, title, stage, stageEnteredAt, stageProbability, percent, amount,
                expectedCloseDate, expectedMargin, owner, contactId, companyId, leadId, source, customFields,
                documents, approvals, lostReason, wonAt, lostAt, createdAt, now);
    }

    /** A copy with links to the people and the lead it is about, its owner and its source. */
    public Deal withParties(Optional<UserId> newOwner, Optional<ContactId> newContact, Optional<CompanyId> newCompany,
                            Optional<LeadId> newLead, String newSource, Instant now) {
        return new Deal(id, version, pipelineId, title, stage, stageEnteredAt, stageProbability, probabilityOverride,
                amount, expectedCloseDate, expectedMargin, newOwner, newContact, newCompany, newLead,
                Objects.requireNonNull(newSource, "source").strip(), customFields, documents, approvals, lostReason,
                wonAt, lostAt, createdAt, now);
    }

    /** A copy with other custom values (validate them against the schema first). */
    public Deal withCustomFields(CustomFields values, Instant now) {
        return new Deal(id, version, pipelineId, title, stage, stageEnteredAt, stageProbability, probabilityOverride,
                amount, expectedCloseDate, expectedMargin, owner, contactId, companyId, leadId, source, values,
                documents, approvals, lostReason, wonAt, lostAt, createdAt, now);
    }

    /** A copy with a document of a kind attached in a status, replacing the previous status of that kind. */
    public Deal withDocument(String kind, String status, Instant now) {
        Map<String, String> copy = new TreeMap<>(documents);
        copy.put(Text.clean(kind, "kind"), Text.clean(status, "status"));
        return new Deal(id, version, pipelineId, title, stage, stageEnteredAt, stageProbability, probabilityOverride,
                amount, expectedCloseDate, expectedMargin, owner, contactId, companyId, leadId, source, customFields,
                copy, approvals, lostReason, wonAt, lostAt, createdAt, now);
    }

    /** A copy approved to enter a stage. */
    public Deal withApproval(String stageName, Instant now) {
        Set<String> copy = new LinkedHashSet<>(approvals);
        copy.add(stageName);
        return new Deal(id, version, pipelineId, title, stage, stageEnteredAt, stageProbability, probabilityOverride,
                amount, expectedCloseDate, expectedMargin, owner, contactId, companyId, leadId, source, customFields,
                documents, copy, lostReason, wonAt, lostAt, createdAt, now);
    }

    /**
     * The same deal with another contact, nothing else changed: a merge re-points a merged-away contact's deals to the
     * survivor with it; for stores only.
     */
    public Deal withContactRef(ContactId newContact) {
        return new Deal(id, version, pipelineId, title, stage, stageEnteredAt, stageProbability,
                probabilityOverride, amount, expectedCloseDate, expectedMargin, owner, Optional.of(newContact),
                companyId, leadId, source, customFields, documents, approvals, lostReason, wonAt, lostAt, createdAt,
                updatedAt);
    }

    /** A copy with another company and nothing else changed; for stores re-pointing a merge only. */
    public Deal withCompanyRef(Optional<CompanyId> newCompany) {
        return new Deal(id, version, pipelineId, title, stage, stageEnteredAt, stageProbability,
                probabilityOverride, amount, expectedCloseDate, expectedMargin, owner, contactId,
                newCompany, leadId, source, customFields, documents, approvals, lostReason, wonAt, lostAt, createdAt,
                updatedAt);
    }

    /** A copy converted from another lead and nothing else changed; for stores re-pointing a lead merge only. */
    public Deal withLeadRef(Optional<LeadId> newLead) {
        return new Deal(id, version, pipelineId, title, stage, stageEnteredAt, stageProbability,
                probabilityOverride, amount, expectedCloseDate, expectedMargin, owner, contactId,
                companyId, newLead, source, customFields, documents, approvals, lostReason, wonAt, lostAt, createdAt,
                updatedAt);
    }

    /** A copy at another stored version; for stores only. */
    public Deal atVersion(long newVersion) {
        return new Deal(id, newVersion, pipelineId, title, stage, stageEnteredAt, stageProbability,
                probabilityOverride, amount, expectedCloseDate, expectedMargin, owner, contactId, companyId, leadId,
                source, customFields, documents, approvals, lostReason, wonAt, lostAt, createdAt, updatedAt);
    }

    @Override
    public String dealId() {
        return id.toString();
    }

    @Override
    public boolean hasValue(String field) {
        Objects.requireNonNull(field, "field");
        if (field.startsWith(CUSTOM_PREFIX)) {
            return customFields.get(field.substring(CUSTOM_PREFIX.length())).isPresent();
        }
        return switch (field) {
            case "amount" -> amount.isPresent();
            case "expectedCloseDate" -> expectedCloseDate.isPresent();
            case "expectedMargin" -> expectedMargin.isPresent();
            case "owner" -> owner.isPresent();
            case "contact" -> contactId.isPresent();
            case "company" -> companyId.isPresent();
            case "source" -> !source.isEmpty();
            default -> throw new IllegalArgumentException("'" + field + "' is not a deal field");
        };
    }
}
