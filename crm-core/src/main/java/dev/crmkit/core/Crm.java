package dev.crmkit.core;

import dev.crmkit.core.activity.Timeline;
import dev.crmkit.core.assignment.AssignmentPolicy;
import dev.crmkit.core.assignment.LeadAssignment;
import dev.crmkit.core.capture.CaptureSettings;
import dev.crmkit.core.capture.LeadCapture;
import dev.crmkit.core.access.CurrentActor;
import dev.crmkit.core.audit.AuditLog;
import dev.crmkit.core.customer.CustomerBase;
import dev.crmkit.core.kernel.Context;
import dev.crmkit.core.kernel.DomainEvent;
import dev.crmkit.core.kernel.DomainEvents;
import dev.crmkit.core.kernel.EdgeValidation;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.lead.LeadQualification;
import dev.crmkit.core.scoring.LeadScoring;
import dev.crmkit.core.scoring.ScoringModel;
import dev.crmkit.core.scoring.WinProbabilities;
import dev.crmkit.core.task.TaskPlanner;
import jakarta.validation.Validator;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * crmkit, wired: the composition root an embedding application builds once and shares. Thread-safe.
 *
 * <pre>{@code
 * Crm crm = Crm.builder()
 *         .store(InMemoryCrmStore.create())
 *         .defaultRegion("DE")
 *         .build();
 * CaptureOutcome outcome = crm.capture().capture(
 *         LeadSubmission.from(Channel.WEB_FORM).name("Jane", "Doe").email(" Jane@Example.com ").build());
 * }</pre>
 */
public final class Crm {

    private final CrmStore store;
    private final Clock clock;
    private final LeadCapture capture;
    private final dev.crmkit.core.capture.BulkCapture bulkCapture;
    private final CustomerBase customers;
    private final Timeline timeline;
    private final TaskPlanner tasks;
    private final LeadQualification leads;
    private final LeadScoring scoring;
    private final WinProbabilities winProbabilities;
    private final Context context;
    private final DomainEvents subscriber;
    private final dev.crmkit.core.privacy.Suppressions suppressions;
    private final AuditLog auditLog;
    private final CurrentActor currentActor;
    /** The rules and region capture runs with, which the lead edit runs with too. */
    private final CaptureSettings settings;
    /** The actor of a change made through {@link #as}, while it runs on this thread; it is the one audited. */
    private final ThreadLocal<dev.crmkit.core.access.Actor> viewActor = new ThreadLocal<>();
    /** How to read the records of the types other modules keep ({@link #readRecordsOf}), by type. */
    private final Map<RecordType, java.util.function.Function<java.util.UUID, Optional<? extends Record>>>
            keptElsewhere = new java.util.concurrent.ConcurrentHashMap<>();

    private Crm(Builder b) {
        this.store = b.store;
        this.clock = b.clock;
        this.subscriber = b.subscriber;
        this.currentActor = b.actor == null ? CurrentActor.unnamedHost() : b.actor;
        DomainEvents delivered = b.rescoreOnEvents ? event -> {
            b.subscriber.publish(event);
            rescoreAfter(event);
        } : b.subscriber;
        DomainEvents events = store.events(delivered);
        EdgeValidation validation = b.validator == null ? EdgeValidation.plain()
                : EdgeValidation.using(b.validator);
        CaptureSettings settings = new CaptureSettings(b.defaultRegion,
                b.publicEmailDomains == null ? CaptureSettings.bundledPublicEmailDomains() : b.publicEmailDomains,
                b.followUpWithin == null ? Duration.ofHours(24) : b.followUpWithin,
                b.duplicateRules == null ? dev.crmkit.core.duplicate.DuplicateRules.allowAll() : b.duplicateRules);
        this.settings = settings;
        this.context = new Context(store.transactions(), events, validation, clock, b.ids);
        this.timeline = new Timeline(store.activities(), context);
        this.tasks = new TaskPlanner(store.tasks(), context, store.idempotencyKeys());
        this.auditLog = new AuditLog(store.auditTrail(), auditedActor(), context);
        this.suppressions = b.suppressionSalt == null ? dev.crmkit.core.privacy.Suppressions.off()
                : dev.crmkit.core.privacy.Suppressions.of(store.suppressionList(), b.suppressionSalt);
        this.customers = new CustomerBase(store.contacts(), store.companies(), store.customFieldSchemas(),
                settings.defaultRegion(), context, auditLog, timeline, tasks, settings.duplicateRules(), suppressions,
                store.personalData());
        this.leads = new LeadQualification(store.leads(), timeline, context);
        this.capture = new LeadCapture(store.contacts(), store.companies(), store.leads(), store.customFieldSchemas(),
                timeline, tasks, settings, context, store.idempotencyKeys(), suppressions, store.consentHistory(),
                auditedActor());
        this.bulkCapture = new dev.crmkit.core.capture.BulkCapture(capture, store.captureBatches(),
                store.customFieldSchemas(), context);
        this.scoring = new LeadScoring(store.leads(), store.contacts(), store.companies(), store.activities(),
                store.leadScores(), b.scoringModel == null ? ScoringModel.standard() : b.scoringModel, context);
        this.winProbabilities = new WinProbabilities(store.probabilityOverrides(), context);
    }

    private void rescoreAfter(DomainEvent event) {
        scoring.subscriber().publish(event);
    }

    /** Starts wiring crmkit. */
    public static Builder builder() {
        return new Builder();
    }

    /** Lead capture from every channel. */
    public LeadCapture capture() {
        return capture;
    }

    /** Lead capture of a chunk of submissions at once, with the outcomes of {@link #capture()} one by one. */
    public dev.crmkit.core.capture.BulkCapture bulkCapture() {
        return bulkCapture;
    }

    /** Contacts and companies. */
    public CustomerBase customers() {
        return customers;
    }

    /** The timeline of every record. */
    public Timeline timeline() {
        return timeline;
    }

    /** Tasks and agendas. */
    public TaskPlanner tasks() {
        return tasks;
    }

    /** Lead statuses and owners. */
    public LeadQualification leads() {
        return leads;
    }

    /**
     * Lead scoring by the configured {@link Builder#scoringModel(ScoringModel) model}: scores with explanations,
     * stored with a lifecycle stage that only moves forward, and batch rescoring. To rescore on every relevant event,
     * pass {@link LeadScoring#subscriber()} on to the host's event handling.
     */
    public LeadScoring scoring() {
        return scoring;
    }

    /**
     * Lead assignment by a policy, on this store's assignment state, so every node sharing the store continues the
     * same rotations and quotas and never assigns a lead twice. Decisions are recorded on the timeline and published
     * as events. Cheap to call: it wires a new use case each time; keep it for repeated use.
     *
     * @param policy the policy, for example {@code Policies.roundRobin(routing, isAway)}
     * @param seed   the seed of rotation orders and tie breaks; every node must use the same, so they agree
     */
    public LeadAssignment assignment(AssignmentPolicy policy, long seed) {
        return new LeadAssignment(store.leads(), store.assignmentState(), Objects.requireNonNull(policy, "policy"),
                dev.crmkit.core.assignment.LeadProfile::of, timeline, context, seed, store.idempotencyKeys());
    }

    /**
     * Merging duplicate contacts and undoing merges, on the store's {@link CrmStore#contactMerges()}. Cheap to call: it
     * wires a new use case each time.
     */
    public dev.crmkit.core.merge.ContactMerging merging() {
        return new dev.crmkit.core.merge.ContactMerging(store.contacts(), store.contactMerges(), timeline, context,
                store.personalData()::isErased);
    }

    /**
     * Merging duplicate companies and undoing merges, on the store's {@link CrmStore#companyMerges()}. Cheap to call.
     */
    public dev.crmkit.core.merge.CompanyMerging companyMerging() {
        return new dev.crmkit.core.merge.CompanyMerging(store.companies(), store.companyMerges(), timeline, context);
    }

    /**
     * Merging duplicate leads and undoing merges, on the store's {@link CrmStore#leadMerges()}. Cheap to call.
     */
    public dev.crmkit.core.merge.LeadMerging leadMerging() {
        return new dev.crmkit.core.merge.LeadMerging(store.leads(), store.leadMerges(), timeline, context);
    }

    /**
     * Editing leads' submitted data (name, e-mail, phone, company name) under the duplicate rules for leads
     * ({@link Builder#duplicateRules}). Cheap to call: it wires a new use case each time.
     */
    public dev.crmkit.core.customer.LeadEditing leadEditing() {
        return new dev.crmkit.core.customer.LeadEditing(store.leads(), store.contacts(), timeline, tasks, auditLog,
                context, settings.duplicateRules(), settings.defaultRegion(), suppressions);
    }

    /**
     * A person's rights over their data: export and erasure, on the store's {@link CrmStore#personalData()}, with
     * the suppression list salted by {@link Builder#suppressionSalt}. Cheap to call: it wires a new use case each
     * time.
     */
    public dev.crmkit.core.privacy.PersonalDataRights personalData() {
        return new dev.crmkit.core.privacy.PersonalDataRights(new dev.crmkit.core.privacy.PersonalDataRights.Stores(
                store.contacts(), store.leads(), store.leadScores(), store.activities(), store.auditTrail(),
                store.personalData(), store.consentHistory(), store.leadMerges()), suppressions, auditLog, context);
    }

    /**
     * The suppression list of erased people's e-mails and phones (off without a
     * {@link Builder#suppressionSalt suppression salt}): code outside crm-core that adds e-mails or phones to a contact
     * (lead conversion) checks it.
     */
    public dev.crmkit.core.privacy.Suppressions suppressions() {
        return suppressions;
    }

    /**
     * Marketing consent per channel with its history, on the store's {@link CrmStore#consentHistory()}. Cheap to
     * call.
     */
    public dev.crmkit.core.privacy.Consents consents() {
        return new dev.crmkit.core.privacy.Consents(store.contacts(), store.consentHistory(), store.personalData(),
                auditedActor(), auditLog, context);
    }

    /**
     * The retention job of a policy on the store's {@link CrmStore#retentionStore()}: it anonymizes through the same
     * code as {@link #personalData()}'s erasure, acting as this crm's current actor. Cheap to call.
     */
    public dev.crmkit.core.privacy.RetentionJob retention(dev.crmkit.core.privacy.RetentionPolicy policy) {
        return new dev.crmkit.core.privacy.RetentionJob(personalData(), store.retentionStore(), policy);
    }

    /** Win probabilities: a lead's hand-typed one while set, else the model's. */
    public WinProbabilities winProbabilities() {
        return winProbabilities;
    }

    /**
     * crmkit as one actor sees it: reads restricted to the records the actor may view, per the organization stored in
     * {@link CrmStore#accessDirectory()} (read now: make a view per request). This {@code Crm}'s own use cases stay
     * unrestricted, as system work.
     */
    public ScopedCrm as(dev.crmkit.core.access.Actor actor) {
        return new ScopedCrm(this, actor, dev.crmkit.core.access.AccessPolicy.of(
                store.accessDirectory().organization()));
    }

    /**
     * Tells the views ({@link #as}) how to read the records of a type that another module keeps, as that module
     * stores them: crm-pipeline's {@code DealPipeline.Builder.build()} registers its deals, so a host does not call
     * this for crmkit's own modules. A timeline entry about such a record (a deal's stage change shown on its
     * contact's timeline) is shown through a view without the values of the record's fields the actor's role hides
     * ({@link ScopedCrm#timeline(RecordRef, PageRequest)}), and masked when the actor may not view the record; an
     * entry about a record of a type nobody registered, or that the reader does not find, cannot be decided on and is
     * masked ({@link ScopedCrm#NOT_VISIBLE_ENTRY}). The reader is called inside or outside a unit of work and must be thread-safe; registering a
     * type again replaces its reader.
     *
     * @param type   a type crm-core does not keep itself ({@link RecordType#DEAL})
     * @param reader the stored record with this id, a Java record whose components are named as the type's fields
     *               ({@link dev.crmkit.core.access.RecordFields}); empty when none is stored. Its {@code owner}
     *               component ({@code Optional<UserId>}) is what a view decides {@code VIEW} on; an entry about a
     *               record without one is masked ({@link ScopedCrm#NOT_VISIBLE_ENTRY})
     * @throws IllegalArgumentException for a contact, company, lead or task, which crm-core reads itself
     */
    public void readRecordsOf(RecordType type,
                              java.util.function.Function<java.util.UUID, Optional<? extends Record>> reader) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reader, "reader");
        if (type != RecordType.DEAL) {
            throw new IllegalArgumentException("type: crm-core reads its own " + type + " records");
        }
        keptElsewhere.put(type, reader);
    }

    /** The record another module keeps ({@link #readRecordsOf}); empty when none is registered for its type. */
    Optional<? extends Record> keptElsewhere(RecordRef ref) {
        java.util.function.Function<java.util.UUID, Optional<? extends Record>> reader = keptElsewhere.get(ref.type());
        return reader == null ? Optional.empty() : Objects.requireNonNull(reader.apply(ref.id()), "reader");
    }

    /** The builder's actor, or while a change made through {@link #as} runs on this thread, that view's actor. */
    private CurrentActor auditedActor() {
        return new CurrentActor() {
            @Override
            public dev.crmkit.core.access.Actor actor() {
                dev.crmkit.core.access.Actor view = viewActor.get();
                return view != null ? view : currentActor.actor();
            }

            @Override
            public dev.crmkit.core.access.Origin origin() {
                return currentActor.origin();
            }
        };
    }

    /** Runs a change made through a view as its actor, so that the audit trail names them. */
    <T> T actingAs(dev.crmkit.core.access.Actor actor, java.util.function.Supplier<T> change) {
        dev.crmkit.core.access.Actor before = viewActor.get();
        viewActor.set(actor);
        try {
            return change.get();
        } finally {
            if (before == null) {
                viewActor.remove();
            } else {
                viewActor.set(before);
            }
        }
    }

    /** {@link #as} the actor that the {@link Builder#actor(CurrentActor) CurrentActor} port names now. */
    public ScopedCrm asCurrentActor() {
        return as(currentActor.actor());
    }

    /** The store, for reads the use cases do not cover. */
    public CrmStore store() {
        return store;
    }

    /** The clock in use. */
    public Clock clock() {
        return clock;
    }

    /** Where the ids of new records come from; modules built on this Crm (crm-pipeline's) use it too by default. */
    public IdGenerator ids() {
        return context.ids();
    }

    /**
     * The subscriber set with {@link Builder#events}, which modules built on this Crm publish their events to by
     * default; a discarding one when none was set.
     */
    public DomainEvents subscriber() {
        return subscriber;
    }

    /**
     * Wires crmkit. Each setting may be set once; {@link #build()} fails fast, naming the setting, when a required one
     * is missing. Not thread-safe.
     */
    public static final class Builder {
        private CrmStore store;
        private Clock clock;
        private IdGenerator ids;
        private DomainEvents subscriber;
        private boolean rescoreOnEvents;
        private Validator validator;
        private String defaultRegion;
        private Set<String> publicEmailDomains;
        private Duration followUpWithin;
        private dev.crmkit.core.duplicate.DuplicateRules duplicateRules;
        private ScoringModel scoringModel;
        private CurrentActor actor;
        private byte[] suppressionSalt;

        private Builder() {
        }

        private static void once(Object current, String setting) {
            if (current != null) {
                throw new IllegalStateException(setting + " was already set to " + current);
            }
        }

        /** Required: where everything is stored, for example {@code InMemoryCrmStore.create()}. */
        public Builder store(CrmStore value) {
            once(store, "store");
            store = Objects.requireNonNull(value, "store");
            return this;
        }

        /**
         * Who is acting, as the audit trail records it; default {@link CurrentActor#unnamedHost()} (the system actor
         * {@code host} through the API).
         */
        public Builder actor(CurrentActor value) {
            once(actor, "actor");
            actor = Objects.requireNonNull(value, "actor");
            return this;
        }

        /**
         * The secret salt of the suppression list (at least 16 bytes, the same on every node and across restarts):
         * erased people's e-mails and phones are kept only as salted hashes, and a capture of one is
         * {@link dev.crmkit.core.capture.CaptureOutcome.Suppressed}. Default none: nothing is suppressed and
         * {@link dev.crmkit.core.privacy.PersonalDataRights#erase} is refused.
         */
        public Builder suppressionSalt(byte[] value) {
            once(suppressionSalt == null ? null : "(a salt)", "suppressionSalt");
            Objects.requireNonNull(value, "suppressionSalt");
            dev.crmkit.core.privacy.Suppressions.of(dev.crmkit.core.privacy.SuppressionList.unsupported(), value);
            suppressionSalt = value.clone();
            return this;
        }

        /** The clock all times come from; default {@link Clock#systemUTC()}. */
        public Builder clock(Clock value) {
            once(clock, "clock");
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Where new ids come from; default {@link IdGenerator#timeOrdered(Clock)} on the {@link #clock} in use. */
        public Builder ids(IdGenerator value) {
            once(ids, "ids");
            ids = Objects.requireNonNull(value, "ids");
            return this;
        }

        /** Who receives the domain events after each unit of work commits; default nobody. */
        public Builder events(DomainEvents value) {
            once(subscriber, "events");
            subscriber = Objects.requireNonNull(value, "events");
            return this;
        }

        /**
         * A host's Jakarta validator for the commands entering crmkit (its configuration, its messages); default
         * crmkit's own plain-Java checks, which need no Jakarta Validation on the class path.
         */
        public Builder validator(Validator value) {
            once(validator, "validator");
            validator = Objects.requireNonNull(value, "validator");
            return this;
        }

        /** Required: the ISO 3166 region phone numbers without a country code are read in, for example {@code DE}. */
        public Builder defaultRegion(String value) {
            once(defaultRegion, "defaultRegion");
            defaultRegion = Objects.requireNonNull(value, "defaultRegion");
            return this;
        }

        /** The free mail domains that never make a company; default the bundled list. */
        public Builder publicEmailDomains(Set<String> value) {
            once(publicEmailDomains, "publicEmailDomains");
            publicEmailDomains = Set.copyOf(value);
            return this;
        }

        /** When the follow-up task of a new lead's owner is due; default 24 hours; zero turns it off. */
        public Builder followUpWithin(Duration value) {
            once(followUpWithin, "followUpWithin");
            followUpWithin = Objects.requireNonNull(value, "followUpWithin");
            return this;
        }

        /**
         * What lead capture and the customer base do with a new or edited record that looks like a stored one, per
         * record type and channel ({@link dev.crmkit.core.duplicate.DuplicateRules#forRecord}); default: allow.
         */
        public Builder duplicateRules(dev.crmkit.core.duplicate.DuplicateRules value) {
            once(duplicateRules, "duplicateRules");
            duplicateRules = Objects.requireNonNull(value, "duplicateRules");
            return this;
        }

        /** The lead scoring model; default {@link ScoringModel#standard()}. */
        public Builder scoringModel(ScoringModel value) {
            once(scoringModel, "scoringModel");
            scoringModel = Objects.requireNonNull(value, "scoringModel");
            return this;
        }

        /**
         * Rescores a lead whenever something relevant to it has committed: its capture, a repeat submission folded
         * into it, an activity logged about it (see {@link LeadScoring#leadAffectedBy}). Each rescoring runs in a unit
         * of work of its own after the event's unit committed, and publishes its score events in turn. Default off:
         * call {@link LeadScoring#rescoreAll} or pass {@link LeadScoring#subscriber()} on yourself.
         */
        public Builder rescoreOnEvents() {
            if (rescoreOnEvents) {
                throw new IllegalStateException("rescoreOnEvents was already set");
            }
            rescoreOnEvents = true;
            return this;
        }

        /**
         * Wires crmkit.
         *
         * @throws IllegalStateException naming the first required setting that is missing, or when events are asked
         *                               for ({@link #events}, {@link #rescoreOnEvents}) from a store that cannot
         *                               deliver them (one joined to host transactions without a commit hook)
         */
        public Crm build() {
            if (store == null) {
                throw new IllegalStateException("store was not set: call store(...), for example with "
                        + "InMemoryCrmStore.create() from crm-adapters");
            }
            if (defaultRegion == null) {
                throw new IllegalStateException("defaultRegion was not set: call defaultRegion(\"DE\") with the region "
                        + "national phone numbers are read in");
            }
            if (clock == null) {
                clock = Clock.systemUTC();
            }
            if (ids == null) {
                ids = IdGenerator.timeOrdered(clock);
            }
            if ((subscriber != null || rescoreOnEvents) && !store.transactions().deliversEvents()) {
                throw new IllegalStateException((subscriber != null ? "events(...)" : "rescoreOnEvents()")
                        + " cannot be delivered by this store: it joins the host's transactions without a way to "
                        + "learn of their commit, so events would be dropped; deliver them with the outbox relay "
                        + "(JdbcCrmStore#outboxRelay), or build the store with joinHostTransactions(HostCommit)");
            }
            if (subscriber == null) {
                subscriber = DomainEvents.discarding();
            }
            return new Crm(this);
        }
    }
}
