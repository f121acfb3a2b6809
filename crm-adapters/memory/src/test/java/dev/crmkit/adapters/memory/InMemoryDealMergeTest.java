package dev.crmkit.adapters.memory;

import dev.crmkit.core.Crm;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.contract.Restored;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.lead.LeadSource;
import dev.crmkit.core.merge.ContactMerge;
import dev.crmkit.core.merge.LeadMerge;
import dev.crmkit.core.merge.LeadMergeOutcome;
import dev.crmkit.core.merge.MergeContacts;
import dev.crmkit.core.merge.MergeOutcome;
import dev.crmkit.core.merge.Repointed;
import dev.crmkit.core.merge.UnmergeOutcome;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealId;
import dev.crmkit.pipeline.definition.PipelineId;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * A merge of contacts or of leads reaches crm-pipeline's deals in the in-memory store, and unmerge puts them back
 * exactly.
 */
class InMemoryDealMergeTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void merge_dealOfMergedAwayContact_pointsAtSurvivor_unmergeRestoresItExactly() {
        InMemoryCrmStore store = InMemoryCrmStore.create();
        Crm crm = Crm.builder().store(store).clock(Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC))
                .ids(IdGenerator.seeded(5)).defaultRegion("DE").build();
        Contact a = store.contacts().insertOrGet(Contact.create(new dev.crmkit.core.contact.ContactId(
                new UUID(1, 1)), PersonName.of("Ann", "A"), List.of(EmailAddress.parse("ann@example.org")),
                List.of(), T0));
        Contact b = store.contacts().insertOrGet(Contact.create(new dev.crmkit.core.contact.ContactId(
                new UUID(1, 2)), PersonName.of("Ann", "A"), List.of(EmailAddress.parse("ann@home.example")),
                List.of(), T0));
        Deal deal = store.deals().insert(Deal.builder(new DealId(new UUID(2, 1)), new PipelineId(new UUID(3, 1)),
                "Seats", "New", T0).parties(Optional.empty(), Optional.of(b.id()), Optional.empty(),
                Optional.empty()).build());

        ContactMerge merge = assertInstanceOf(MergeOutcome.Merged.class,
                crm.merging().merge(MergeContacts.into(a.id(), List.of(a.id(), b.id())))).merge();

        Deal moved = store.deals().findById(deal.id()).orElseThrow();
        assertEquals(Optional.of(a.id()), moved.contactId());
        assertEquals(deal.version() + 1, moved.version());
        assertEquals(List.of(Repointed.of(Repointed.Kind.DEAL, deal.id().value(), b.id().value(), a.id().value(),
                deal.version() + 1)), merge.repointed());
        assertInstanceOf(UnmergeOutcome.Unmerged.class, crm.merging().unmerge(merge.id()));
        Restored.assertRestored(Optional.of(deal), store.deals().findById(deal.id()), List.of(deal.id()),
                T0.plusSeconds(60));
    }

    @Test
    void leadMerge_dealConvertedFromMergedAwayLead_pointsAtSurvivor_unmergeRestoresItExactly() {
        InMemoryCrmStore store = InMemoryCrmStore.create();
        Crm crm = Crm.builder().store(store).clock(Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC))
                .ids(IdGenerator.seeded(5)).defaultRegion("DE").build();
        Lead a = store.leads().insertOrGet(Lead.builder(new LeadId(new UUID(4, 1)),
                new dev.crmkit.core.contact.ContactId(new UUID(1, 1)), LeadSource.of(Channel.WEB_FORM),
                PersonName.of("Ann", "A"), T0).reachableAt(Optional.of(EmailAddress.parse("ann@example.org")),
                Optional.empty()).build());
        Lead b = store.leads().insertOrGet(Lead.builder(new LeadId(new UUID(4, 2)),
                new dev.crmkit.core.contact.ContactId(new UUID(1, 2)), LeadSource.of(Channel.WEB_FORM),
                PersonName.of("Ann", "A"), T0).reachableAt(Optional.of(EmailAddress.parse("ann@home.example")),
                Optional.empty()).build());
        Deal deal = store.deals().insert(Deal.builder(new DealId(new UUID(2, 1)), new PipelineId(new UUID(3, 1)),
                "Seats", "New", T0).parties(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(b.id())).build());

        LeadMerge merge = assertInstanceOf(LeadMergeOutcome.Merged.class,
                crm.leadMerging().merge(List.of(a.id(), b.id()), Optional.of(a.id()))).merge();

        Deal moved = store.deals().findById(deal.id()).orElseThrow();
        assertEquals(Optional.of(a.id()), moved.leadId());
        assertEquals(deal.version() + 1, moved.version());
        assertEquals(List.of(Repointed.of(Repointed.Kind.DEAL, deal.id().value(), b.id().value(), a.id().value(),
                deal.version() + 1)), merge.repointed());
        assertInstanceOf(LeadMergeOutcome.Unmerged.class, crm.leadMerging().unmerge(merge.id()));
        Restored.assertRestored(Optional.of(deal), store.deals().findById(deal.id()), List.of(deal.id()),
                T0.plusSeconds(60));
        Restored.assertRestored(Optional.of(b), store.leads().findById(b.id()), List.of(b.id()), T0.plusSeconds(60));
    }
}
