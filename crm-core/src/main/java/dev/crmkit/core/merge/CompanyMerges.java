package dev.crmkit.core.merge;

import dev.crmkit.core.company.Company;
import dev.crmkit.core.company.CompanyId;
import dev.crmkit.core.contact.Affiliation;
import dev.crmkit.core.contact.Contact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The storage port of company merges. A store implements it over every table it holds that refers to companies
 * (contact affiliations, leads, tasks, the timeline, and crm-pipeline's deals when the store holds them). A
 * merged-away company's web domain is freed; a contact affiliated with both keeps its affiliation with the survivor,
 * and unmerge restores the affiliated contacts from {@link CompanyMerge#contactsBefore()}.
 */
public interface CompanyMerges extends RecordMerges<Company, CompanyId, CompanyMerge> {

    /**
     * The contacts affiliated with the company, as stored: what {@link #retire} will change, for the merge record.
     */
    List<Contact> affiliatedWith(CompanyId company);

    /**
     * The contact as a merge of companies leaves it: affiliated with the survivor instead of the merged-away company,
     * with the same roles and site; a contact affiliated with both keeps only its affiliation with the survivor.
     */
    static Contact reaffiliated(Contact c, CompanyId gone, CompanyId survivor) {
        boolean hasSurvivor = c.affiliations().stream().anyMatch(a -> a.companyId().equals(survivor));
        List<Affiliation> affiliations = new ArrayList<>();
        for (Affiliation a : c.affiliations()) {
            if (!a.companyId().equals(gone)) {
                affiliations.add(a);
            } else if (!hasSurvivor) {
                affiliations.add(new Affiliation(survivor, a.roles(), a.site()));
            }
        }
        return new Contact(c.id(), c.version(), c.name(), c.emails(), c.phones(), c.addresses(), c.language(),
                c.birthday(), c.consent(), affiliations, c.customFields(), c.owner(), c.createdAt(), c.updatedAt());
    }

    /** A port for stores that cannot merge companies: every call fails (UnsupportedOperationException). */
    static CompanyMerges unsupported() {
        return Unsupported.INSTANCE;
    }

    /** The port of {@link #unsupported()}. */
    enum Unsupported implements CompanyMerges {
        /** The one instance. */
        INSTANCE;

        private static UnsupportedOperationException fail() {
            return new UnsupportedOperationException("this store keeps no company merges");
        }

        @Override
        public List<Contact> affiliatedWith(CompanyId company) {
            throw fail();
        }

        @Override
        public List<Repointed> retire(Company merged, CompanyId survivor, MergeId merge) {
            throw fail();
        }

        @Override
        public void save(CompanyMerge merge) {
            throw fail();
        }

        @Override
        public Optional<CompanyMerge> find(MergeId id) {
            throw fail();
        }

        @Override
        public List<String> conflicts(CompanyMerge merge) {
            throw fail();
        }

        @Override
        public CompanyMerge undo(CompanyMerge merge, Instant at) {
            throw fail();
        }
    }
}
