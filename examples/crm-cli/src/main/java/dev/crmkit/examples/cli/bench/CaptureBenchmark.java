package dev.crmkit.examples.cli.bench;

import dev.crmkit.core.Crm;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.Contacts;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.PhoneNumber;
import dev.crmkit.examples.cli.leadimport.ImportTally;

import java.lang.ref.Reference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Measures lead capture in one run, single-threaded:
 * <ol>
 *   <li>the <em>baseline</em>: the work no capture can avoid, normalizing each submission's e-mail and phone with
 *       crmkit's own {@link EmailAddress#parse} and {@link PhoneNumber#parse} and putting them into a
 *       {@link HashMap};</li>
 *   <li>the full {@link dev.crmkit.core.capture.LeadCapture#capture} into a fresh store;</li>
 *   <li>the heap a stored contact costs alone (inserted through {@code Contacts.insertOrGet}), and the heap a
 *       captured person costs with everything capture stores (contact, lead, timeline, task, indexes), each measured
 *       as the growth of the used heap after garbage collection.</li>
 * </ol>
 * The submissions are generated before timing; both timed passes follow a warm-up pass over a prefix. The heap is
 * measured while submissions are generated on the fly, so nothing but the store is retained.
 */
public final class CaptureBenchmark {

    private static volatile long sink;

    private final Settings settings;
    private final Supplier<Crm> crms;
    private final Consumer<String> phases;
    private final HeapMeter heap = new HeapMeter();

    /**
     * What to run.
     *
     * @param leads          how many submissions
     * @param duplicateShare the share that repeat an earlier person
     * @param invalidShare   the share of bad submissions
     * @param seed           the seed of the data (and of the ids)
     * @param warmup         how many submissions the warm-up passes take
     * @param region         the default region of phone numbers
     */
    public record Settings(int leads, double duplicateShare, double invalidShare, long seed, int warmup,
                           String region) {
        /** Validates the figures. */
        public Settings {
            if (leads < 1 || warmup < 0 || warmup > leads) {
                throw new IllegalArgumentException("need at least one lead and a warm-up of at most all of them");
            }
            Objects.requireNonNull(region, "region");
        }
    }

    /**
     * A benchmark.
     *
     * @param crms   gives a new crmkit over an empty store for each pass, with the region of the settings
     * @param phases told what is happening, for a progress line
     */
    public CaptureBenchmark(Settings settings, Supplier<Crm> crms, Consumer<String> phases) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.crms = Objects.requireNonNull(crms, "crms");
        this.phases = Objects.requireNonNull(phases, "phases");
    }

    /** Runs every pass and returns the figures. */
    public BenchResult run() {
        BenchResult.Throughput throughput = timedPasses();
        phases.accept("measuring the heap of stored contacts");
        BenchResult.Heap contactsOnly = contactsOnlyHeap();
        phases.accept("measuring the heap of fully captured people");
        BenchResult.Heap fullCapture = fullCaptureHeap();
        return new BenchResult(settings, throughput, contactsOnly, fullCapture);
    }

    private BenchResult.Throughput timedPasses() {
        phases.accept(String.format(Locale.ROOT, "generating %,d submissions", settings.leads()));
        long start = System.nanoTime();
        List<LeadSubmission> data = generate(settings.leads());
        long generation = System.nanoTime() - start;
        List<LeadSubmission> prefix = data.subList(0, settings.warmup());
        phases.accept(String.format(Locale.ROOT, "warming up on %,d submissions", prefix.size()));
        baseline(prefix);
        capture(crms.get(), prefix, new ImportTally());
        phases.accept("timing the baseline");
        start = System.nanoTime();
        baseline(data);
        long baseline = System.nanoTime() - start;
        phases.accept("timing capture");
        Crm crm = crms.get();
        ImportTally outcomes = new ImportTally();
        start = System.nanoTime();
        capture(crm, data, outcomes);
        long capture = System.nanoTime() - start;
        return new BenchResult.Throughput(generation, baseline, capture, outcomes.byKind(),
                crm.store().contacts().count());
    }

    private List<LeadSubmission> generate(int count) {
        SubmissionGenerator generator = generator();
        List<LeadSubmission> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(generator.next());
        }
        return out;
    }

    private SubmissionGenerator generator() {
        return new SubmissionGenerator(settings.seed(), settings.duplicateShare(), settings.invalidShare());
    }

    private void baseline(List<LeadSubmission> data) {
        sink += baselinePass(data, settings.region());
    }

    /**
     * The unavoidable work of capture alone, the baseline every capture figure is set against: normalize each
     * submission's e-mail and phone with crmkit's own normalizers and put them into a plain {@link HashMap}.
     *
     * @return the number of distinct normalized contact points, so the work cannot be optimized away
     */
    public static int baselinePass(List<LeadSubmission> data, String region) {
        Map<Object, LeadSubmission> seen = new HashMap<>();
        for (LeadSubmission s : data) {
            EmailAddress.tryParse(s.email()).ifPresent(e -> seen.putIfAbsent(e, s));
            PhoneNumber.tryParse(s.phone(), region).ifPresent(p -> seen.putIfAbsent(p, s));
        }
        return seen.size();
    }

    private static void capture(Crm crm, List<LeadSubmission> data, ImportTally outcomes) {
        for (LeadSubmission s : data) {
            outcomes.count(crm.capture().capture(s));
        }
    }

    private BenchResult.Heap contactsOnlyHeap() {
        Crm crm = crms.get();
        Contacts contacts = crm.store().contacts();
        IdGenerator ids = IdGenerator.seeded(settings.seed());
        Instant now = Instant.now();
        SubmissionGenerator generator = generator();
        long rawChars = 0;
        long before = heap.usedAfterGc();
        for (int i = 0; i < settings.leads(); i++) {
            LeadSubmission s = generator.next();
            Optional<EmailAddress> email = EmailAddress.tryParse(s.email());
            Optional<PhoneNumber> phone = PhoneNumber.tryParse(s.phone(), settings.region());
            if (email.isEmpty() && phone.isEmpty()) {
                continue;
            }
            Contact candidate = Contact.create(new ContactId(ids.next()), PersonName.of(s.firstName(), s.lastName()),
                    email.stream().toList(), phone.stream().toList(), now);
            Contact stored = contacts.insertOrGet(candidate);
            if (stored.id().equals(candidate.id())) {
                rawChars += stored.name().first().length() + stored.name().last().length()
                        + email.map(e -> e.value().length()).orElse(0) + phone.map(p -> p.e164().length()).orElse(0);
            }
        }
        long after = heap.usedAfterGc();
        long count = contacts.count();
        Reference.reachabilityFence(crm);
        return new BenchResult.Heap(count, after - before, 2 * rawChars);
    }

    private BenchResult.Heap fullCaptureHeap() {
        Crm crm = crms.get();
        SubmissionGenerator generator = generator();
        long before = heap.usedAfterGc();
        for (int i = 0; i < settings.leads(); i++) {
            crm.capture().capture(generator.next());
        }
        long after = heap.usedAfterGc();
        long count = crm.store().contacts().count();
        Reference.reachabilityFence(crm);
        return new BenchResult.Heap(count, after - before, -1);
    }
}
