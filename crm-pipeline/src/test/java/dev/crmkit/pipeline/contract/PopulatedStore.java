package dev.crmkit.pipeline.contract;

import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmStore;
import dev.crmkit.core.access.AccessDirectory;
import dev.crmkit.core.access.Actor;
import dev.crmkit.core.access.Grantee;
import dev.crmkit.core.access.Origin;
import dev.crmkit.core.access.Share;
import dev.crmkit.core.access.ShareLevel;
import dev.crmkit.core.access.AdminPermission;
import dev.crmkit.core.access.DefaultAccess;
import dev.crmkit.core.access.FieldAccess;
import dev.crmkit.core.access.Permission;
import dev.crmkit.core.access.Role;
import dev.crmkit.core.access.RoleId;
import dev.crmkit.core.access.Scope;
import dev.crmkit.core.access.Team;
import dev.crmkit.core.access.TeamId;
import dev.crmkit.core.access.User;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.audit.AuditAction;
import dev.crmkit.core.audit.AuditEntry;
import dev.crmkit.core.audit.FieldChange;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.contract.Fixtures;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.customfield.FieldValue;
import dev.crmkit.core.idempotency.IdempotencyKey;
import dev.crmkit.core.idempotency.RecordedOutcome;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.merge.CompanyMergeOutcome;
import dev.crmkit.core.merge.ContactMerge;
import dev.crmkit.core.merge.LeadMergeOutcome;
import dev.crmkit.core.merge.ContactMerging;
import dev.crmkit.core.merge.MergeContacts;
import dev.crmkit.core.merge.MergeOutcome;
import dev.crmkit.core.merge.UnmergeOutcome;
import dev.crmkit.core.scoring.LeadScore;
import dev.crmkit.core.scoring.LifecycleStage;
import dev.crmkit.core.scoring.ManualProbability;
import dev.crmkit.core.scoring.Temperature;
import dev.crmkit.core.task.Task;
import dev.crmkit.pipeline.PipelineStore;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealId;
import dev.crmkit.pipeline.deal.StageHistoryEntry;
import dev.crmkit.pipeline.definition.Pipeline;
import dev.crmkit.pipeline.definition.PipelineId;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Fills a store with every record type crm-core and crm-pipeline keep, written through the ports as the use cases
 * write them: records at versions above 1, private timeline items, closed tasks, pipelines with several revisions,
 * deals with stage history, scores and overrides; text with quotes, new lines, control characters and characters
 * outside the Basic Multilingual Plane; and large records (a 100,000-character activity body, a contact with many
 * custom fields). Seeded: the same seed and size give the same records, ids and times on every run. For the export
 * round trip between stores.
 */
public final class PopulatedStore {

    /** One line of text that breaks naive storage and naive JSON: quotes, SQL, back slashes, emoji, combining marks. */
    public static final String LINE = Fixtures.TRICKY_TEXT + " \\ back\\slash \u00e9\u0301 "
            + "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 </script>";

    /** {@link #LINE} with new lines, tabs and control characters, for the fields that take several lines. */
    public static final String HOSTILE = LINE + "\nline 2\r\nline 3\ttab \u0001\u001f\u007f \u2028 end";

    private PopulatedStore() {
    }

    /**
     * Writes {@code people} contacts with their companies, leads, timelines and tasks, and two pipelines with deals;
     * with 6 people or more also three merges of contacts, the last one undone (see {@link #merge}).
     *
     * @param seed the seed of the ids and of the choices
     */
    public static void fill(CrmStore crm, PipelineStore pipes, long seed, int people) {
        Fixtures fx = new Fixtures(seed);
        Random random = new Random(seed);
        fillAccess(crm);
        crm.customFieldSchemas().save(Fixtures.schemaWithEveryFieldType(RecordType.CONTACT));
        crm.customFieldSchemas().save(Fixtures.schemaWithEveryFieldType(RecordType.DEAL));
        Pipeline sales = pipes.pipelines().insert(new Pipeline(new PipelineId(
                fx.nextId()), 0, PipelineFixtures.everyRuleDefinition("Sales " + LINE), Fixtures.at(1),
                Fixtures.at(1)));
        sales = pipes.pipelines().update(sales.revisedTo(PipelineFixtures.everyRuleDefinition("Sales, revised"),
                Fixtures.at(2)));
        sales = pipes.pipelines().update(sales.revisedTo(PipelineFixtures.everyRuleDefinition("Sales \"final\""),
                Fixtures.at(3)));
        Pipeline renewals = pipes.pipelines().insert(new Pipeline(new PipelineId(
                fx.nextId()), 0, PipelineFixtures.everyRuleDefinition("Renewals"), Fixtures.at(4), Fixtures.at(4)));
        pipes.pipelines().setDefault(renewals.id());
        // names whose order differs between UTF-16, code points and case-insensitive collations
        for (String rotation : List.of("round robin", "Round robin", "\uFF21 full width", "\uD83D\uDE00 emoji",
                LINE)) {
            for (int n = 0; n <= rotation.length() % 3; n++) {
                crm.assignmentState().advance(rotation);
            }
        }
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            Instant t = Fixtures.at(100L * i + random.nextInt(50));
            Company company = crm.companies().insertOrGet(fx.company().name("Firma " + i + " " + LINE)
                    .createdAt(t).build());
            if (i % 2 == 0) {
                company = crm.companies().update(company.withCustomFields(new CustomFields(Map.of("note",
                        new FieldValue.Text(HOSTILE))), t.plusSeconds(1)));
            }
            Contact contact = i % 4 == 0 ? fx.fullContact() : fx.contact().name(PersonName.of("P" + i, LINE))
                    .worksFor(company.id()).createdAt(t).build();
            contact = crm.contacts().insertOrGet(contact);
            contact = crm.contacts().update(contact.withOwner(Optional.of(UserId.of("owner " + i % 3)),
                    t.plusSeconds(2)));
            contacts.add(contact);
            if (i == 1) {
                contact = crm.contacts().update(contact.withCustomFields(manyFields(), t.plusSeconds(3)));
            }
            Lead lead = crm.leads().insertOrGet(fx.lead().contactId(contact.id()).request("I want " + HOSTILE)
                    .externalIds("ext-" + i + "-" + seed).createdAt(t).build());
            if (i % 3 == 0) {
                lead = crm.leads().update(Fixtures.moved(lead, LeadStatus.WORKING));
            }
            RecordRef about = Fixtures.ref(contact);
            crm.activities().append(fx.activity(about, Fixtures.ref(lead)).type(ActivityType.CALL)
                    .subject("Call " + i).body(i == 0 ? large() : HOSTILE).occurredAt(t.plusSeconds(5))
                    .ownedBy(Fixtures.ALICE).build());
            crm.activities().append(fx.activity(about).subject("private " + i).body(HOSTILE)
                    .occurredAt(t.plusSeconds(6)).privateTo(Fixtures.BOB).build());
            Task task = crm.tasks().insert(fx.task().title("Task " + i + " " + LINE)
                    .about(about).due(t.plusSeconds(3600)).remindAt(t.plusSeconds(1800)).createdAt(t).build());
            if (i % 2 == 1) {
                crm.tasks().update(Fixtures.completed(task, t.plusSeconds(60)));
            }
            crm.leadScores().saveAll(List.of(new LeadScore(lead.id(), random.nextInt(101), Temperature.WARM,
                    LifecycleStage.MARKETING_QUALIFIED, t.plusSeconds(7))));
            if (i % 5 == 0) {
                crm.probabilityOverrides().set(new ManualProbability(lead.id(), new BigDecimal("0.35"),
                        Fixtures.ALICE, t.plusSeconds(8)));
            }
            String member = i % 2 == 0 ? "anna" : "Ánna \uD83D\uDE00";
            crm.assignmentState().tryConsume(member, LocalDate.of(2026, 3, 1 + i % 5), 10);
            crm.assignmentState().claim(lead.id(), lead.version());
            crm.idempotencyKeys().record(new RecordedOutcome(IdempotencyKey.of("capture " + i + " " + LINE),
                    "capture", "lead " + lead.id() + " " + HOSTILE, t.plusSeconds(9)));
            Pipeline pipeline = i % 2 == 0 ? sales : renewals;
            Deal deal = pipes.deals().insert(Deal.builder(new DealId(fx.nextId()),
                            pipeline.id(), "Deal " + i + " " + LINE, "New", t)
                    .stageProbability(10)
                    .terms(Optional.of(Money.of(i + "50.25", "EUR")), Optional.of(LocalDate.of(2026, 6, 1 + i % 28)),
                            Optional.empty())
                    .parties(Optional.of(Fixtures.ALICE), Optional.of(contact.id()), Optional.of(company.id()),
                            Optional.of(lead.id()))
                    .source("web_form")
                    .build());
            pipes.stageHistory().append(new StageHistoryEntry(fx.nextId(), deal.id(),
                    deal.version(), pipeline.id(), Optional.empty(), "New", Fixtures.ALICE, t,
                    Duration.ZERO));
            if (i % 2 == 0) {
                Deal moved = pipes.deals().update(deal.withProbabilityOverride(Optional.of(40), t.plusSeconds(30)));
                pipes.stageHistory().append(new StageHistoryEntry(fx.nextId(), deal.id(),
                        moved.version(), pipeline.id(), Optional.of("New"), "Negotiation", Fixtures.BOB,
                        t.plusSeconds(30), Duration.ofSeconds(30)));
            }
        }
        merge(crm, fx, contacts, seed);
        shareAndAudit(crm, fx, contacts);
    }

    /**
     * Shares of two records with users and teams whose ids sort differently by UTF-16, code points and collation,
     * and audit entries: one with hostile field changes, one about nothing with a hostile note, two at the same time.
     */
    private static void shareAndAudit(CrmStore crm, Fixtures fx, List<Contact> contacts) {
        if (contacts.isEmpty()) {
            return;
        }
        RecordRef first = Fixtures.ref(contacts.get(0));
        RecordRef last = Fixtures.ref(contacts.get(contacts.size() - 1));
        for (String user : List.of("owner 1", "Owner 1", "\uFF21 full width", "\uD83D\uDE00 emoji", LINE)) {
            crm.shares().grant(new Share(first, Grantee.user(user), ShareLevel.READ));
        }
        crm.shares().grant(new Share(first, Grantee.team("z-sales"), ShareLevel.READ_WRITE));
        crm.shares().grant(new Share(last, Grantee.team("a-berlin"), ShareLevel.READ));
        crm.shares().grant(new Share(new RecordRef(RecordType.LEAD, fx.nextId()), Grantee.user("owner 2"),
                ShareLevel.READ_WRITE));
        crm.auditTrail().append(new AuditEntry(fx.nextId(), Actor.user("owner 1"), Origin.API, Fixtures.at(200_000),
                AuditAction.CHANGE, Optional.of(first), List.of(FieldChange.of("name", "old " + LINE, HOSTILE),
                new FieldChange("email", Optional.empty(), Optional.of("a@example.com")),
                new FieldChange("phone", Optional.of("+49 30 1234567"), Optional.empty())), ""));
        crm.auditTrail().append(new AuditEntry(fx.nextId(), Actor.system("import " + LINE), Origin.IMPORT,
                Fixtures.at(200_001), AuditAction.EXPORT, Optional.empty(), List.of(), HOSTILE));
        for (int n = 0; n < 2; n++) {
            crm.auditTrail().append(new AuditEntry(fx.nextId(), Actor.user("owner 0"), Origin.MERGE,
                    Fixtures.at(200_002), AuditAction.MERGE, Optional.of(last), List.of(), "same time " + n));
        }
    }

    /**
     * Merges, when there are 6 people or more: contacts 1 and 2 into 0 (with a timeline entry about both, so one of
     * its rows is parked), then 0 into 3 (a chain: the aliases of 1 and 2 move to 3; this merge can be undone), and
     * 4 into 5, undone again (an undone merge record, 4 back among the contacts).
     */
    private static void merge(CrmStore crm, Fixtures fx, List<Contact> contacts, long seed) {
        if (contacts.size() < 6) {
            return;
        }
        crm.activities().append(fx.activity(Fixtures.ref(contacts.get(1)), Fixtures.ref(contacts.get(2)))
                .subject("Met both " + LINE).body(HOSTILE).occurredAt(Fixtures.at(90_000))
                .ownedBy(Fixtures.ALICE).build());
        merged(crm, seed, 1, MergeContacts.into(contacts.get(0).id(), List.of(contacts.get(0).id(),
                contacts.get(1).id(), contacts.get(2).id())));
        merged(crm, seed, 2, MergeContacts.into(contacts.get(3).id(), List.of(contacts.get(3).id(),
                contacts.get(0).id())));
        ContactMerge undone = merged(crm, seed, 3, MergeContacts.into(contacts.get(5).id(),
                List.of(contacts.get(5).id(), contacts.get(4).id())));
        if (!(merging(crm, seed, 4).unmerge(undone.id()) instanceof UnmergeOutcome.Unmerged)) {
            throw new IllegalStateException("the seeded unmerge was refused");
        }
    }

    private static ContactMerge merged(CrmStore crm, long seed, int step, MergeContacts command) {
        if (merging(crm, seed, step).merge(command) instanceof MergeOutcome.Merged m) {
            return m.merge();
        }
        throw new IllegalStateException("the seeded merge " + step + " was refused");
    }

    /**
     * Merges of companies and leads, for a store {@link #fill filled} with 10 people or more: company 6 into company 7
     * (its contact and deal re-pointed; in force), company 8 into 9 undone again; lead 8 into lead 9 (its timeline
     * entry and converted deal re-pointed; in force), lead 6 into lead 7 undone again.
     *
     * @param seed the seed the store was filled with
     */
    public static void mergeCompaniesAndLeads(CrmStore crm, long seed) {
        if (!(crm(crm, seed, 11).companyMerging().merge(List.of(company(crm, 7), company(crm, 6)),
                Optional.of(company(crm, 7))) instanceof CompanyMergeOutcome.Merged)
                || !(crm(crm, seed, 12).companyMerging().merge(List.of(company(crm, 9), company(crm, 8)),
                Optional.of(company(crm, 9))) instanceof CompanyMergeOutcome.Merged undone)
                || !(crm(crm, seed, 13).companyMerging().unmerge(undone.merge().id())
                instanceof CompanyMergeOutcome.Unmerged)) {
            throw new IllegalStateException("a seeded company merge or unmerge was refused");
        }
        if (!(crm(crm, seed, 14).leadMerging().merge(List.of(lead(crm, seed, 9), lead(crm, seed, 8)),
                Optional.of(lead(crm, seed, 9))) instanceof LeadMergeOutcome.Merged)
                || !(crm(crm, seed, 15).leadMerging().merge(List.of(lead(crm, seed, 7), lead(crm, seed, 6)),
                Optional.of(lead(crm, seed, 7))) instanceof LeadMergeOutcome.Merged back)
                || !(crm(crm, seed, 16).leadMerging().unmerge(back.merge().id())
                instanceof LeadMergeOutcome.Unmerged)) {
            throw new IllegalStateException("a seeded lead merge or unmerge was refused");
        }
    }

    /** The company {@link #fill} wrote for a person (its name is unique). */
    public static CompanyId company(CrmStore crm, int person) {
        return crm.companies().findByName("Firma " + person + " " + LINE).orElseThrow().id();
    }

    /** The lead {@link #fill} wrote for a person, found by its external id (also after its merge was undone). */
    public static LeadId lead(CrmStore crm, long seed, int person) {
        return crm.leads().findByExternalId("ext-" + person + "-" + seed).orElseThrow().id();
    }

    /** A crm on the store at a time and with ids of its own for each step, the same for every store. */
    public static Crm crm(CrmStore crm, long seed, int step) {
        return Crm.builder().store(crm).clock(Clock.fixed(Fixtures.at(100_000L + 1000L * step), ZoneOffset.UTC))
                .ids(IdGenerator.seeded(seed * 37 + step)).defaultRegion("DE").build();
    }

    /** Merging at a time and with ids of its own for each step, the same for every store. */
    public static ContactMerging merging(CrmStore crm, long seed, int step) {
        return Crm.builder().store(crm).clock(Clock.fixed(Fixtures.at(100_000L + 1000L * step), ZoneOffset.UTC))
                .ids(IdGenerator.seeded(seed * 31 + step)).defaultRegion("DE").build().merging();
    }

    /**
     * Writes an access organization: nested teams and roles whose ids sort before their parents' (a restore in key
     * order meets the child first), field permissions given against their text order, hostile names, a user
     * without a team, and defaults.
     */
    public static void fillAccess(CrmStore crm) {
        AccessDirectory directory = crm.accessDirectory();
        directory.save(Team.of("z-sales", "Sales " + LINE));
        directory.save(Team.below("m-dach", "DACH \"Vertrieb\" \u00e9\u0301", "z-sales"));
        directory.save(Team.below("a-berlin", "Berlin \uD83D\uDE00", "m-dach"));
        directory.save(Role.builder("z-head", "Head of sales").everywhere(Scope.EVERYTHING).admin(AdminPermission.ACCESS,
                AdminPermission.PIPELINES).build());
        directory.save(Role.builder("a-rep", "Rep " + LINE).reportsTo("m-lead")
                .scope(RecordType.LEAD, Scope.OWN, Permission.VIEW, Permission.EDIT)
                .field(RecordType.LEAD, "customFields.margin", FieldAccess.READ)
                .field(RecordType.DEAL, "lostReason", FieldAccess.HIDDEN)
                .field(RecordType.CONTACT, "emails", FieldAccess.READ).build());
        directory.save(Role.builder("m-lead", "Team lead").reportsTo("z-head")
                .scope(RecordType.CONTACT, Scope.TEAM, Permission.values()).build());
        directory.save(new User(UserId.of("owner 0"), "Dana " + LINE, Optional.of("dana@example.com"),
                Optional.of(TeamId.of("z-sales")), RoleId.of("z-head")));
        directory.save(User.of("owner 1", "a-berlin", "a-rep").withEmail("ben@example.com"));
        directory.save(new User(UserId.of("owner 2"), "No team", Optional.empty(), Optional.empty(),
                RoleId.of("m-lead")));
        directory.setDefault(RecordType.DEAL, DefaultAccess.PRIVATE);
        directory.setDefault(RecordType.CONTACT, DefaultAccess.TEAM_READ);
        directory.setDefault(RecordType.COMPANY, DefaultAccess.PUBLIC_READ_WRITE);
    }

    /** A body at the store's limit, 100,000 characters, with text outside the Basic Multilingual Plane. */
    private static String large() {
        StringBuilder b = new StringBuilder(100_000);
        while (b.length() < 99_990) {
            b.append("Zeile ").append(b.length()).append(" 😀 \"ü\"\n");
        }
        return b.substring(0, 99_990);
    }

    /** Many custom field values, each a different key. */
    private static CustomFields manyFields() {
        Map<String, FieldValue> values = new LinkedHashMap<>();
        for (int i = 0; i < 90; i++) {
            values.put("field_" + i, new FieldValue.Text("value " + i + " " + HOSTILE));
        }
        return new CustomFields(values);
    }
}
