package dev.crmkit.examples.cli.bench;

import dev.crmkit.adapters.jdbc.CrmSchema;
import dev.crmkit.adapters.jdbc.Dialect;
import dev.crmkit.adapters.jdbc.JdbcCrmStore;
import dev.crmkit.adapters.jdbc.RotationTickets;
import dev.crmkit.adapters.jdbc.RotationTicketsInUse;
import dev.crmkit.adapters.memory.InMemoryCrmStore;
import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmStore;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.TimelineFilter;
import dev.crmkit.core.assignment.AssignmentOutcome;
import dev.crmkit.core.assignment.LeadAssignment;
import dev.crmkit.core.assignment.Member;
import dev.crmkit.core.assignment.Policies;
import dev.crmkit.core.assignment.Routing;
import dev.crmkit.core.assignment.Team;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.kernel.ConflictException;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.scoring.LeadScore;
import dev.crmkit.core.scoring.LeadScoring;
import dev.crmkit.core.scoring.RescoringProgress;
import dev.crmkit.core.scoring.Score;
import dev.crmkit.core.scoring.Temperature;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Lead scoring and round-robin assignment, each next to the minimum work it stands on, in one run:
 * <ol>
 *   <li><em>scoring</em>: {@link LeadScoring#rescoreAll} over every lead with the standard model (every score with
 *       its explanation: rules fired, points, decay, group caps), chunks read a page at a time and written in one
 *       call per chunk; the baseline reads the same rule inputs (the lead pages, each lead's contact, company and
 *       timeline window) and adds up a trivial sum over them, with no model and no writes;</li>
 *   <li><em>assignment</em>: {@link LeadAssignment#assign} of every lead round robin to the seven people of
 *       {@link #TEAM}: in memory one node on one thread; on a database {@value #NODES} nodes (each its own pool,
 *       store and {@link Crm}, all with the same seed) on one thread each, every thread assigning its own quarter of
 *       the leads; on PostgreSQL the stores take rotation tickets from a sequence per rotation (a store's default,
 *       {@link JdbcCrmStore.Builder#rotationTicketsFromSequence()}), ahead of the units with
 *       {@link Settings#ticketsAhead()} ({@link JdbcCrmStore.Builder#rotationTicketsAhead()}), both skipping no turn
 *       here, as every lead is assigned once, or inside them on the rotation's row with
 *       {@link Settings#strictRotation()} ({@link JdbcCrmStore.Builder#strictRotation()}); the result names the mode
 *       the stores used ({@link JdbcCrmStore#rotationTickets()}).
 *       The baseline writes an owner to every lead again without a policy: in memory by the {@code Leads} port's
 *       update, on a database by a plain {@value #UPDATE_SQL} per lead in auto-commit from {@value #NODES}
 *       threads. On PostgreSQL and MariaDB a second baseline follows, <em>the write set by hand</em>
 *       ({@link WriteSetBaseline}): the rows an assignment writes (ticket, claim, owner, timeline entry with its about
 *       rows, three outbox rows) in plain JDBC, one transaction and one round trip per lead, on the same threads, so
 *       the report shows crmkit's overhead over the work it cannot avoid as well as over a bare owner write.</li>
 * </ol>
 * After each assignment pass every lead is checked to have exactly one owner from the team, written once, and the
 * counts per person to differ by at most one; a broken check fails the run. Every store is first warmed up by all
 * passes on a separate, smaller set of leads; on a database the tables (prefix {@value #PREFIX}) are dropped and
 * migrated before the warm-up and before the timed passes, and dropped at the end.
 */
public final class ScoringBenchmark {

    /** The prefix of the benchmark's tables on a database: nothing else is dropped. */
    public static final String PREFIX = JdbcBenchmark.PREFIX;

    /** The sales team the leads are assigned to. */
    public static final Team TEAM = Team.of("sales", "ana", "ben", "cem", "dora", "eli", "fay", "gus");

    /** How many application nodes share the database in the assignment pass. */
    public static final int NODES = 4;

    /** The plain owner write of the baseline on a database; {@code <prefix>} stands for the table prefix. */
    static final String UPDATE_SQL = "UPDATE <prefix>lead SET owner_id = ?, version = version + 1 WHERE id = ? "
            + "AND version = ?";

    private static final List<UserId> PEOPLE = TEAM.members().stream().map(Member::user).toList();

    private final Settings settings;
    private final BiFunction<CrmStore, IdGenerator, Crm> crms;
    private final Consumer<String> phases;

    /**
     * What to run.
     *
     * @param leads  how many leads the timed passes score and assign
     * @param warmup how many leads the warm-up passes use, 1 to {@code leads}
     * @param chunk  leads per rescoring chunk and per baseline page, 1 to {@value PageRequest#MAX_SIZE}
     * @param seed   the seed of the leads, their histories, the ids and the rotation
     * @param strictRotation whether the database stores take every rotation ticket inside the assignment's unit
     *                       ({@link JdbcCrmStore.Builder#strictRotation()}); a store's default takes it from a
     *                       sequence on PostgreSQL
     * @param ticketsAhead   whether the database stores take rotation tickets ahead of the assignment's unit
     *                       ({@link JdbcCrmStore.Builder#rotationTicketsAhead()}); not with {@code strictRotation}
     */
    public record Settings(int leads, int warmup, int chunk, long seed, boolean strictRotation,
                           boolean ticketsAhead) {
        /** Validates the figures. */
        public Settings {
            if (leads < 1 || warmup < 1 || warmup > leads || chunk < 1 || chunk > PageRequest.MAX_SIZE) {
                throw new IllegalArgumentException("need at least one lead, a warm-up of 1 to all of them and a "
                        + "chunk of 1 to " + PageRequest.MAX_SIZE);
            }
            if (strictRotation && ticketsAhead) {
                throw new IllegalArgumentException("strict rotation and tickets ahead exclude each other");
            }
        }

        /** Settings with the stores' default: rotation tickets from a sequence (on PostgreSQL). */
        public Settings(int leads, int warmup, int chunk, long seed) {
            this(leads, warmup, chunk, seed, false, false);
        }
    }

    /**
     * The scoring figures of one store.
     *
     * @param leads         leads read
     * @param scored        open leads scored by crmkit
     * @param crmkitNanos   how long {@code rescoreAll} took
     * @param baselineNanos how long reading the inputs and summing them took
     * @param baselineSum   the baseline's sum (reported so the work cannot be optimized away)
     * @param temperatures  stored scores per temperature after the crmkit pass
     * @param averageScore  the mean stored score
     * @param example       the explanation of the highest-scored lead
     */
    public record ScoringResult(long leads, long scored, long crmkitNanos, long baselineNanos, long baselineSum,
                                Map<Temperature, Long> temperatures, double averageScore, List<String> example) {
        /** Copies the collections. */
        public ScoringResult {
            temperatures = Collections.unmodifiableMap(new EnumMap<>(temperatures));
            example = List.copyOf(example);
        }

        /** Leads scored per second through crmkit. */
        public double crmkitPerSecond() {
            return scored * 1e9 / Math.max(1, crmkitNanos);
        }

        /** Leads read and summed per second by the baseline. */
        public double baselinePerSecond() {
            return leads * 1e9 / Math.max(1, baselineNanos);
        }

        /** How many times as long crmkit takes as the baseline. */
        public double ratio() {
            return (double) crmkitNanos / Math.max(1, baselineNanos);
        }
    }

    /**
     * The assignment figures of one store.
     *
     * @param nodes          application nodes
     * @param threads        threads in all
     * @param decisions      leads assigned by crmkit (one decision each)
     * @param crmkitNanos    how long the crmkit decisions took
     * @param baselineNanos  how long the plain owner writes took
     * @param counts         leads per person after the crmkit pass
     * @param baselineCounts leads per person after the baseline pass
     * @param reruns         units of work run again after a conflict (a deadlock victim)
     * @param writeSet       the second baseline, the write set by hand, on PostgreSQL and MariaDB; empty elsewhere
     * @param tickets        how the stores took rotation tickets, as the first node's store says
     *                       ({@link JdbcCrmStore#rotationTickets()}); empty in memory
     */
    public record AssignmentResult(int nodes, int threads, long decisions, long crmkitNanos, long baselineNanos,
                                   Map<String, Long> counts, Map<String, Long> baselineCounts, long reruns,
                                   Optional<WriteSetResult> writeSet,
                                   Optional<RotationTicketsInUse> tickets) {
        /** Copies the maps. */
        public AssignmentResult {
            counts = Collections.unmodifiableMap(new TreeMap<>(counts));
            baselineCounts = Collections.unmodifiableMap(new TreeMap<>(baselineCounts));
            Objects.requireNonNull(writeSet, "writeSet");
            Objects.requireNonNull(tickets, "tickets");
        }

        /**
         * How the stores took rotation tickets, for reports: {@link RotationTicketsInUse#toString()}, or
         * {@code "in memory"}.
         */
        public String ticketsText() {
            return tickets.map(RotationTicketsInUse::toString).orElse("in memory");
        }

        /** Whether the stores took rotation tickets ahead of the assignment's unit. */
        public boolean ticketsAhead() {
            return tickets.map(t -> t.mode() == RotationTickets.AHEAD).orElse(false);
        }

        /** Decisions per second through crmkit. */
        public double crmkitPerSecond() {
            return decisions * 1e9 / Math.max(1, crmkitNanos);
        }

        /** Owner writes per second without a policy. */
        public double baselinePerSecond() {
            return decisions * 1e9 / Math.max(1, baselineNanos);
        }

        /** How many times as long crmkit takes as the baseline. */
        public double ratio() {
            return (double) crmkitNanos / Math.max(1, baselineNanos);
        }

        /** The largest minus the smallest number of leads per person after the crmkit pass. */
        public long spread() {
            return spreadOf(counts);
        }

        /** The same after the baseline pass. */
        public long baselineSpread() {
            return spreadOf(baselineCounts);
        }
    }

    /**
     * The figures of the second assignment baseline, the write set by hand ({@link WriteSetBaseline}): the rows
     * crmkit's assignments write, in plain JDBC, one transaction and one round trip per lead, on the same threads.
     *
     * @param nanos  how long it took
     * @param counts leads per person after it
     * @param rows   what it added, counted in the database: {@code tickets} (handed out by its own sequence), then
     *               per table before and after: {@code claims}, {@code activities}, {@code aboutRows},
     *               {@code outboxRows}
     */
    public record WriteSetResult(long nanos, Map<String, Long> counts, Map<String, Long> rows) {
        /** Copies the maps. */
        public WriteSetResult {
            counts = Collections.unmodifiableMap(new TreeMap<>(counts));
            rows = Collections.unmodifiableMap(new LinkedHashMap<>(rows));
        }

        /** How many times as long crmkit's assignments take as this baseline. */
        public double ratio(AssignmentResult assignment) {
            return (double) assignment.crmkitNanos() / Math.max(1, nanos);
        }

        /** Assignments' write sets per second. */
        public double perSecond(AssignmentResult assignment) {
            return assignment.decisions() * 1e9 / Math.max(1, nanos);
        }

        /** The largest minus the smallest number of leads per person after it. */
        public long spread() {
            return spreadOf(counts);
        }
    }

    /**
     * The figures of one store.
     *
     * @param store      what was measured: {@code in memory} or the database product and version
     * @param where      where it is (a URL, masked, or the in-memory store's class)
     * @param scoring    the scoring figures
     * @param assignment the assignment figures
     */
    public record Result(String store, String where, ScoringResult scoring, AssignmentResult assignment) {
        /** Validates presence. */
        public Result {
            Objects.requireNonNull(scoring, "scoring");
            Objects.requireNonNull(assignment, "assignment");
        }
    }

    /**
     * A benchmark.
     *
     * @param settings what to run
     * @param crms     builds crmkit over a store with the given ids
     * @param phases   told what is happening, for a progress line
     */
    public ScoringBenchmark(Settings settings, BiFunction<CrmStore, IdGenerator, Crm> crms,
                            Consumer<String> phases) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.crms = Objects.requireNonNull(crms, "crms");
        this.phases = Objects.requireNonNull(phases, "phases");
    }

    /** All passes in memory on a fresh {@link InMemoryCrmStore}, after a warm-up on another one. */
    public Result runInMemory() throws InterruptedException {
        phases.accept(String.format(Locale.ROOT, "in memory: warming up on %,d leads", settings.warmup()));
        passesInMemory(settings.warmup(), "in memory (warm-up)");
        return passesInMemory(settings.leads(), "in memory");
    }

    private Result passesInMemory(int leads, String label) throws InterruptedException {
        InMemoryCrmStore store = InMemoryCrmStore.create();
        Crm crm = crms.apply(store, IdGenerator.seeded(settings.seed()));
        phases.accept(String.format(Locale.ROOT, "%s: capturing %,d leads with their histories", label, leads));
        List<LeadId> ids = ActiveLeads.capture(crm, leads, settings.seed());
        ScoringResult scoring = scoring(crm, label);
        phases.accept(String.format(Locale.ROOT, "%s: timing %,d round-robin assignments", label, leads));
        Assigned assigned = assign(List.of(crm), ids);
        phases.accept(String.format(Locale.ROOT, "%s: timing %,d owner updates without a policy", label, leads));
        List<Lead> current = new ArrayList<>(assigned.leads());
        Instant now = crm.clock().instant();
        long start = System.nanoTime();
        for (int i = 0; i < current.size(); i++) {
            Lead lead = current.get(i);
            current.set(i, store.leads().update(lead.withOwner(Optional.of(baselineOwner(i)), now)));
        }
        long baseline = System.nanoTime() - start;
        Map<String, Long> baselineCounts = checkBaseline(crm, assigned.leads());
        return new Result("in memory", InMemoryCrmStore.class.getSimpleName(), scoring,
                new AssignmentResult(1, 1, leads, assigned.nanos(), baseline, assigned.counts(), baselineCounts,
                        assigned.reruns(), Optional.empty(), Optional.empty()));
    }

    /**
     * All passes on a database, into fresh tables, after a warm-up in fresh tables; drops the tables afterwards.
     *
     * @param nodes    {@value #NODES} data sources on the same database, one per node (each its own pool); its
     *                 tables starting with {@value #PREFIX} are dropped
     * @param database its product and version, for the result
     * @param where    where it is, for the result
     */
    public Result runOn(List<? extends DataSource> nodes, String database, String where)
            throws SQLException, InterruptedException {
        if (nodes.size() != NODES) {
            throw new IllegalArgumentException("need " + NODES + " data sources, got " + nodes.size());
        }
        Dialect dialect;
        try (Connection c = nodes.get(0).getConnection()) {
            dialect = Dialect.of(c);
        }
        try {
            phases.accept(String.format(Locale.ROOT, "%s: warming up on %,d leads", database, settings.warmup()));
            passesOn(nodes, dialect, settings.warmup(), database + " (warm-up)", where);
            return passesOn(nodes, dialect, settings.leads(), database, where);
        } finally {
            JdbcBenchmark.drop(nodes.get(0));
        }
    }

    private Result passesOn(List<? extends DataSource> nodes, Dialect dialect, int leads, String label,
                            String where) throws SQLException, InterruptedException {
        JdbcBenchmark.drop(nodes.get(0));
        CrmSchema.migrate(nodes.get(0), PREFIX);
        List<Crm> nodeCrms = new ArrayList<>();
        List<JdbcCrmStore> stores = new ArrayList<>();
        for (int n = 0; n < nodes.size(); n++) {
            JdbcCrmStore.Builder builder = JdbcCrmStore.builder(nodes.get(n)).dialect(dialect).tablePrefix(PREFIX);
            if (settings.strictRotation()) { // by default tickets come from a sequence; every lead is assigned once
                builder.strictRotation();      // here, so no turn is skipped either way (the pass checks the counts)
            } else if (settings.ticketsAhead()) {
                builder.rotationTicketsAhead();
            }
            JdbcCrmStore store = builder.build();
            stores.add(store);
            nodeCrms.add(crms.apply(store, IdGenerator.seeded(settings.seed() + n)));
        }
        Crm first = nodeCrms.get(0);
        phases.accept(String.format(Locale.ROOT, "%s: capturing %,d leads with their histories", label, leads));
        List<LeadId> ids = ActiveLeads.capture(first, leads, settings.seed());
        ScoringResult scoring = scoring(first, label);
        phases.accept(String.format(Locale.ROOT, "%s: timing %,d round-robin assignments on %d nodes", label,
                leads, nodes.size()));
        Assigned assigned = assign(nodeCrms, ids);
        phases.accept(String.format(Locale.ROOT, "%s: timing %,d plain JDBC owner updates on %d threads", label,
                leads, nodes.size()));
        long baseline = updateOwners(nodes, dialect, assigned.leads());
        Map<String, Long> baselineCounts = checkBaseline(first, assigned.leads());
        Optional<WriteSetResult> writeSet = Optional.empty();
        if (WriteSetBaseline.supports(dialect)) {
            phases.accept(String.format(Locale.ROOT, "%s: timing %,d write sets by hand on %d threads", label,
                    leads, nodes.size()));
            writeSet = Optional.of(writeSets(nodes, dialect, first, assigned.leads()));
        }
        return new Result(label, where, scoring, new AssignmentResult(nodes.size(), nodes.size(), leads,
                assigned.nanos(), baseline, assigned.counts(), baselineCounts, assigned.reruns(), writeSet,
                Optional.of(stores.get(0).rotationTickets())));
    }

    /**
     * The second database baseline, the write set by hand ({@link WriteSetBaseline}): per lead the ticket, claim,
     * owner write, timeline entry with its about rows and the three outbox rows in one transaction and one round trip,
     * on {@value #NODES} threads (lead {@code i} on thread {@code i mod nodes}), each with a connection of its node in
     * auto-commit; run after the owner writes, so every lead is one version past them. The tickets come from the
     * baseline's own sequence, created before the pass and dropped after it. Checks that every lead got
     * exactly one more owner write, an owner from the team with counts differing by at most one, and that the rows
     * added per table are exactly one ticket, claim and activity, two about rows and three outbox rows per lead.
     */
    private WriteSetResult writeSets(List<? extends DataSource> nodes, Dialect dialect, Crm crm,
                                     List<Lead> afterCrmkit) throws SQLException, InterruptedException {
        WriteSetBaseline baseline = new WriteSetBaseline(dialect, PREFIX,
                PEOPLE.stream().map(UserId::value).toList(), TEAM.name());
        List<Lead> leads = read(crm, afterCrmkit.stream().map(Lead::id).toList()).values().stream().toList();
        Map<LeadId, Long> versions = new HashMap<>();
        leads.forEach(l -> versions.put(l.id(), l.version() + 1));
        IdGenerator activityIds = IdGenerator.seeded(settings.seed() + nodes.size());
        Map<String, Long> before = WriteSetBaseline.tableRows(nodes.get(0), PREFIX);
        Map<String, Long> added = new LinkedHashMap<>();
        long nanos;
        baseline.createSequence(nodes.get(0));
        try {
            nanos = onThreads(nodes.size(), node -> {
                try (Connection c = nodes.get(node).getConnection()) {
                    c.setAutoCommit(true);
                    for (int i = node; i < leads.size(); i += nodes.size()) {
                        baseline.write(c, leads.get(i), activityIds.next(), crm.clock().instant());
                    }
                }
            });
            added.put("tickets", baseline.tickets(nodes.get(0)));
        } finally {
            baseline.dropSequence(nodes.get(0));
        }
        WriteSetBaseline.tableRows(nodes.get(0), PREFIX).forEach((table, n) -> added.put(table, n - before.get(table)));
        Map<String, Long> expected = WriteSetBaseline.expectedRows(leads.size());
        if (!added.equals(expected)) {
            throw new IllegalStateException("the write set by hand added " + added + ", expected " + expected);
        }
        Map<String, Long> counts = checkOwners(crm, leads.stream().map(Lead::id).toList(), versions::get, null);
        return new WriteSetResult(nanos, counts, added);
    }

    private ScoringResult scoring(Crm crm, String label) {
        long leads = crm.store().leads().count();
        phases.accept(String.format(Locale.ROOT, "%s: timing rescoreAll of %,d leads", label, leads));
        long start = System.nanoTime();
        RescoringProgress done = crm.scoring().rescoreAll(settings.chunk(), progress -> { });
        long crmkit = System.nanoTime() - start;
        phases.accept(String.format(Locale.ROOT, "%s: timing the baseline read of %,d leads' inputs", label,
                leads));
        start = System.nanoTime();
        long sum = sumOfInputs(crm.store(), settings.chunk());
        long baseline = System.nanoTime() - start;
        return summary(crm, done, crmkit, baseline, sum);
    }

    /**
     * The scoring baseline: the rules' raw inputs read as scoring reads them (a page of leads at a time, then each
     * lead's contact, company and newest {@value LeadScoring#TIMELINE_WINDOW} timeline entries) and a trivial sum
     * over them: the request's length, one for a contact language, one for a company, and per timeline entry one plus
     * its subject's length. No model, no explanation, nothing written.
     */
    static long sumOfInputs(CrmStore store, int chunk) {
        long sum = 0;
        Optional<PageRequest> request = Optional.of(PageRequest.first(chunk));
        while (request.isPresent()) {
            Page<Lead> page = store.leads().findAll(request.get());
            for (Lead lead : page.items()) {
                sum += lead.request().length();
                sum += store.contacts().findById(lead.contactId()).flatMap(Contact::language).isPresent() ? 1 : 0;
                sum += lead.companyId().flatMap(store.companies()::findById).isPresent() ? 1 : 0;
                for (Activity a : store.activities().timeline(new RecordRef(RecordType.LEAD, lead.id().value()),
                        TimelineFilter.everything(), PageRequest.first(LeadScoring.TIMELINE_WINDOW)).items()) {
                    sum += 1 + a.subject().length();
                }
            }
            request = request.get().next(page);
        }
        return sum;
    }

    /** Reads the stored scores back: temperatures, the mean, and the explanation of the best lead. */
    private static ScoringResult summary(Crm crm, RescoringProgress done, long crmkit, long baseline, long sum) {
        Map<Temperature, Long> temperatures = new EnumMap<>(Temperature.class);
        long total = 0;
        long count = 0;
        Optional<LeadScore> best = Optional.empty();
        Optional<PageRequest> request = Optional.of(PageRequest.first(PageRequest.MAX_SIZE));
        while (request.isPresent()) {
            Page<Lead> page = crm.store().leads().findAll(request.get());
            for (LeadScore s : crm.store().leadScores().findAll(page.items().stream().map(Lead::id).toList())
                    .values()) {
                temperatures.merge(s.temperature(), 1L, Long::sum);
                total += s.score();
                count++;
                if (best.isEmpty() || s.score() > best.get().score()) {
                    best = Optional.of(s);
                }
            }
            request = request.get().next(page);
        }
        if (count != done.scored()) {
            throw new IllegalStateException(done.scored() + " leads scored but " + count + " scores stored");
        }
        List<String> example = best.map(s -> crm.scoring().preview(s.leadId())).map(Score::explanation)
                .orElse(List.of());
        return new ScoringResult(done.read(), done.scored(), crmkit, baseline, sum, temperatures,
                count == 0 ? 0 : total / (double) count, example);
    }

    /** What an assignment pass did. */
    private record Assigned(List<Lead> leads, long nanos, Map<String, Long> counts, long reruns) {
    }

    /**
     * Assigns every lead round robin, each node on its own thread with its own share (lead {@code i} goes to node
     * {@code i mod nodes}), all nodes with the same seed; then checks the outcome.
     */
    private Assigned assign(List<Crm> nodes, List<LeadId> ids) throws InterruptedException {
        Map<LeadId, Long> versionsBefore = versions(nodes.get(0), ids);
        List<LeadAssignment> assignments = nodes.stream()
                .map(crm -> crm.assignment(Policies.roundRobin(Routing.everyoneTo(TEAM), user -> false),
                        settings.seed()))
                .toList();
        Lead[] stored = new Lead[ids.size()];
        AtomicInteger[] wins = new AtomicInteger[ids.size()];
        for (int i = 0; i < wins.length; i++) {
            wins[i] = new AtomicInteger();
        }
        AtomicLong reruns = new AtomicLong();
        long nanos = onThreads(nodes.size(), node -> {
            for (int i = node; i < ids.size(); i += nodes.size()) {
                while (true) {
                    try {
                        AssignmentOutcome outcome = assignments.get(node).assign(ids.get(i));
                        if (outcome instanceof AssignmentOutcome.Assigned a) {
                            wins[i].incrementAndGet();
                            stored[i] = a.lead();
                        }
                        break;
                    } catch (ConflictException deadlock) {
                        reruns.incrementAndGet(); // the database chose this unit to abort: run it again
                    }
                }
            }
        });
        for (int i = 0; i < wins.length; i++) {
            if (wins[i].get() != 1) {
                throw new IllegalStateException("lead " + ids.get(i) + " was assigned " + wins[i].get() + " times");
            }
        }
        Map<String, Long> counts = checkOwners(nodes.get(0), ids, id -> versionsBefore.get(id) + 1, null);
        return new Assigned(List.of(stored), nanos, counts, reruns.get());
    }

    /** Checks the baseline pass: every lead has the owner it wrote, one write after crmkit's. */
    private static Map<String, Long> checkBaseline(Crm crm, List<Lead> afterCrmkit) {
        Map<LeadId, Long> versions = new HashMap<>();
        Map<LeadId, UserId> owners = new HashMap<>();
        for (int i = 0; i < afterCrmkit.size(); i++) {
            versions.put(afterCrmkit.get(i).id(), afterCrmkit.get(i).version() + 1);
            owners.put(afterCrmkit.get(i).id(), baselineOwner(i));
        }
        return checkOwners(crm, afterCrmkit.stream().map(Lead::id).toList(), versions::get, owners);
    }

    /**
     * Reads every lead back and checks that each has exactly one owner from the team, at the expected version (one
     * owner write), the expected owner where given, and that the counts per person differ by at most one.
     *
     * @return leads per person
     * @throws IllegalStateException naming the first lead or count that breaks a check
     */
    private static Map<String, Long> checkOwners(Crm crm, List<LeadId> ids,
                                                 Function<LeadId, Long> version,
                                                 Map<LeadId, UserId> expected) {
        Map<String, Long> counts = new TreeMap<>();
        PEOPLE.forEach(p -> counts.put(p.value(), 0L));
        Map<LeadId, Lead> stored = read(crm, ids);
        for (LeadId id : ids) {
            Lead lead = stored.get(id);
            if (lead == null || lead.owner().isEmpty() || !PEOPLE.contains(lead.owner().get())) {
                throw new IllegalStateException("lead " + id + " has no owner from the team: " + lead);
            }
            if (lead.version() != version.apply(id)) {
                throw new IllegalStateException("lead " + id + " is at version " + lead.version() + ", expected "
                        + version.apply(id) + ": not exactly one owner write");
            }
            if (expected != null && !lead.owner().get().equals(expected.get(id))) {
                throw new IllegalStateException("lead " + id + " is owned by " + lead.owner().get() + ", not "
                        + expected.get(id));
            }
            counts.merge(lead.owner().get().value(), 1L, Long::sum);
        }
        if (spreadOf(counts) > 1) {
            throw new IllegalStateException("counts per person differ by more than one: " + counts);
        }
        return counts;
    }

    private static Map<LeadId, Long> versions(Crm crm, List<LeadId> ids) {
        Map<LeadId, Long> versions = new HashMap<>();
        read(crm, ids).forEach((id, lead) -> versions.put(id, lead.version()));
        return versions;
    }

    private static Map<LeadId, Lead> read(Crm crm, List<LeadId> ids) {
        Map<LeadId, Lead> leads = new LinkedHashMap<>();
        Optional<PageRequest> request = Optional.of(PageRequest.first(PageRequest.MAX_SIZE));
        while (request.isPresent()) {
            Page<Lead> page = crm.store().leads().findAll(request.get());
            page.items().forEach(l -> leads.put(l.id(), l));
            request = request.get().next(page);
        }
        if (leads.size() != ids.size()) {
            throw new IllegalStateException(ids.size() + " leads expected, " + leads.size() + " stored");
        }
        return leads;
    }

    /** The owner the baseline writes to the lead at position {@code i}: the team in turn. */
    static UserId baselineOwner(int i) {
        return PEOPLE.get(i % PEOPLE.size());
    }

    /**
     * The database baseline: one plain {@code UPDATE} of the owner per lead, each checked to change exactly one row,
     * on {@value #NODES} threads (lead {@code i} on thread {@code i mod nodes}), each with a connection of its node in
     * auto-commit.
     *
     * @return how long it took
     */
    private static long updateOwners(List<? extends DataSource> nodes, Dialect dialect, List<Lead> leads)
            throws InterruptedException {
        String sql = UPDATE_SQL.replace("<prefix>", PREFIX);
        return onThreads(nodes.size(), node -> {
            try (Connection c = nodes.get(node).getConnection(); PreparedStatement update = c.prepareStatement(sql)) {
                c.setAutoCommit(true);
                for (int i = node; i < leads.size(); i += nodes.size()) {
                    Lead lead = leads.get(i);
                    update.setString(1, baselineOwner(i).value());
                    if (dialect == Dialect.MARIADB) {
                        update.setString(2, lead.id().value().toString());
                    } else {
                        update.setObject(2, lead.id().value());
                    }
                    update.setLong(3, lead.version());
                    if (update.executeUpdate() != 1) {
                        throw new IllegalStateException("lead " + lead.id() + " is not at version "
                                + lead.version());
                    }
                }
            }
        });
    }

    @FunctionalInterface
    private interface ThreadWork {
        void run(int thread) throws Exception;
    }

    /** Runs the work on that many threads at once and returns the time from their start to the last one's end. */
    private static long onThreads(int threads, ThreadWork work) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit((Callable<Void>) () -> {
                    ready.countDown();
                    go.await();
                    work.run(thread);
                    return null;
                }));
            }
            ready.await();
            long start = System.nanoTime();
            go.countDown();
            for (Future<Void> f : done) {
                f.get();
            }
            return System.nanoTime() - start;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause.getMessage(), cause);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long spreadOf(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return 0;
        }
        return Collections.max(counts.values()) - Collections.min(counts.values());
    }
}
