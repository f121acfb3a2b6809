package dev.crmkit.pipeline;

import dev.crmkit.core.Crm;
import dev.crmkit.core.ModuleWiring;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.kernel.DomainEvents;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.pipeline.deal.ConvertLead;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealFilter;
import dev.crmkit.pipeline.deal.DealId;
import dev.crmkit.pipeline.deal.LeadConversion;
import dev.crmkit.pipeline.deal.MoveDeal;
import dev.crmkit.pipeline.deal.OpenDeal;
import dev.crmkit.pipeline.deal.RottingDeal;
import dev.crmkit.pipeline.deal.StageChange;
import dev.crmkit.pipeline.deal.StageHistoryEntry;
import dev.crmkit.pipeline.definition.Actor;
import dev.crmkit.pipeline.definition.Pipeline;
import dev.crmkit.pipeline.definition.PipelineDefinition;
import dev.crmkit.pipeline.definition.PipelineId;
import dev.crmkit.pipeline.forecast.Forecasts;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The pipeline use cases: define and revise pipelines, open, change, move and convert deals, find rotting deals, and
 * read boards and forecasts. Every write runs in one unit of work of the shared store; every move is recorded in the
 * stage history and on the timeline of the deal, its contact and its company. Thread-safe.
 *
 * <pre>{@code
 * DealPipeline deals = DealPipeline.builder().crm(crm).store(store).clock(clock).build();
 * Pipeline b2b = deals.definePipeline(Presets.b2b());
 * Deal deal = deals.open(OpenDeal.of(b2b.id(), "50 seats", Money.of("12000.00", "EUR"), Actor.of("alice")));
 * StageChange change = deals.move(MoveDeal.to(deal.id(), "Solution search", Actor.of("alice")));
 * }</pre>
 */
public interface DealPipeline {

    /** Starts wiring the module. */
    static Builder builder() {
        return new Builder();
    }

    /**
     * Stores a new pipeline, validated as a whole against the deal custom fields.
     *
     * @throws dev.crmkit.core.kernel.ValidationException listing every problem, or {@code unique} for a taken name
     */
    Pipeline definePipeline(PipelineDefinition definition);

    /**
     * Stores a new revision of a pipeline. Deals in a stage the revision no longer has go to the stage the mapping
     * names for it (old name to new name), recorded in their history; stage history keeps the old names.
     *
     * @param expectedVersion the revision the change is based on
     * @param mapping         where the deals of each removed stage go
     * @param by              who revises it
     * @throws dev.crmkit.core.kernel.ValidationException   listing every problem: the definition's, a removed stage
     *                                                      that holds deals without a mapping ({@code stage-mapping}),
     *                                                      a mapping to an unknown stage
     * @throws dev.crmkit.core.kernel.StaleVersionException if the pipeline was revised since {@code expectedVersion}
     */
    Pipeline revisePipeline(PipelineId id, long expectedVersion, PipelineDefinition definition,
                            Map<String, String> mapping, Actor by);

    /** The current revision of a pipeline. */
    Optional<Pipeline> pipeline(PipelineId id);

    /** The current revision of the pipeline with this name. */
    Optional<Pipeline> pipelineNamed(String name);

    /** Every pipeline's current revision, in the order they were defined. */
    List<Pipeline> pipelines();

    /**
     * The default pipeline: the one made the default with {@link #makeDefault}, else the first one defined; empty
     * while no pipeline is defined.
     */
    Optional<Pipeline> defaultPipeline();

    /**
     * Makes a pipeline the default, in place of the first one defined or an earlier choice; kept in the store, so
     * every node sharing it agrees.
     *
     * @return the new default
     * @throws dev.crmkit.core.kernel.ValidationException with rule {@code exists} if there is no such pipeline
     */
    Pipeline makeDefault(PipelineId id);

    /**
     * Opens a deal in a stage of a pipeline (rules of that stage are not checked: they guard moves).
     *
     * @throws dev.crmkit.core.kernel.ValidationException if the pipeline, stage, contact or company does not exist
     */
    Deal open(OpenDeal command);

    /**
     * Opens a deal at most once per key: a retry with the same key (after a failure, also one whose outcome is unknown
     * because the connection died during the commit) returns the deal the first call opened, as it is stored now,
     * instead of opening another. The key is recorded in the unit of work that opens the deal.
     *
     * @throws dev.crmkit.core.kernel.ValidationException if the pipeline, stage, contact or company does not exist
     * @throws IllegalArgumentException                  if the key was used for another command
     * @throws UnsupportedOperationException             if the store keeps no idempotency keys
     */
    Deal open(OpenDeal command, dev.crmkit.core.idempotency.IdempotencyKey key);

    /**
     * Moves a deal: changed with the actions that ran, or rejected with every reason and nothing changed. A move
     * based on a version that is no longer current, or that loses a race with a concurrent move, is rejected by the
     * rule {@code stale-version}.
     *
     * <p>A move publishes, in this order: {@link dev.crmkit.pipeline.deal.DealEvent.DealMoved}, then
     * {@link dev.crmkit.pipeline.deal.DealEvent.DealWon} or {@link dev.crmkit.pipeline.deal.DealEvent.DealLost} when
     * it enters a won or lost stage, then the {@code ActivityLogged} of its timeline entry, then the events of the
     * entered stage's actions. Subscribers receive them only after the unit of work commits, and none of them if it
     * fails. (Until issue 17 the {@code ActivityLogged} came first; publishing the move's events before its entry lets
     * the JDBC store on PostgreSQL write them to the outbox with the entry's statement, one round trip fewer.)
     *
     * @throws dev.crmkit.core.kernel.ValidationException if there is no such deal
     */
    StageChange move(MoveDeal command);

    /**
     * Moves a deal its caller holds, as a board or a form shows it: {@link #move(MoveDeal)} based on
     * {@code seen}'s version ({@code move(command.atVersion(seen.version()))}), with the rules checked against
     * {@code seen} instead of the deal read again, so that the store need not read the deal first. When the move
     * runs in a unit of work of its own, with the pipeline's current revision already read by this node and no
     * {@code required-activity} rule on the target stage, crmkit's JDBC store on PostgreSQL moves it in one round
     * trip: the pipeline's revision comes from its cache ({@link
     * dev.crmkit.pipeline.definition.Pipelines#findByIdCheckedByDealWrite}) and the deal's write checks that the
     * pipeline is still at it (when it was revised, the move reads the deal and the pipeline and decides again). When
     * the deal changed since it was seen (another move, a change of its terms), the move is rejected by the rule
     * {@code stale-version} and nothing is written, as a move at an old version is. A refusal by the rules is decided
     * again by id (the deal and the pipeline read as stored), so it never rests on fields the stored deal no longer
     * has or on a revision another node replaced; inside a caller's unit of work the move is the move by id at
     * {@code seen}'s version. A rule that reads the deal's timeline ({@code required-activity}) reads it in the move's
     * unit, as for {@link #move(MoveDeal)}.
     *
     * <p>{@code seen} is the deal as this pipeline returned it ({@link #deal}, {@link #deals}, the result of a move or
     * a change), possibly with changes of the caller's own ({@code seen.withDocument(...)}): its fields are what the
     * rules check and what the move stores, the whole deal written on every store; only its version is compared with
     * the stored deal (a change another writer made since at the same version, which only a merge's undo allows, is
     * overwritten). A move by id ({@link #move(MoveDeal)}) instead writes the deal as read in its unit, and crmkit's
     * JDBC store on PostgreSQL then writes only the stage fields, refused as {@code stale-version} unless the row
     * still has the version and the time of the last change it was read with. The default reads the deal again:
     * {@code move(command.atVersionOf(seen))}.
     *
     * @param seen    the deal as the caller holds it
     * @param command the move of that deal; an expected version in it must be {@code seen}'s
     * @throws dev.crmkit.core.kernel.ValidationException if the command is for another deal (rule {@code seen-deal})
     *                                                    or another version (rule {@code seen-version}), or the
     *                                                    deal is not stored
     */
    default StageChange move(Deal seen, MoveDeal command) {
        return move(java.util.Objects.requireNonNull(command, "command").atVersionOf(seen));
    }

    /**
     * Moves a deal at most once per key: a retry with the same key returns the first call's {@code StageChanged}
     * (the deal as stored now, the history entry and the actions of that move) instead of moving again. A rejected
     * move records nothing, so its retry decides again.
     *
     * @throws dev.crmkit.core.kernel.ValidationException if there is no such deal
     * @throws IllegalArgumentException                  if the key was used for another command
     * @throws UnsupportedOperationException             if the store keeps no idempotency keys
     */
    StageChange move(MoveDeal command, dev.crmkit.core.idempotency.IdempotencyKey key);

    /** Changes a deal's amount, expected close date and expected margin. */
    Deal changeTerms(DealId id, Optional<Money> amount, Optional<LocalDate> expectedCloseDate,
                     Optional<Money> expectedMargin);

    /** Sets a probability override (0 to 100), or clears it. */
    Deal overrideProbability(DealId id, Optional<Integer> percent);

    /**
     * Sets custom values of a deal; values not named stay.
     *
     * @throws dev.crmkit.core.kernel.ValidationException if the values break the deal custom field schema
     */
    Deal setCustomFields(DealId id, CustomFields values);

    /** Attaches a document of a kind in a status ({@code offer}, {@code approved}), replacing that kind's status. */
    Deal attachDocument(DealId id, String kind, String status);

    /** Approves a deal to enter a stage, recorded on its timeline. */
    Deal approve(DealId id, String stage, Actor approver);

    /** The deal with this id. */
    Optional<Deal> deal(DealId id);

    /** The deals passing a filter, in the order they were created. */
    Page<Deal> deals(DealFilter filter, PageRequest page);

    /** The whole stage history of a deal, oldest first. */
    List<StageHistoryEntry> history(DealId id);

    /** The open deals of a pipeline whose last activity is older than their stage's rotting threshold. */
    List<RottingDeal> rotting(PipelineId pipeline);

    /**
     * Turns a qualified lead into a deal in the first open stage of a pipeline, linked to the lead's contact and
     * company (created when missing; existing ones only gain values for empty fields); the lead becomes converted.
     * Refused (nothing changed) unless the lead is qualified.
     *
     * @throws dev.crmkit.core.kernel.ValidationException if the lead or the pipeline does not exist, or (rule
     *                                                    {@code erased}, nothing changed) the lead is an erased
     *                                                    person's ({@link dev.crmkit.core.privacy.Anonymized#isErased})
     */
    LeadConversion convert(ConvertLead command);

    /**
     * Converts a lead at most once per key: a retry with the same key returns the first call's {@code Converted}
     * (records as stored now) instead of refusing because the lead is converted already. A refusal records nothing.
     *
     * @throws dev.crmkit.core.kernel.ValidationException if the lead or the pipeline does not exist
     * @throws IllegalArgumentException                  if the key was used for another command
     * @throws UnsupportedOperationException             if the store keeps no idempotency keys
     */
    LeadConversion convert(ConvertLead command, dev.crmkit.core.idempotency.IdempotencyKey key);

    /** Boards, lists and weighted forecasts. */
    Forecasts forecasts();

    /**
     * The deals, boards and forecasts as one actor sees them, and moves guarded by the actor's permissions: see
     * {@link ScopedPipeline}. The organization is read from the store when the view is made; make one per request.
     *
     * @throws UnsupportedOperationException if the store keeps no access directory or does not restrict its deals
     */
    ScopedPipeline as(dev.crmkit.core.access.Actor actor);

    /**
     * Wires the module. Each setting may be set once; {@link #build()} fails fast, naming the setting, when a required
     * one is missing. Not thread-safe.
     */
    final class Builder {
        Crm crm;
        PipelineStore store;
        IdGenerator ids;
        DomainEvents subscriber;

        private Builder() {
        }

        private static void once(Object current, String setting) {
            if (current != null) {
                throw new IllegalStateException(setting + " was already set to " + current);
            }
        }

        /** Required: crm-core, for contacts, companies, leads, timeline, tasks and the clock. */
        public Builder crm(Crm value) {
            once(crm, "crm");
            crm = Objects.requireNonNull(value, "crm");
            return this;
        }

        /** Required: the pipeline store, the same object as the Crm's store (see {@link PipelineStore}). */
        public Builder store(PipelineStore value) {
            once(store, "store");
            store = Objects.requireNonNull(value, "store");
            return this;
        }

        /** Where new ids come from; default the Crm's ({@link Crm#ids()}). */
        public Builder ids(IdGenerator value) {
            once(ids, "ids");
            ids = Objects.requireNonNull(value, "ids");
            return this;
        }

        /**
         * Who receives this module's domain events after each unit of work commits; default the Crm's subscriber
         * ({@link Crm#subscriber()}).
         */
        public Builder events(DomainEvents value) {
            once(subscriber, "events");
            subscriber = Objects.requireNonNull(value, "events");
            return this;
        }

        /**
         * Wires the module, and registers its deals with the Crm ({@link Crm#readRecordsOf}) so that the Crm's views
         * withhold a deal's hidden values from the entries about it on its contact's and company's timelines.
         *
         * @throws IllegalStateException naming the first required setting that is missing, or when the pipeline
         *                               store's units of work are not the Crm store's
         */
        public DealPipeline build() {
            ModuleWiring.requireCrmAndItsStore(crm, store, () -> store.transactions(), "DealPipeline");
            if (ids == null) {
                ids = crm.ids();
            }
            if (subscriber == null) {
                subscriber = crm.subscriber();
            }
            // the views of the Crm read deals to withhold their hidden values from entries on other timelines
            PipelineStore deals = store;
            crm.readRecordsOf(dev.crmkit.core.kernel.RecordType.DEAL,
                    id -> deals.deals().findById(new dev.crmkit.pipeline.deal.DealId(id)));
            return new DefaultDealPipeline(this);
        }
    }
}
