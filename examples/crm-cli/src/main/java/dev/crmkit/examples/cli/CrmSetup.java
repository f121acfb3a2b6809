package dev.crmkit.examples.cli;

import dev.crmkit.adapters.memory.InMemoryCrmStore;
import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmStore;
import dev.crmkit.core.customfield.CustomFieldSchema;
import dev.crmkit.core.customfield.FieldDefinition;
import dev.crmkit.core.customfield.FieldType;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.RecordType;


import java.time.Clock;
import java.util.List;

/** How the {@code crm} program wires crmkit: a store and the custom fields its leads carry. */
public final class CrmSetup {

    /** The lead custom fields: {@code budget} (money) and {@code product} (one of three editions). */
    public static final CustomFieldSchema LEAD_FIELDS = new CustomFieldSchema(RecordType.LEAD, List.of(
            new FieldDefinition("budget", "Budget", FieldType.MONEY, false, List.of()),
            new FieldDefinition("product", "Product of interest", FieldType.SINGLE_CHOICE, false,
                    List.of("crm-starter", "crm-pro", "crm-enterprise"))));

    private CrmSetup() {
    }

    /**
     * crmkit over a new, empty in-memory store, with the lead custom fields defined.
     *
     * @param defaultRegion the region national phone numbers are read in
     * @param clock         where times come from
     * @param ids           where ids come from
     */
    public static Crm inMemory(String defaultRegion, Clock clock, IdGenerator ids) {
        return on(InMemoryCrmStore.create(), defaultRegion, clock, ids);
    }

    /**
     * crmkit over a store, which may hold data of earlier runs. The lead custom fields are defined when the store has
     * none for leads; fields someone else defined there are left as they are. When {@code crm privacy erase} made a
     * salt ({@code .crm/privacy-salt}), captures of erased people are flagged.
     *
     * @param defaultRegion the region national phone numbers are read in
     * @param clock         where times come from
     * @param ids           where ids come from
     */
    public static Crm on(CrmStore store, String defaultRegion, Clock clock, IdGenerator ids) {
        return on(store, defaultRegion, clock, ids, dev.crmkit.core.duplicate.DuplicateRules.allowAll());
    }

    /** {@link #on(CrmStore, String, Clock, IdGenerator)} under these duplicate rules. */
    public static Crm on(CrmStore store, String defaultRegion, Clock clock, IdGenerator ids,
                         dev.crmkit.core.duplicate.DuplicateRules rules) {
        Crm.Builder builder = Crm.builder()
                .store(store)
                .defaultRegion(defaultRegion)
                .clock(clock)
                .ids(ids)
                .duplicateRules(rules);
        // an erasure made the salt: captures then flag the people erased (CaptureOutcome.Suppressed)
        dev.crmkit.examples.cli.privacy.PrivacySalt.existing(dev.crmkit.examples.cli.privacy.PrivacySalt.DEFAULT_FILE)
                .ifPresent(builder::suppressionSalt);
        Crm crm = builder.build();
        if (store.customFieldSchemas().schemaFor(RecordType.LEAD).fields().isEmpty()) {
            crm.customers().defineCustomFields(LEAD_FIELDS);
        }
        return crm;
    }
}
