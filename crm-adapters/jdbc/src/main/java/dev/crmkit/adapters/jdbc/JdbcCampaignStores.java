package dev.crmkit.adapters.jdbc;

import dev.crmkit.campaigns.abtest.AbTestStore;
import dev.crmkit.campaigns.audience.DoNotContactList;
import dev.crmkit.campaigns.delivery.CampaignMessages;
import dev.crmkit.campaigns.delivery.CampaignStores;
import dev.crmkit.campaigns.segment.SavedSegments;
import dev.crmkit.campaigns.template.TemplateStore;
import dev.crmkit.campaigns.sequence.Enrollments;
import dev.crmkit.campaigns.trigger.CampaignEvents;

import javax.sql.DataSource;

/**
 * crm-campaigns' stores in the database: {@link JdbcCampaignMessages} (migrations V28, V44),
 * {@link JdbcDoNotContactList} (V29), {@link JdbcEnrollments} (V43, V60), {@link JdbcCampaignEvents} (V61),
 * {@link JdbcSavedSegments} (V63), {@link JdbcTemplateStore} (V64) and {@link JdbcAbTestStore} (V65) with one table
 * prefix, what
 * {@link JdbcCrmStore#campaignStores()} hands out. Needs crm-campaigns on the class path (an optional dependency of
 * this module). Thread-safe.
 */
public final class JdbcCampaignStores implements CampaignStores {

    private final JdbcCampaignMessages messages;
    private final JdbcDoNotContactList doNotContact;
    private final JdbcEnrollments enrollments;
    private final JdbcSavedSegments segments;
    private final JdbcTemplateStore templates;
    private final JdbcAbTestStore abTests;
    private final JdbcCampaignEvents events;

    /**
     * The stores in the data source's database, tables with the prefix given to {@link CrmSchema#migrate}.
     *
     * @throws IllegalArgumentException if the prefix is not 1 to 30 lower-case letters, digits and underscores
     */
    public JdbcCampaignStores(DataSource dataSource, String tablePrefix) {
        this.messages = new JdbcCampaignMessages(dataSource, tablePrefix);
        this.doNotContact = new JdbcDoNotContactList(dataSource, tablePrefix);
        this.enrollments = new JdbcEnrollments(dataSource, tablePrefix);
        this.segments = new JdbcSavedSegments(dataSource, tablePrefix);
        this.templates = new JdbcTemplateStore(dataSource, tablePrefix);
        this.abTests = new JdbcAbTestStore(dataSource, tablePrefix);
        this.events = new JdbcCampaignEvents(dataSource, tablePrefix);
    }

    @Override
    public CampaignMessages messages() {
        return messages;
    }

    @Override
    public DoNotContactList doNotContact() {
        return doNotContact;
    }

    @Override
    public Enrollments enrollments() {
        return enrollments;
    }

    @Override
    public SavedSegments segments() {
        return segments;
    }

    @Override
    public TemplateStore templates() {
        return templates;
    }

    @Override
    public AbTestStore abTests() {
        return abTests;
    }

    @Override
    public CampaignEvents events() {
        return events;
    }
}
