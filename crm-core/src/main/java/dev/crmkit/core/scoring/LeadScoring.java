package dev.crmkit.core.scoring;

import dev.crmkit.core.activity.Activities;
import dev.crmkit.core.activity.ActivityEvent;
import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.activity.TimelineFilter;
import dev.crmkit.core.company.Companies;
import dev.crmkit.core.contact.Contacts;
import dev.crmkit.core.kernel.Context;
import dev.crmkit.core.kernel.DomainEvent;
import dev.crmkit.core.kernel.DomainEvents;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadEvent;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.lead.Leads;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The scoring use case: scores a lead from its facts (the lead, its contact and company, the newest
 * {@value #TIMELINE_WINDOW} entries of its timeline), stores the score with a stage that only moves forward, and
 * publishes {@link ScoreEvent}s when something changed. Rescoring runs when something relevant happens (wire
 * {@link #subscriber()} to the store's events) and for all leads as a batch job ({@link #rescoreAll}). Thread-safe.
 */
public final class LeadScoring {

    /** How many of a lead's newest timeline entries scoring reads. */
    public static final int TIMELINE_WINDOW = 1000;

    private final Leads leads;
    private final Contacts contacts;
    private final Companies companies;
    private final Activities activities;
    private final LeadScores scores;
    private final ScoringModel model;
    private final Context context;

    /** Wires the use case. */
    public LeadScoring(Leads leads, Contacts contacts, Companies companies, Activities activities, LeadScores scores,
                       ScoringModel model, Context context) {
        this.leads = Objects.requireNonNull(leads, "leads");
        this.contacts = Objects.requireNonNull(contacts, "contacts");
        this.companies = Objects.requireNonNull(companies, "companies");
        this.activities = Objects.requireNonNull(activities, "activities");
        this.scores = Objects.requireNonNull(scores, "scores");
        this.model = Objects.requireNonNull(model, "model");
        this.context = Objects.requireNonNull(context, "context");
    }

    /** The model in use. */
    public ScoringModel model() {
        return model;
    }

    /**
     * The lead's score as of now, with its explanation, without storing anything.
     *
     * @throws ValidationException if there is no such lead
     */
    public Score preview(LeadId id) {
        return model.score(facts(require(id)), context.clock().instant());
    }

    /**
     * Scores the lead now, stores the score and publishes what changed.
     *
     * @throws ValidationException if there is no such lead
     */
    public Rescored rescore(LeadId id) {
        return context.transactions().inTransaction(() -> {
            Lead lead = require(id);
            Instant now = context.clock().instant();
            Score score = model.score(facts(lead), now);
            Rescored rescored = apply(lead.id(), score, scores.find(lead.id()), now);
            scores.saveAll(List.of(rescored.stored()));
            return rescored;
        });
    }

    /**
     * Rescores every open lead, for decay or after a model change: reads leads a page of {@code chunkSize} at a
     * time, reads their previous scores in one call, scores them, and writes the chunk's scores in one
     * {@link LeadScores#saveAll} call in one unit of work, then reports progress. Memory stays at one chunk whatever
     * the number of leads.
     *
     * @param chunkSize leads per chunk, 1 to {@value PageRequest#MAX_SIZE}
     * @param progress  told after each chunk
     * @return the final progress
     */
    public RescoringProgress rescoreAll(int chunkSize, Consumer<RescoringProgress> progress) {
        Objects.requireNonNull(progress, "progress");
        if (chunkSize < 1 || chunkSize > PageRequest.MAX_SIZE) {
            throw ValidationException.of("chunkSize", "range", "a chunk is 1 to " + PageRequest.MAX_SIZE
                    + " leads, got " + chunkSize);
        }
        long total = leads.count();
        long read = 0;
        long scored = 0;
        long changed = 0;
        RescoringProgress report = new RescoringProgress(0, total, 0, 0);
        Optional<PageRequest> request = Optional.of(PageRequest.first(chunkSize));
        while (request.isPresent()) {
            Page<Lead> page = leads.findAll(request.get());
            List<Lead> open = page.items().stream().filter(Lead::isOpen).toList();
            long chunkChanged = context.transactions().inTransaction(() -> rescoreChunk(open));
            read += page.items().size();
            scored += open.size();
            changed += chunkChanged;
            report = new RescoringProgress(read, total, scored, changed);
            progress.accept(report);
            request = request.get().next(page);
        }
        return report;
    }

    private long rescoreChunk(List<Lead> chunk) {
        if (chunk.isEmpty()) {
            return 0;
        }
        Instant now = context.clock().instant();
        Map<LeadId, LeadScore> previous = scores.findAll(chunk.stream().map(Lead::id).toList());
        List<LeadScore> toSave = new ArrayList<>(chunk.size());
        long changed = 0;
        for (Lead lead : chunk) {
            Rescored rescored = apply(lead.id(), model.score(facts(lead), now),
                    Optional.ofNullable(previous.get(lead.id())), now);
            toSave.add(rescored.stored());
            changed += rescored.changed() ? 1 : 0;
        }
        scores.saveAll(toSave);
        return changed;
    }

    /**
     * The lead an event makes worth rescoring: a new or folded lead, or a timeline entry (other than crmkit's own
     * system entries) about a lead; of an entry about several leads, the first it names.
     */
    public Optional<LeadId> leadAffectedBy(DomainEvent event) {
        if (event instanceof LeadEvent.LeadCaptured captured) {
            return Optional.of(captured.leadId());
        }
        if (event instanceof LeadEvent.DuplicateSubmissionFolded folded) {
            return Optional.of(folded.leadId());
        }
        if (event instanceof ActivityEvent.ActivityLogged logged && logged.type() != ActivityType.SYSTEM) {
            // the first lead in the order the activity names its records, the same on every node and every run
            return logged.about().stream().filter(r -> r.type() == RecordType.LEAD).map(r -> new LeadId(r.id()))
                    .findFirst();
        }
        return Optional.empty();
    }

    /**
     * A subscriber that rescores the lead of each relevant event (see {@link #leadAffectedBy}); chain it into the
     * store's event subscriber so scores follow what happens.
     */
    public DomainEvents subscriber() {
        return event -> leadAffectedBy(event).filter(id -> leads.findById(id).isPresent()).ifPresent(this::rescore);
    }

    private Rescored apply(LeadId id, Score score, Optional<LeadScore> previous, Instant now) {
        LifecycleStage before = previous.map(LeadScore::stage).orElse(LifecycleStage.LEAD);
        LifecycleStage stage = before.atLeast(score.stage());
        LeadScore stored = new LeadScore(id, score.value(), score.temperature(), stage, now);
        boolean scoreChanged = previous.isEmpty() || previous.get().score() != score.value()
                || previous.get().temperature() != score.temperature();
        if (scoreChanged) {
            context.events().publish(new ScoreEvent.LeadScoreChanged(id, score.value(), score.temperature(), now));
        }
        if (stage != before) {
            context.events().publish(new ScoreEvent.LifecycleStageAdvanced(id, before, stage, score.value(), now));
        }
        return new Rescored(score, stored, previous, scoreChanged || stage != before);
    }

    private LeadFacts facts(Lead lead) {
        return new LeadFacts(lead, contacts.findById(lead.contactId()), lead.companyId().flatMap(companies::findById),
                activities.timeline(new RecordRef(RecordType.LEAD, lead.id().value()), TimelineFilter.everything(),
                        PageRequest.first(TIMELINE_WINDOW)).items());
    }

    private Lead require(LeadId id) {
        return leads.findById(Objects.requireNonNull(id, "id"))
                .orElseThrow(() -> ValidationException.of("leadId", "exists", "there is no lead " + id));
    }

    /**
     * The result of rescoring one lead.
     *
     * @param score    the score with its explanation
     * @param stored   what was stored
     * @param previous the score stored before, if any
     * @param changed  whether score, temperature or stage changed
     */
    public record Rescored(Score score, LeadScore stored, Optional<LeadScore> previous, boolean changed) {
        /** Validates presence. */
        public Rescored {
            Objects.requireNonNull(score, "score");
            Objects.requireNonNull(stored, "stored");
            Objects.requireNonNull(previous, "previous");
        }
    }
}
