package dev.crmkit.kit.archive;

import dev.crmkit.campaigns.segment.ContactFilterText;
import dev.crmkit.campaigns.segment.SegmentDefinition;

import java.util.Objects;

/**
 * One of crm-campaigns' saved segments as the store export holds it: its name (its key in the archive,
 * {@link Archives#campaignSegments()}), its version and its filter in the canonical text of {@link ContactFilterText}
 * (the text the JDBC store keeps). Only used with crm-campaigns on the class path.
 *
 * @param name    the segment's name
 * @param version its version
 * @param filter  its filter as {@link ContactFilterText#write} writes it
 */
public record SegmentEntry(String name, long version, String filter) {

    /** Checks the parts are there. */
    public SegmentEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(filter, "filter");
    }

    /** The entry of a segment. */
    public static SegmentEntry of(SegmentDefinition segment) {
        return new SegmentEntry(segment.name(), segment.version(), ContactFilterText.write(segment.filter()));
    }

    /**
     * The segment this entry holds.
     *
     * @throws dev.crmkit.core.kernel.ValidationException if its name, version or filter text is not valid
     */
    public SegmentDefinition definition() {
        return new SegmentDefinition(name, ContactFilterText.read(filter), version);
    }
}
