package dev.crmkit.kit.migration;

import dev.crmkit.kit.archive.Archive;

import java.util.Optional;

/**
 * The port that keeps external ids: for each record of another CRM (system, type, source id), the crmkit record it
 * became. A key maps to one record and never changes; several keys may map to one record (two source contacts merged
 * into one crmkit contact by their e-mail). Implementations are thread-safe and take part in the running unit of
 * work, so a link is written with the record it points to, or not at all.
 */
public interface ExternalIds {

    /** The link of a source record, if it was migrated. */
    Optional<ExternalId> find(ExternalKey key);

    /**
     * Records a link in the running unit of work, unless its key is linked already.
     *
     * @return true if it was written; false if the key was linked (to whatever record), in which case nothing is
     *         written
     */
    boolean add(ExternalId link);

    /** How many links of a source system are stored. */
    long count(String system);

    /**
     * Every link in the order of {@link ExternalKey#text()}, written back as it was: for a full export and its
     * restore only.
     */
    Archive<ExternalId> archive();
}
