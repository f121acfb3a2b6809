package dev.crmkit.core.privacy;

import dev.crmkit.adapters.memory.InMemoryCrmStore;
import dev.crmkit.core.Crm;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.merge.LeadMerge;
import dev.crmkit.core.merge.LeadMerges;
import dev.crmkit.core.merge.MergeId;
import dev.crmkit.core.merge.Repointed;
import dev.crmkit.kit.Crmkit;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A host's own {@link LeadMerges}, written before {@link LeadMerges#findBySurvivor} was added (review A, finding 6):
 * it still compiles (the method has a default), and a person's export and erasure still run on it, treating no
 * timeline entry as moved by a lead merge.
 */
class HostLeadMergesTest {

    private static final byte[] SALT = "the host test's secret salt, 32b".getBytes(StandardCharsets.UTF_8);
    private static final Instant T0 = Instant.parse("2026-05-04T08:00:00Z");
    private static final String EMAIL = "zeborah.quillfeather@example.org";

    /** The port as a host wrote it against the earlier release: every method but findBySurvivor. */
    private record HostLeadMerges(LeadMerges store) implements LeadMerges {
        @Override
        public List<Repointed> retire(Lead merged, LeadId survivor, MergeId merge) {
            return store.retire(merged, survivor, merge);
        }

        @Override
        public Optional<LeadMerge> findByMergedAway(LeadId lead) {
            return store.findByMergedAway(lead);
        }

        @Override
        public void save(LeadMerge merge) {
            store.save(merge);
        }

        @Override
        public Optional<LeadMerge> find(MergeId id) {
            return store.find(id);
        }

        @Override
        public List<String> conflicts(LeadMerge merge) {
            return store.conflicts(merge);
        }

        @Override
        public LeadMerge undo(LeadMerge merge, Instant at) {
            return store.undo(merge, at);
        }
    }

    @Test
    void aHostPortWithoutFindBySurvivor_failsThatCallOnly_andExportAndErasureRunOnIt() {
        InMemoryCrmStore store = InMemoryCrmStore.create();
        Crm crm = Crmkit.builder().store(store).defaultRegion("DE").clock(Clock.fixed(T0, ZoneOffset.UTC))
                .ids(IdGenerator.seeded(1L)).suppressionSalt(SALT).build().crm();
        Lead lead = crm.capture().capture(LeadSubmission.from(Channel.WEB_FORM).name("Zeborah", "Quillfeather")
                .email(EMAIL).phone("0151 23456789").build()).lead().orElseThrow();
        LeadMerges host = new HostLeadMerges(store.leadMerges());
        assertThrows(UnsupportedOperationException.class, () -> host.findBySurvivor(lead.id()), "the default");

        PersonalDataRights standard = crm.personalData();
        PersonalDataRights.Stores ports = standard.stores();
        PersonalDataRights rights = new PersonalDataRights(new PersonalDataRights.Stores(ports.contacts(),
                ports.leads(), ports.leadScores(), ports.activities(), ports.auditTrail(), ports.personalData(),
                ports.consentHistory(), host), Suppressions.of(store.suppressionList(), SALT), standard.auditLog(),
                standard.context());

        PersonalRecords exported = rights.export(PersonKey.parse(EMAIL, "DE")).orElseThrow();
        assertEquals(List.of(lead.id()), exported.leads().stream().map(Lead::id).toList());
        assertFalse(exported.timeline().isEmpty(), "the capture's entries, about the records they are about now");

        ErasureOutcome.Erased erased = assertInstanceOf(ErasureOutcome.Erased.class,
                rights.erase(PersonKey.parse(EMAIL, "DE"), "request of 2026-05-03"));
        assertEquals(1, erased.counts().of("lead"));
        String left = store.leads().findById(lead.id()).orElseThrow().toString();
        assertFalse(left.contains("Quillfeather"), left);
        assertTrue(rights.export(PersonKey.parse(EMAIL, "DE")).isEmpty(), "nobody under the erased e-mail");
    }
}
