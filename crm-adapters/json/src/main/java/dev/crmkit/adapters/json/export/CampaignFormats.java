package dev.crmkit.adapters.json.export;

import dev.crmkit.campaigns.abtest.AbWinner;
import dev.crmkit.campaigns.audience.DoNotContact;
import dev.crmkit.campaigns.delivery.MessageState;
import dev.crmkit.campaigns.sequence.Enrollment;
import dev.crmkit.campaigns.template.StoredTemplate;
import dev.crmkit.kit.archive.AbExposureEntry;
import dev.crmkit.kit.archive.AbTestEntry;
import dev.crmkit.kit.archive.CampaignEventEntry;
import dev.crmkit.kit.archive.CapDayEntry;
import dev.crmkit.kit.archive.SegmentEntry;

import java.util.Optional;

/**
 * crm-campaigns' record types of the export, {@code campaign-messages} (the ledger of due messages with their claims
 * and outcomes) and {@code campaign-do-not-contact}, added after crm-core's and crm-pipeline's when crm-campaigns is
 * on the class path (an optional dependency of this module). Without it no class of crm-campaigns is loaded.
 */
final class CampaignFormats {

    private static final String PROBE = "dev.crmkit.campaigns.delivery.CampaignStores";

    private CampaignFormats() {
    }

    /** The format with crm-campaigns' record types when crm-campaigns is on the class path, else as it is. */
    static ExportFormat added(ExportFormat format) {
        if (!present()) {
            return format;
        }
        return Types.added(format);
    }

    /**
     * The contact (its id as text) a crm-campaigns record belongs to: a message's, an enrollment's, a do-not-contact
     * entry's; empty for any other record, or without crm-campaigns.
     */
    static Optional<String> contactOf(Object record) {
        return PRESENT ? Types.contactOf(record) : Optional.empty();
    }

    private static final boolean PRESENT = present();

    private static boolean present() {
        try {
            Class.forName(PROBE, false, CampaignFormats.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Loaded only when crm-campaigns is there. */
    private static final class Types {
        private Types() {
        }

        static Optional<String> contactOf(Object record) {
            if (record instanceof MessageState m) {
                return Optional.of(m.message().contactId());
            } else if (record instanceof Enrollment e) {
                return Optional.of(e.contactId());
            } else if (record instanceof DoNotContact d) {
                return Optional.of(d.contactId());
            }
            return Optional.empty();
        }

        static ExportFormat added(ExportFormat format) {
            return format.with(new RecordFormat<>("campaign-messages", MessageState.class,
                            s -> s.archives().campaignMessages()))
                    .with(new RecordFormat<>("campaign-do-not-contact", DoNotContact.class,
                            s -> s.archives().doNotContact()))
                    .with(new RecordFormat<>("campaign-events", CampaignEventEntry.class,
                            s -> s.archives().campaignEvents()))
                    .with(new RecordFormat<>("campaign-enrollments", Enrollment.class,
                            s -> s.archives().campaignEnrollments()))
                    .with(new RecordFormat<>("campaign-templates", StoredTemplate.class,
                            s -> s.archives().campaignTemplates()))
                    .with(new RecordFormat<>("campaign-segments", SegmentEntry.class,
                            s -> s.archives().campaignSegments()))
                    .with(new RecordFormat<>("campaign-cap-days", CapDayEntry.class,
                            s -> s.archives().campaignCapDays()))
                    .with(new RecordFormat<>("campaign-ab-tests", AbTestEntry.class,
                            s -> s.archives().campaignAbTests()))
                    .with(new RecordFormat<>("campaign-ab-exposures", AbExposureEntry.class,
                            s -> s.archives().campaignAbExposures()))
                    .with(new RecordFormat<>("campaign-ab-winners", AbWinner.class,
                            s -> s.archives().campaignAbWinners()));
        }
    }
}
