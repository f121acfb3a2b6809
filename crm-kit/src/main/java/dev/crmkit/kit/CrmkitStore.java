package dev.crmkit.kit;

import dev.crmkit.campaigns.delivery.CampaignStores;
import dev.crmkit.core.CrmStore;
import dev.crmkit.core.kernel.Transactions;
import dev.crmkit.kit.archive.Archives;
import dev.crmkit.kit.archive.ServiceArchives;
import dev.crmkit.kit.migration.ExternalIds;
import dev.crmkit.pipeline.PipelineStore;
import dev.crmkit.service.ServiceStore;

/**
 * A store of every crmkit module's ports, sharing one set of units of work: what {@link Crmkit} is built on. The
 * in-memory store ({@code InMemoryCrmStore}) and the JDBC store ({@code JdbcCrmStore}) are such stores; as modules
 * are added, this interface grows their ports, and so a store that compiles against it serves every module.
 * Implementations are thread-safe.
 */
public interface CrmkitStore extends CrmStore, PipelineStore, ServiceStore {

    /** Units of work over every port of the store. */
    @Override
    Transactions transactions();

    /**
     * Every record type of the store read in id order and written back as it was, for a full export and its restore
     * only; application code uses the ports above.
     */
    Archives archives();

    /** crm-service's records read in key order and written back as they were, for a full export and its restore. */
    ServiceArchives serviceArchives();

    /**
     * Runs {@code reads} (a full export) so that all of them read one consistent state of the store, where the store
     * can do that cheaply; by default it just runs them, each read seeing the store as it is then. The JDBC store runs
     * them in one read-only REPEATABLE READ transaction on one connection.
     */
    default <T> T readConsistently(java.util.function.Supplier<T> reads) {
        return reads.get();
    }

    /**
     * crm-campaigns' stores (the ledger of due messages, the do-not-contact list) on this store's database, what
     * {@link Crmkit#campaigns()} runs on. Needs crm-campaigns on the class path (an optional dependency of crm-kit and
     * the adapters); a host without it never calls this.
     */
    CampaignStores campaignStores();

    /**
     * The external ids of records migrated from another CRM ({@link dev.crmkit.kit.migration.Migration}). The
     * default is a store that keeps none: its calls fail with an {@link UnsupportedOperationException}; crmkit's
     * stores keep them.
     */
    default ExternalIds externalIds() {
        throw new UnsupportedOperationException("this store keeps no external ids");
    }

    /**
     * The consent history ({@link dev.crmkit.core.privacy.ConsentHistory}) read in key order and written back as it
     * was, for a full export and its restore. The default is a store that keeps none: it fails with an
     * {@link UnsupportedOperationException}; crmkit's stores keep one.
     */
    default dev.crmkit.kit.archive.Archive<dev.crmkit.core.privacy.ConsentChange> consentArchive() {
        throw new UnsupportedOperationException("this store keeps no consent history");
    }

    /**
     * The suppression list's entries read in hash order and written back as they were, for a full export and its
     * restore. The default is a store that keeps none: it fails with an {@link UnsupportedOperationException};
     * crmkit's stores keep one.
     */
    default dev.crmkit.kit.archive.Archive<dev.crmkit.kit.archive.SuppressedHash> suppressionArchive() {
        throw new UnsupportedOperationException("this store keeps no suppression list");
    }

    /**
     * The retention job's claims read in contact id order and written back as they were, for a full export and its
     * restore. The default is a store that keeps none: it fails with an {@link UnsupportedOperationException};
     * crmkit's stores keep them.
     */
    default dev.crmkit.kit.archive.Archive<dev.crmkit.kit.archive.RetentionClaim> retentionClaimArchive() {
        throw new UnsupportedOperationException("this store keeps no retention claims");
    }

    /**
     * The marks of erased contacts ({@link dev.crmkit.core.privacy.PersonalData#isErased}) read in contact id order
     * and written back as they were, for a full export and its restore, so a restored store still refuses edits of
     * the anonymized contacts. The default is a store that keeps none: it fails with an
     * {@link UnsupportedOperationException}; crmkit's stores keep them.
     */
    default dev.crmkit.kit.archive.Archive<dev.crmkit.kit.archive.ErasedContact> erasedContactArchive() {
        throw new UnsupportedOperationException("this store keeps no erased-contact marks");
    }
}
