package dev.crmkit.adapters.jdbc;

import dev.crmkit.adapters.memory.InMemoryCrmStore;
import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmStore;
import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contract.Fixtures;
import dev.crmkit.core.contract.TestClock;
import dev.crmkit.core.customfield.CustomFieldSchema;
import dev.crmkit.core.customfield.FieldDefinition;
import dev.crmkit.core.customfield.FieldType;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.Utm;
import dev.crmkit.core.task.Task;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * Every store accepts and refuses exactly the same input: generated hostile submissions (very long strings, boundary
 * lengths, control characters, NUL, lone surrogates and other odd Unicode, SQL, junk numbers, reused external ids)
 * are captured into the in-memory store and into the JDBC store on H2, side by side with the same clock and ids. Both
 * give the same outcome with the same lead, or the same violations; and a rejected submission changes nothing in
 * either store.
 */
class StoreLimitsPropertyTest {

    /** Fresh stores every so many submissions, so the comparison of whole stores stays cheap. */
    private static final int ROUND = 50;

    private static final List<String> FRAGMENTS = List.of("", "a", "Jane", "Ünal", "ß", "İ", "\u00e9\u0301",
            "\uD83D\uDE00", "\uD835\uDD38", "\uD800", "\uDC00", "x\uDBFFy", "\u0000", "\u0007", "\t", "\n", "\r\n",
            "\u001b", "\u007f", "\u0085", "\u00a0", "\u200d", "\u202e", "\uFEFF", "\uFFFF", " ", "  ",
            "'; DROP TABLE crm_lead; --", "\\", "%_", "\"", "O'Brien", "😀😀", "\u3000", "Ω");
    private static final List<Integer> LENGTHS = List.of(0, 1, 2, 35, 36, 41, 50, 51, 199, 200, 201, 254, 255, 320,
            321, 400, 401, 499, 500, 501, 9_999, 10_000, 10_001, 30_000);

    private final AtomicInteger count = new AtomicInteger();
    private Pair pair;

    @Test
    void hostileSubmissions_sameOutcomeInMemoryAndOnH2_andARejectionChangesNothing() {
        List<String> kinds = new ArrayList<>();
        qt().withFixedSeed(20261204L).withExamples(1_200).withShrinkCycles(5).forAll(submissions())
                .checkAssert(submission -> {
                    if (count.getAndIncrement() % ROUND == 0) {
                        pair = new Pair(InMemoryCrmStore.create(), TestDatabase.H2.freshStore());
                    }
                    Dump memoryBefore = dump(pair.memory());
                    Dump h2Before = dump(pair.h2());

                    CaptureOutcome inMemory = pair.memoryCrm().capture().capture(submission);
                    CaptureOutcome onH2 = pair.h2Crm().capture().capture(submission);
                    pair.clock().advance(Duration.ofSeconds(1));

                    assertEquals(kind(inMemory), kind(onH2), () -> describe(submission));
                    if (inMemory instanceof CaptureOutcome.Rejected rejected) {
                        assertEquals(rules(rejected), rules((CaptureOutcome.Rejected) onH2));
                        assertEquals(memoryBefore, dump(pair.memory()), "a rejection changed the in-memory store");
                        assertEquals(h2Before, dump(pair.h2()), "a rejection changed the H2 store");
                    } else {
                        assertEquals(inMemory.lead(), onH2.lead(), () -> "stored differently: " + describe(submission));
                    }
                    kinds.add(inMemory instanceof CaptureOutcome.Rejected r ? String.join(",", rules(r))
                            : kind(inMemory));
                });
        for (String expected : List.of("NewLeadNewContact", "DuplicateFolded", "externalId/external-id-conflict",
                "owner/max-length", "request/no-nul-character", "valid-unicode", "lastName/max-length",
                "customFields.size/number-range")) {
            assertTrue(kinds.stream().anyMatch(k -> k.contains(expected)),
                    () -> "the generator never reached " + expected + ": " + kinds.stream().distinct().toList());
        }
    }

    private Gen<LeadSubmission> submissions() {
        Gen<String> text = arbitrary().pick(List.of("", "Jane", "Doe", "Nordwind GmbH", "Quote for 3 trucks", "web form",
                "facebook", "trade fair 2026", "Ünal Şahin")).mix(hostileText(), 8);
        Gen<String> emails = arbitrary().pick(List.of("", "jane@example.com", "JANE@Example.com ", "joerg@müller.de",
                        "joerg@xn--mller-kva.de", "ann@example.org", "bob@example.net"))
                .mix(arbitrary().pick(List.of("a@" + "b".repeat(250) + ".de", "a\u0000@example.com", "bad@",
                        "x@\uD800.de")), 10)
                .mix(hostileText().map(t -> t + "@example.com"), 5);
        Gen<String> phones = arbitrary().pick(List.of("", "030 901820", "+49 30 901820 ext. 12", "+49 30 901820;ext=5",
                        "+4930901820;ext=" + "1".repeat(20), "0151 20000000"))
                .mix(arbitrary().pick(List.of("0".repeat(51), "+49 30 901820 x\u0000")), 10).mix(text, 5);
        Gen<String> externalIds = arbitrary().pick(List.of("", "", "row-1", "row-2", " row-1 ", "row-3"))
                .mix(text, 10);
        Gen<String> owners = arbitrary().pick(List.of("", "", "anna", "a".repeat(200)))
                .mix(arbitrary().pick(List.of("a".repeat(201), "ann\u0000a", "\uD800")), 10)
                .mix(text.assuming(t -> t.isEmpty() || !t.isBlank()), 5);
        Gen<String> languages = arbitrary().pick(List.of("", "de", "pt-BR"))
                .mix(arbitrary().pick(List.of("x".repeat(36), "de\u0000")), 10);
        Gen<String> numbers = arbitrary().pick(List.of("", "12.5", "-0", "1e38", "1" + "0".repeat(37)))
                .mix(arbitrary().pick(List.of("1e999999999", "1e39", "0." + "1".repeat(40), "12,5", "NaN")), 10);
        Gen<Part> names = text.zip(text, text, (first, last, company) -> new Part(first, last, company, ""));
        Gen<Part> contact = names.zip(emails, phones, (n, e, p) -> new Part(n.a(), n.b(), n.c(), e + "\u0001" + p));
        Gen<Part> source = text.zip(text, text, (label, request, campaign) -> new Part(label, request, campaign, ""));
        Gen<Part> extra = text.zip(owners, externalIds, (referrer, owner, id) -> new Part(referrer, owner, id, ""));
        Gen<Part> tail = languages.zip(numbers, text, (lang, number, notes) -> new Part(lang, number, notes, ""));
        return contact.zip(source, extra, tail, (c, s, x, t) -> {
            String[] points = c.d().split("\u0001", -1);
            LeadSubmission.Builder b = LeadSubmission.fromSource(s.a()).name(c.a(), c.b()).company(c.c())
                    .email(points[0]).phone(points[1]).request(s.b())
                    .campaign(s.c(), new Utm(x.a(), "", "", "", "")).referrer(x.a()).externalId(x.c())
                    .language(t.a()).customField("size", t.b()).customField("notes", t.c());
            if (!x.b().isBlank()) {
                b.owner(UserId.of(x.b()));
            }
            return b.build();
        });
    }

    /** Fragments of hostile text, repeated up to a boundary length now and then. */
    private static Gen<String> hostileText() {
        Gen<String> pieces = lists().of(arbitrary().pick(FRAGMENTS)).ofSizeBetween(0, 4).map(l -> String.join("", l));
        Gen<String> sized = pieces.zip(arbitrary().pick(LENGTHS), (p, n) -> {
            String unit = p.isEmpty() ? "x" : p;
            StringBuilder out = new StringBuilder(n + unit.length());
            while (out.length() < n) {
                out.append(unit);
            }
            return out.substring(0, n);
        });
        return pieces.mix(sized, 30).zip(integers().between(0, 2), (t, pad) -> pad == 0 ? t : " " + t + " ");
    }

    private static String kind(CaptureOutcome outcome) {
        return outcome.getClass().getSimpleName();
    }

    private static List<String> rules(CaptureOutcome.Rejected rejected) {
        return rejected.violations().stream().map(v -> v.field() + "/" + v.rule()).sorted().toList();
    }

    private static String describe(LeadSubmission s) {
        String text = s.toString();
        return text.length() > 2_000 ? text.substring(0, 2_000) + "..." : text;
    }

    private static Dump dump(CrmStore store) {
        List<Lead> leads = Fixtures.all(store.leads()::findAll);
        List<Task> tasks = leads.stream().flatMap(l -> store.tasks().openAbout(Fixtures.ref(l)).stream()).toList();
        return new Dump(Fixtures.all(store.contacts()::findAll), leads, Fixtures.all(store.companies()::findAll),
                tasks);
    }

    private static Crm crm(CrmStore store, TestClock clock) {
        Crm crm = Crm.builder().store(store).clock(clock).ids(IdGenerator.seeded(42))
                .defaultRegion("DE").events(e -> { }).build();
        crm.customers().defineCustomFields(CustomFieldSchema.of(RecordType.LEAD,
                FieldDefinition.optional("size", FieldType.NUMBER), FieldDefinition.optional("notes", FieldType.TEXT)));
        return crm;
    }

    /** The two stores side by side, with one clock and the same id sequence each. */
    private record Pair(CrmStore memory, CrmStore h2, TestClock clock, Crm memoryCrm, Crm h2Crm) {
        Pair(CrmStore memory, CrmStore h2) {
            this(memory, h2, TestClock.at(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC));
        }

        Pair(CrmStore memory, CrmStore h2, TestClock clock) {
            this(memory, h2, clock, crm(memory, clock), crm(h2, clock));
        }
    }

    private record Part(String a, String b, String c, String d) {
    }

    private record Dump(List<Contact> contacts, List<Lead> leads, List<Company> companies, List<Task> tasks) {
    }
}
