package dev.crmkit.adapters.jdbc;

import dev.crmkit.adapters.memory.InMemoryCrmStore;
import dev.crmkit.adapters.metrics.QualityRecords;
import dev.crmkit.adapters.metrics.TeamRecords;
import dev.crmkit.adapters.metrics.VisibleStatistics;
import dev.crmkit.core.access.AccessPolicy;
import dev.crmkit.core.access.AccessRecord;
import dev.crmkit.core.access.Actor;
import dev.crmkit.core.access.AdminPermission;
import dev.crmkit.core.access.Permission;
import dev.crmkit.core.access.StatisticsScope;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contract.AccessPopulation;
import dev.crmkit.core.contract.Fixtures;
import dev.crmkit.core.customfield.CustomFieldSchema;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.customfield.FieldDefinition;
import dev.crmkit.core.customfield.FieldType;
import dev.crmkit.core.customfield.FieldValue;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.kit.CrmkitStore;
import dev.crmkit.metrics.quality.FillRates;
import dev.crmkit.metrics.quality.FillReport;
import dev.crmkit.metrics.quality.RecordFill;
import dev.crmkit.metrics.team.Attainment;
import dev.crmkit.metrics.team.Attainments;
import dev.crmkit.metrics.team.Period;
import dev.crmkit.metrics.team.SalesTarget;
import dev.crmkit.metrics.team.WonDeal;
import dev.crmkit.metrics.team.Window;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealId;
import dev.crmkit.pipeline.definition.Pipeline;
import dev.crmkit.pipeline.definition.PipelineDefinition;
import dev.crmkit.pipeline.definition.PipelineId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static dev.crmkit.core.contract.Fixtures.at;
import static dev.crmkit.core.contract.Fixtures.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Metrics pushdown as an actor sees it, on the in-memory store (the walk over the restricted lists), H2, PostgreSQL
 * and MariaDB (the access condition inside the grouped SQL): for generated populations (teams, roles with random
 * scopes and administrative permissions, users, default accesses, shares; leads, contacts, companies and deals owned
 * by users, by nobody or by a user the directory does not know), every actor's scoped figures equal crm-metrics'
 * calculators over exactly the records that actor may view (all of them with
 * {@link AdminPermission#STATISTICS}): 0 leaks, 0 wrongly hidden. The paths covered:
 * {@link VisibleStatistics#fillRates} ({@link JdbcTeamMetrics#fillRates(Map, StatisticsScope)}: standard fields of
 * leads, contacts, companies and deals, a custom field of deals) and {@link VisibleStatistics#attainments}
 * ({@link JdbcTeamMetrics#attainments(List, Window, LocalDate, StatisticsScope)}: won deals per owner).
 */
class VisibleStatisticsTest {

    private static final Window WINDOW = new Window(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31),
            ZoneOffset.UTC);
    private static final List<DataSource> OPENED = new ArrayList<>();

    @AfterAll
    static void closeDatabases() {
        OPENED.forEach(TestDatabase::close);
    }

    static Stream<String> stores() {
        return Stream.of("memory", "H2", "POSTGRESQL", "MARIADB");
    }

    private static CrmkitStore store(String name) {
        if (name.equals("memory")) {
            return InMemoryCrmStore.create();
        }
        DataSource ds = TestDatabase.valueOf(name).isolated();
        OPENED.add(ds);
        return JdbcCrmStore.builder(ds).build();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void scopedMetrics_equalTheMetricsOfExactlyTheVisibleRecords(String storeName) {
        int everything = 0;
        int partial = 0;
        int hiddenFields = 0;
        int shownFields = 0;
        for (long seed : new long[] {11, 12}) {
            Population p = Population.store(store(storeName), seed);
            AccessPolicy policy = AccessPolicy.of(p.pop.organization());
            Map<String, Set<String>> required = QualityRecords.required(QualityRecords.DEFAULT_REQUIRED,
                    List.of(p.store.customFieldSchemas().schemaFor(RecordType.DEAL)));
            List<SalesTarget> targets = p.pop.organization().users().stream().map(u -> new SalesTarget(
                    u.id().value(), Period.parse("2026-03"), Money.of("100.00", "EUR"))).toList();
            LocalDate asOf = LocalDate.of(2026, 3, 20);
            for (Actor actor : p.pop.actors()) {
                StatisticsScope scope = StatisticsScope.of(policy, actor);
                boolean all = policy.administer(actor, AdminPermission.STATISTICS).allowed();
                Predicate<AccessRecord> counts = r -> all || policy.decide(actor, Permission.VIEW, r,
                        p.pop.sharesOf(r.ref())).allowed();
                List<RecordFill> records = new ArrayList<>();
                java.util.function.BiFunction<RecordType, RecordFill, RecordFill> seen = (type, fill) -> withoutHidden(
                        policy, actor, type, fill);
                p.leads.stream().filter(l -> counts.test(AccessRecord.of(l))).forEach(l -> records.add(seen.apply(
                        RecordType.LEAD, QualityRecords.lead(l, p.schema(RecordType.LEAD)))));
                p.contacts.stream().filter(c -> counts.test(AccessRecord.of(c))).forEach(c -> records.add(seen.apply(
                        RecordType.CONTACT, QualityRecords.contact(c, p.schema(RecordType.CONTACT)))));
                p.companies.stream().filter(c -> counts.test(AccessRecord.of(RecordType.COMPANY, c.id().value(),
                        Optional.empty()))).forEach(c -> records.add(seen.apply(RecordType.COMPANY,
                        QualityRecords.company(c, p.schema(RecordType.COMPANY)))));
                List<Deal> deals = p.deals.stream().filter(d -> counts.test(AccessRecord.of(RecordType.DEAL,
                        d.id().value(), d.owner()))).toList();
                deals.forEach(d -> records.add(seen.apply(RecordType.DEAL, QualityRecords.deal(d,
                        p.schema(RecordType.DEAL)))));
                String who = storeName + ", seed " + seed + ", " + actor;

                FillReport report = VisibleStatistics.fillRates(p.store, required, scope);
                assertEquals(FillRates.of(records, required), report, who + ": fill rates");
                for (String[] field : HIDEABLE) {
                    RecordType type = RecordType.valueOf(field[0].toUpperCase(java.util.Locale.ROOT));
                    boolean hidden = policy.field(actor, new dev.crmkit.core.access.FieldRef(type, field[1]))
                            == dev.crmkit.core.access.FieldAccess.HIDDEN;
                    boolean reported = report.fields().stream().anyMatch(f -> f.recordType().equals(field[0])
                            && f.field().equals(field[2]));
                    if (hidden) {
                        assertTrue(!reported, who + ": " + field[0] + "." + field[2] + " is hidden but reported");
                        hiddenFields++;
                    } else if (reported) {
                        shownFields++;
                    }
                }
                List<WonDeal> won = new ArrayList<>();
                deals.forEach(d -> TeamRecords.wonDeal(d, WINDOW.zone()).ifPresent(won::add));
                List<Attainment> expected = Attainments.of(targets, won, WINDOW, asOf);
                assertEquals(expected, VisibleStatistics.attainments(p.store, targets, WINDOW, asOf, scope),
                        who + ": attainments");
                int visible = records.size();
                int total = p.leads.size() + p.contacts.size() + p.companies.size() + p.deals.size();
                everything += all ? 1 : 0;
                partial += !all && visible > 0 && visible < total ? 1 : 0;
            }
        }
        assertTrue(everything > 0 && partial > 0, "some actors hold STATISTICS (" + everything + ") and some see "
                + "part of the records (" + partial + ")");
        assertTrue(hiddenFields > 0 && shownFields > 0, "fill rates of the hideable fields were left out ("
                + hiddenFields + ") and reported (" + shownFields + ")");
    }

    /**
     * The fields the roles get a random access on: record type, field as a role names it, field as the report names
     * it. Owners too: a report groups by an owner only where the role shows it.
     */
    private static final List<String[]> HIDEABLE = List.of(new String[] {"deal", "amount", "amount"},
            new String[] {"deal", "customFields.region", "custom.region"},
            new String[] {"deal", "owner", "owner"}, new String[] {"contact", "emails", "email"},
            new String[] {"contact", "birthday", "birthday"}, new String[] {"lead", "owner", "owner"},
            new String[] {"lead", "companyName", "companyName"}, new String[] {"company", "webDomain", "webDomain"});

    /**
     * A record's fill as the actor may see it, written out: without each field of {@link #HIDEABLE} (and of every
     * field a stranger's "no role" hides, by the same names) that the role hides, and without its owner when the
     * role hides the owner.
     */
    private static RecordFill withoutHidden(AccessPolicy policy, Actor actor, RecordType type, RecordFill fill) {
        Map<String, String> about = new HashMap<>(Map.of("firstName", "name", "lastName", "name", "campaign",
                "source", "contact", "contactId", "company", type == RecordType.DEAL ? "companyId" : "affiliations"));
        if (type == RecordType.CONTACT) {
            about.put("email", "emails");
            about.put("phone", "phones");
        }
        Map<String, Boolean> fields = new java.util.LinkedHashMap<>();
        fill.fields().forEach((field, filled) -> {
            String named = field.startsWith("custom.") ? "customFields." + field.substring(7)
                    : about.getOrDefault(field, field);
            if (policy.field(actor, new dev.crmkit.core.access.FieldRef(type, named))
                    != dev.crmkit.core.access.FieldAccess.HIDDEN) {
                fields.put(field, filled);
            }
        });
        boolean ownerHidden = type != RecordType.COMPANY && policy.field(actor, new dev.crmkit.core.access.FieldRef(
                type, "owner")) == dev.crmkit.core.access.FieldAccess.HIDDEN;
        return new RecordFill(fill.recordType(), ownerHidden ? Optional.empty() : fill.owner(), fields);
    }

    /** A generated population stored: the organization, shares, and the records as stored. */
    private static final class Population {
        final CrmkitStore store;
        final AccessPopulation pop;
        final List<Contact> contacts = new ArrayList<>();
        final List<Company> companies = new ArrayList<>();
        final List<Lead> leads = new ArrayList<>();
        final List<Deal> deals = new ArrayList<>();

        private Population(CrmkitStore store, AccessPopulation pop) {
            this.store = store;
            this.pop = pop;
        }

        CustomFieldSchema schema(RecordType type) {
            return store.customFieldSchemas().schemaFor(type);
        }

        static Population store(CrmkitStore store, long seed) {
            AccessPopulation generated = AccessPopulation.generate(seed, 80, RecordType.CONTACT, RecordType.COMPANY,
                    RecordType.LEAD, RecordType.DEAL);
            Random fieldAccess = new Random(seed * 31);
            List<dev.crmkit.core.access.Role> roles = new ArrayList<>();
            for (dev.crmkit.core.access.Role r : generated.organization().roles()) {
                Map<dev.crmkit.core.access.FieldRef, dev.crmkit.core.access.FieldAccess> access =
                        new java.util.LinkedHashMap<>(r.fields());
                HIDEABLE.forEach(f -> access.put(new dev.crmkit.core.access.FieldRef(RecordType.valueOf(
                        f[0].toUpperCase(java.util.Locale.ROOT)), f[1]),
                        dev.crmkit.core.access.FieldAccess.values()[fieldAccess.nextInt(3)]));
                roles.add(new dev.crmkit.core.access.Role(r.id(), r.name(), r.reportsTo(), r.scopes(), access,
                        r.admin()));
            }
            AccessPopulation pop = new AccessPopulation(dev.crmkit.core.access.Organization.of(
                    generated.organization().users(), generated.organization().teams(), roles,
                    generated.organization().defaults()), generated.records(), generated.shares(),
                    generated.actors());
            Population p = new Population(store, pop);
            Fixtures fx = new Fixtures(seed);
            Random random = new Random(seed);
            store.transactions().run(() -> {
                pop.storeAccess(store);
                store.customFieldSchemas().save(CustomFieldSchema.of(RecordType.DEAL,
                        FieldDefinition.optional("region", FieldType.TEXT)));
                Pipeline pipeline = store.pipelines().insert(new Pipeline(new PipelineId(new UUID(seed, 999)), 0,
                        PipelineDefinition.builder("Sales").stage("open").won("won").lost("lost").build(), at(0),
                        at(0)));
                Map<RecordType, List<AccessRecord>> byType = new HashMap<>();
                pop.records().forEach(r -> byType.computeIfAbsent(r.ref().type(), t -> new ArrayList<>()).add(r));
                int i = 0;
                for (AccessRecord r : byType.getOrDefault(RecordType.COMPANY, List.of())) {
                    Fixtures.CompanyBuilder b = fx.company().id(new CompanyId(r.ref().id())).createdAt(at(i++));
                    if (random.nextBoolean()) {
                        b.noWebDomain();
                    }
                    store.companies().insertOrGet(b.build());
                }
                for (AccessRecord r : byType.getOrDefault(RecordType.CONTACT, List.of())) {
                    Fixtures.ContactBuilder b = fx.contact().id(new ContactId(r.ref().id())).createdAt(at(i++));
                    r.owner().ifPresent(b::owner);
                    if (random.nextBoolean()) {
                        b.birthday(LocalDate.of(1980, 1, 1 + random.nextInt(28)));
                    }
                    store.contacts().insertOrGet(b.build());
                }
                for (AccessRecord r : byType.getOrDefault(RecordType.LEAD, List.of())) {
                    Fixtures.LeadBuilder b = fx.lead().id(new LeadId(r.ref().id())).createdAt(at(i++));
                    r.owner().ifPresent(b::owner);
                    if (random.nextBoolean()) {
                        b.companyName("");
                    }
                    store.leads().insertOrGet(b.build());
                }
                for (AccessRecord r : byType.getOrDefault(RecordType.DEAL, List.of())) {
                    p.deals.add(store.deals().insert(deal(new DealId(r.ref().id()), pipeline.id(), r.owner(),
                            random, at(i++))));
                }
            });
            p.contacts.addAll(readAll(store.contacts()::findAll, 50));
            p.companies.addAll(readAll(store.companies()::findAll, 50));
            p.leads.addAll(readAll(store.leads()::findAll, 50));
            return p;
        }

        private static Deal deal(DealId id, PipelineId pipeline, Optional<UserId> owner, Random random,
                                 Instant created) {
            boolean won = random.nextBoolean();
            Optional<Instant> wonAt = won ? Optional.of(created.plusSeconds(86_400L * (1 + random.nextInt(20))))
                    : Optional.empty();
            Optional<Money> amount = random.nextInt(6) == 0 ? Optional.empty()
                    : Optional.of(Money.of(BigDecimal.valueOf(random.nextInt(100_000), 2), java.util.Currency.getInstance("EUR")));
            CustomFields custom = random.nextBoolean() ? CustomFields.empty()
                    : CustomFields.empty().with("region", new FieldValue.Text("north"));
            return new Deal(id, 0, pipeline, "deal", won ? "won" : "open", created, 50, Optional.empty(), amount,
                    random.nextBoolean() ? Optional.of(LocalDate.of(2026, 4, 1)) : Optional.empty(),
                    Optional.empty(), owner, Optional.empty(), Optional.empty(), Optional.empty(), "web", custom,
                    Map.of(), Set.of(), Optional.empty(), wonAt, Optional.empty(), created, created);
        }
    }
}
