package dev.crmkit.examples.cli.quality;

import dev.crmkit.adapters.jdbc.JdbcCrmStore;
import dev.crmkit.adapters.jdbc.JdbcTeamMetrics;
import dev.crmkit.adapters.metrics.QualityRecords;
import dev.crmkit.core.CrmStore;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.customfield.CustomFieldSchema;
import dev.crmkit.core.duplicate.DuplicateRecord;
import dev.crmkit.core.duplicate.DuplicateScan;
import dev.crmkit.core.duplicate.ScanResult;
import dev.crmkit.core.duplicate.StoreRecords;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.examples.cli.Pages;
import dev.crmkit.metrics.quality.FillRates;
import dev.crmkit.metrics.quality.FillReport;
import dev.crmkit.metrics.quality.RecordFill;
import dev.crmkit.pipeline.PipelineStore;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealFilter;
import dev.crmkit.pipeline.definition.Pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fill rates of a store's leads, contacts, companies and deals: counted in the database on a JDBC store
 * ({@link JdbcTeamMetrics#fillRates}), record by record through the ports on another store; the same definitions
 * ({@link QualityRecords}) either way.
 */
public final class StoreQuality {

    private StoreQuality() {
    }

    /** The custom field schemas of every record type the fill rates cover. */
    public static List<CustomFieldSchema> schemas(CrmStore store) {
        return Arrays.stream(RecordType.values()).map(t -> store.customFieldSchemas().schemaFor(t)).toList();
    }

    /**
     * The fill report of the store.
     *
     * @param required the required fields per record type name
     */
    public static FillReport fillRates(CrmStore store, Map<String, Set<String>> required) {
        if (store instanceof JdbcCrmStore jdbc) {
            return JdbcTeamMetrics.of(jdbc).fillRates(required);
        }
        List<RecordFill> records = new ArrayList<>();
        CustomFieldSchema leads = store.customFieldSchemas().schemaFor(RecordType.LEAD);
        CustomFieldSchema contacts = store.customFieldSchemas().schemaFor(RecordType.CONTACT);
        CustomFieldSchema companies = store.customFieldSchemas().schemaFor(RecordType.COMPANY);
        CustomFieldSchema deals = store.customFieldSchemas().schemaFor(RecordType.DEAL);
        Pages.forEach(r -> store.leads().findAll(r), (Lead l) -> records.add(QualityRecords.lead(l, leads)));
        Pages.forEach(r -> store.contacts().findAll(r), (Contact c) -> records.add(QualityRecords.contact(c,
                contacts)));
        Pages.forEach(r -> store.companies().findAll(r), (Company c) -> records.add(QualityRecords.company(c,
                companies)));
        if (store instanceof PipelineStore pipelines) {
            Pages.forEach(r -> pipelines.pipelines().findAll(r), (Pipeline p) -> Pages.forEach(
                    r -> pipelines.deals().find(DealFilter.pipeline(p.id()), r),
                    (Deal d) -> records.add(QualityRecords.deal(d, deals))));
        }
        return FillRates.of(records, required);
    }

    /** The store's contacts as the fuzzy matcher's records, read page by page. */
    public static List<DuplicateRecord> contactRecords(CrmStore store) {
        List<DuplicateRecord> contacts = new ArrayList<>();
        Pages.forEach(r -> store.contacts().findAll(r), (Contact c) -> contacts.add(StoreRecords.of(c)));
        return contacts;
    }

    /**
     * The store's contacts as the fuzzy matcher's records, as the user {@code crm --as} names sees them: only the
     * contacts they may view (all of them without {@code --as}).
     */
    public static List<DuplicateRecord> contactRecords(CrmStore store, picocli.CommandLine.Model.CommandSpec spec) {
        if (dev.crmkit.examples.cli.ActingUser.of(spec).isEmpty()) {
            return contactRecords(store);
        }
        dev.crmkit.core.access.Actor actor = dev.crmkit.examples.cli.ActingUser.actor(spec);
        dev.crmkit.examples.cli.ActingUser.checkKnown(store, actor);
        return dev.crmkit.core.Crm.builder().store(store).defaultRegion("DE").build().as(actor).duplicateRecords();
    }

    /**
     * The fill report of the store as the user {@code crm --as} names sees it: over everything with the
     * administrative permission STATISTICS (and without {@code --as}), otherwise over the records they may view,
     * the access condition pushed into the database's grouped queries on a JDBC store.
     *
     * @param required the required fields per record type name
     */
    public static FillReport fillRates(CrmStore store, Map<String, Set<String>> required,
                                       picocli.CommandLine.Model.CommandSpec spec) {
        if (dev.crmkit.examples.cli.ActingUser.of(spec).isEmpty()) {
            return fillRates(store, required);
        }
        return dev.crmkit.adapters.metrics.VisibleStatistics.fillRates(store, required, scope(store, spec));
    }

    /**
     * The fields of leads, contacts, companies and deals the role of the user {@code crm --as} names hides, as
     * {@code TYPE.FIELD}: the fill rates leave them out ({@link dev.crmkit.core.access.StatisticsScope#hidden}); none
     * without {@code --as}.
     */
    public static List<String> hiddenFields(CrmStore store, picocli.CommandLine.Model.CommandSpec spec) {
        if (dev.crmkit.examples.cli.ActingUser.of(spec).isEmpty()) {
            return List.of();
        }
        dev.crmkit.core.access.StatisticsScope scope = scope(store, spec);
        List<String> out = new ArrayList<>();
        for (RecordType type : List.of(RecordType.LEAD, RecordType.CONTACT, RecordType.COMPANY, RecordType.DEAL)) {
            scope.hidden(type).stream().sorted().forEach(f -> out.add(QualityRecords.name(type) + "." + f));
        }
        return out;
    }

    /** The statistics scope of the user {@code crm --as} names (who must be in the access directory). */
    public static dev.crmkit.core.access.StatisticsScope scope(CrmStore store,
                                                               picocli.CommandLine.Model.CommandSpec spec) {
        dev.crmkit.core.access.Actor actor = dev.crmkit.examples.cli.ActingUser.actor(spec);
        dev.crmkit.examples.cli.ActingUser.checkKnown(store, actor);
        return dev.crmkit.core.access.StatisticsScope.of(dev.crmkit.core.access.AccessPolicy.of(
                store.accessDirectory().organization()), actor);
    }

    /**
     * The duplicates suspected among the store's contacts: the pairs and clusters the fuzzy matcher scores at or above
     * its default threshold ({@link DuplicateScan#DEFAULT_THRESHOLD}), as {@code crm duplicates scan --store} lists them.
     */
    public static ScanResult suspectedDuplicates(CrmStore store) {
        return DuplicateScan.withDefaults().scan(contactRecords(store));
    }
}
