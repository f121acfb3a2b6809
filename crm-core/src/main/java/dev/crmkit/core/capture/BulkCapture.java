package dev.crmkit.core.capture;

import dev.crmkit.core.activity.Timeline;
import dev.crmkit.core.company.WebDomain;
import dev.crmkit.core.customfield.CustomFieldSchema;
import dev.crmkit.core.customfield.CustomFieldSchemas;
import dev.crmkit.core.duplicate.DuplicateAction;
import dev.crmkit.core.kernel.Context;
import dev.crmkit.core.kernel.DomainEvent;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.PhoneNumber;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.Transactions;
import dev.crmkit.core.task.TaskPlanner;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Captures a chunk of submissions at once, with the outcomes {@link LeadCapture#capture} gives them one by one, in
 * order, but with a handful of statements for the whole chunk instead of several per submission:
 * <ol>
 *   <li>every submission is normalized; a bad one is {@link CaptureOutcome.Rejected} with each field and rule, as
 *       one by one, and takes no further part;</li>
 *   <li>what the chunk's e-mails, phones, external ids, company domains and names meet in the store is read at once
 *       ({@link CaptureBatches#find}), the contacts found locked for the unit of work;</li>
 *   <li>each submission is captured, in order, by the same code as one by one, against a stage of what was read and
 *       what the chunk's earlier submissions staged: a person repeated within the chunk folds into the lead the
 *       chunk created for them, a known person gets their stored contact and open lead, exactly as one by one;</li>
 *   <li>what was staged is written at once ({@link CaptureBatches#write}): the JDBC store claims the new keys with one
 *       multi-row statement per key table and writes rows with multi-row inserts (COPY on PostgreSQL) and the
 *       changes of leads stored before set-based; then the events are published, in order, into the store's
 *       outbox.</li>
 * </ol>
 * A key another node claimed between the read and the write (a person captured there meanwhile) fails the write with
 * a conflict; the chunk's unit of work then runs again from the read, and meets that node's records as a capture one
 * by one would have. Called inside a unit of work, the chunk joins it and a conflict propagates to the caller.
 *
 * <p>With a duplicate rule other than {@link DuplicateAction#ALLOW} for contacts or for leads through a submission's
 * channel, capture scores candidates by name with queries no stage can answer, so such a chunk is captured one by one
 * (with the same outcomes, at the speed of one by one). Thread-safe.
 */
public final class BulkCapture {

    private final LeadCapture single;
    private final CaptureBatches store;
    private final CustomFieldSchemas schemas;
    private final Context context;

    /**
     * Wires bulk capture; {@link dev.crmkit.core.Crm#bulkCapture()} does this for you.
     *
     * @param single  the capture one by one, whose settings and normalization the chunk shares
     * @param store   the store's batches
     * @param schemas the custom field schemas
     * @param context the same context as {@code single}'s
     */
    public BulkCapture(LeadCapture single, CaptureBatches store, CustomFieldSchemas schemas, Context context) {
        this.single = Objects.requireNonNull(single, "single");
        this.store = Objects.requireNonNull(store, "store");
        this.schemas = Objects.requireNonNull(schemas, "schemas");
        this.context = Objects.requireNonNull(context, "context");
    }

    /**
     * Captures the submissions as one chunk, in one unit of work (or the caller's), with the outcomes of
     * {@code captureAll(prepare(submissions))}. The chunk is normalized inside that unit, against the lead schema read
     * there (one read, not two): the host's {@code Validator}, if it passed one, then runs with the unit open, and
     * again if a conflict makes the unit run again. Even a chunk whose every submission is refused opens a unit to
     * read the schema, so a store that cannot be reached fails the call rather than return the refusals. To normalize
     * outside the unit (on another thread, ahead of time), use {@link #prepare} and {@link #captureAll(Prepared)}.
     *
     * @return each submission's outcome, in the order given
     */
    public List<CaptureOutcome> captureAll(List<LeadSubmission> submissions) {
        List<LeadSubmission> all = List.copyOf(Objects.requireNonNull(submissions, "submissions"));
        if (capturedOneByOne(all)) {
            return oneByOne(all);
        }
        // the schema read once, in the chunk's unit: nothing to compare it with
        return context.transactions().inTransactionRetrying(LeadCapture.CONFLICT_ATTEMPTS,
                () -> captureNow(prepare(all, schemas.schemaFor(RecordType.LEAD))));
    }

    /**
     * Normalizes a chunk ahead of its capture: the work of a chunk that reads nothing but the lead schema and
     * depends on nothing stored, so it can run on another thread while the chunk before is captured (an import
     * normalizes chunk N+1 while chunk N's statements run: see {@link #captureAll(Prepared)}). Thread-safe.
     *
     * <p>It reads no clock: every time a capture records (the lead's, its timeline's, its follow-up task's) is read
     * by {@link #captureAll(Prepared)}, so a caller that sets the clock for a chunk (an import replaying the times
     * rows were submitted) may prepare the next chunk while the clock stands at another time. The host's
     * {@code Validator}, if it passed one, runs here too: it must not read crmkit's clock either.
     *
     * @param submissions the chunk, in order
     * @return the chunk, normalized, to hand to {@link #captureAll(Prepared)} of this bulk capture
     */
    public Prepared prepare(List<LeadSubmission> submissions) {
        List<LeadSubmission> all = List.copyOf(Objects.requireNonNull(submissions, "submissions"));
        return capturedOneByOne(all) ? new Prepared(this, all) : prepare(all, schemas.schemaFor(RecordType.LEAD));
    }

    /**
     * Prepares several chunks at once, as {@link #prepare} prepares each, reading the lead schema once for all of them
     * (an import prepares each run of rows submitted at the same time as a chunk of its own).
     *
     * @param chunks the chunks, in order
     * @return each chunk prepared, in the order given
     */
    public List<Prepared> prepareEach(List<List<LeadSubmission>> chunks) {
        Objects.requireNonNull(chunks, "chunks");
        CustomFieldSchema schema = null;
        List<Prepared> out = new ArrayList<>(chunks.size());
        for (List<LeadSubmission> chunk : chunks) {
            List<LeadSubmission> all = List.copyOf(Objects.requireNonNull(chunk, "chunk"));
            if (capturedOneByOne(all)) {
                out.add(new Prepared(this, all));
            } else {
                schema = schema != null ? schema : schemas.schemaFor(RecordType.LEAD);
                out.add(prepare(all, schema));
            }
        }
        return out;
    }

    private Prepared prepare(List<LeadSubmission> all, CustomFieldSchema schema) {
        CaptureOutcome[] outcomes = new CaptureOutcome[all.size()];
        List<Integer> valid = new ArrayList<>();
        List<LeadCapture.NormalizedSubmission> normalized = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            LeadCapture.Normalized n = single.normalize(all.get(i), schema);
            if (n.submission().isEmpty()) {
                outcomes[i] = new CaptureOutcome.Rejected(n.violations());
            } else {
                valid.add(i);
                normalized.add(n.submission().get());
            }
        }
        List<String> fingerprints = new ArrayList<>(normalized.size()); // may hold nulls: not List.copyOf
        normalized.forEach(n -> fingerprints.add(LeadCapture.fingerprintOf(n)));
        return new Prepared(this, all, schema, outcomes, List.copyOf(valid), List.copyOf(normalized),
                Collections.unmodifiableList(fingerprints), normalized.isEmpty() ? null : keysOf(normalized));
    }

    /**
     * Captures a chunk {@link #prepare prepared} by this bulk capture, in one unit of work (or the caller's), with
     * the outcomes {@link #captureAll(List)} gives the same submissions now. The lead schema is read again in the
     * unit of work: if it changed since the chunk was prepared (a custom field became required, a new one was
     * defined), the chunk is prepared again against the schema now, so no row is judged by rules that no longer hold.
     * Run again (a retried unit), it captures the chunk again from the same normalized submissions, or, if the
     * schema changed in between, normalizes them again against the schema of that run.
     *
     * @return each submission's outcome, in the order given to {@link #prepare}
     * @throws IllegalArgumentException when another bulk capture prepared the chunk
     */
    public List<CaptureOutcome> captureAll(Prepared chunk) {
        Objects.requireNonNull(chunk, "chunk");
        if (chunk.by != this) {
            throw new IllegalArgumentException("chunk: prepared by another bulk capture (settings and schemas may "
                    + "differ); prepare it with this one");
        }
        if (chunk.schema == null) {
            return oneByOne(chunk.all);
        }
        return context.transactions().inTransactionRetrying(LeadCapture.CONFLICT_ATTEMPTS, () -> {
            CustomFieldSchema now = schemas.schemaFor(RecordType.LEAD);
            return captureNow(now.equals(chunk.schema) ? chunk : prepare(chunk.all, now));
        });
    }

    /** Captures a chunk prepared against the schema of the running unit of work. */
    private List<CaptureOutcome> captureNow(Prepared chunk) {
        CaptureOutcome[] outcomes = chunk.rejected.clone();
        if (!chunk.normalized.isEmpty()) {
            List<CaptureOutcome> captured = captureStaged(chunk.normalized, chunk.fingerprints, chunk.keys);
            for (int k = 0; k < chunk.valid.size(); k++) {
                outcomes[chunk.valid.get(k)] = captured.get(k);
            }
        }
        return List.of(outcomes);
    }

    /** A duplicate rule that scores names: such a chunk is captured one by one. */
    private boolean capturedOneByOne(List<LeadSubmission> all) {
        return all.stream().anyMatch(s -> checksDuplicates(s.channel()));
    }

    private List<CaptureOutcome> oneByOne(List<LeadSubmission> all) {
        List<CaptureOutcome> out = new ArrayList<>(all.size());
        all.forEach(s -> out.add(single.capture(s)));
        return out;
    }

    /**
     * A chunk of submissions normalized by {@link #prepare}, waiting for {@link #captureAll(Prepared)}: the bad ones
     * already rejected, the others normalized and their keys gathered, with the lead schema they were judged by.
     * Immutable and thread-safe.
     */
    public static final class Prepared {
        private final BulkCapture by;
        private final List<LeadSubmission> all;
        private final CustomFieldSchema schema; // null: captured one by one
        private final CaptureOutcome[] rejected;
        private final List<Integer> valid;
        private final List<LeadCapture.NormalizedSubmission> normalized;
        private final List<String> fingerprints; // each normalized submission's, ahead of its capture
        private final CaptureBatches.Keys keys;

        /** A chunk captured one by one. */
        private Prepared(BulkCapture by, List<LeadSubmission> all) {
            this(by, all, null, null, List.of(), List.of(), List.of(), null);
        }

        private Prepared(BulkCapture by, List<LeadSubmission> all, CustomFieldSchema schema,
                         CaptureOutcome[] rejected, List<Integer> valid,
                         List<LeadCapture.NormalizedSubmission> normalized, List<String> fingerprints,
                         CaptureBatches.Keys keys) {
            this.by = by;
            this.all = all;
            this.schema = schema;
            this.rejected = rejected;
            this.valid = valid;
            this.normalized = normalized;
            this.fingerprints = fingerprints;
            this.keys = keys;
        }

        /** How many submissions the chunk has. */
        public int size() {
            return all.size();
        }
    }

    /** Whether a rule for contacts or for leads through this channel looks fuzzy candidates up. */
    private boolean checksDuplicates(dev.crmkit.core.lead.Channel channel) {
        dev.crmkit.core.duplicate.DuplicateRules rules = single.settings().duplicateRules();
        return rules.forChannel(channel) != DuplicateAction.ALLOW
                || rules.forRecord(RecordType.LEAD, java.util.Optional.of(channel)) != DuplicateAction.ALLOW;
    }

    private List<CaptureOutcome> captureStaged(List<LeadCapture.NormalizedSubmission> chunk,
                                               List<String> fingerprints, CaptureBatches.Keys keys) {
        CaptureStage stage = CaptureStage.held(store, keys);
        List<DomainEvent> events = new ArrayList<>();
        Context staged = new Context(new Staged(), events::add, context.validation(), context.clock(),
                context.ids());
        LeadCapture capture = new LeadCapture(stage.new StagedContacts(), stage.new StagedCompanies(),
                stage.new StagedLeads(), schemas, new Timeline(stage.new StagedActivities(), staged),
                new TaskPlanner(stage.new StagedTasks(), staged), single.settings(), staged,
                dev.crmkit.core.idempotency.IdempotencyKeys.unsupported(), single.suppressions(),
                single.consentHistory(), single.actor());
        List<CaptureOutcome> out = new ArrayList<>(chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
            out.add(capture.captureNormalized(chunk.get(i), fingerprints.get(i)));
        }
        if (!stage.writes().isEmpty()) {
            store.write(stage.writes());
        }
        context.events().publishAll(events);
        return out;
    }

    private CaptureBatches.Keys keysOf(List<LeadCapture.NormalizedSubmission> chunk) {
        Set<EmailAddress> emails = new HashSet<>();
        Set<PhoneNumber> phones = new HashSet<>();
        Set<String> externalIds = new HashSet<>();
        Set<WebDomain> domains = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (LeadCapture.NormalizedSubmission s : chunk) {
            s.email().ifPresent(emails::add);
            s.phone().ifPresent(phones::add);
            s.externalId().ifPresent(externalIds::add);
            single.companyDomain(s).ifPresent(domains::add);
            if (!s.companyName().isEmpty()) {
                names.add(s.companyName());
            }
        }
        return new CaptureBatches.Keys(emails, phones, externalIds, domains, names);
    }

    /** The stage's units of work: the chunk's own, which is already running. */
    private static final class Staged implements Transactions {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }

        @Override
        public boolean inUnitOfWork() {
            return true;
        }
    }
}
