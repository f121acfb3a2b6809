package dev.crmkit.campaigns.delivery;

import dev.crmkit.campaigns.audience.DoNotContactList;
import dev.crmkit.campaigns.cap.FrequencyCaps;
import dev.crmkit.campaigns.messaging.MessageChannel;
import dev.crmkit.campaigns.template.TemplateLibrary;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * crm-campaigns' entry point, wired by the composition root ({@code Crmkit.campaigns()}): the stores of the host's
 * crmkit store, the channel messages leave through, the template library, the frequency caps (counted from the
 * shared ledger, so they hold across runs and nodes) and the clock.
 * {@link #run(String)} gives a node's {@link CampaignRun} that re-checks the stored do-not-contact list at sending
 * time. Thread-safe.
 */
public final class Campaigns {

    /** How long a node's claim holds when {@link #run(String)} is used: one hour. */
    public static final Duration DEFAULT_LEASE = Duration.ofHours(1);

    private final CampaignStores stores;
    private final MessageChannel channel;
    private final TemplateLibrary templates;
    private final FrequencyCaps caps;
    private final Clock clock;

    /**
     * Campaigns over the given parts.
     *
     * @param caps the frequency caps of every run, counted from the stored ledger across runs and nodes
     */
    public Campaigns(CampaignStores stores, MessageChannel channel, TemplateLibrary templates, FrequencyCaps caps,
            Clock clock) {
        this.stores = Objects.requireNonNull(stores, "stores");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.templates = Objects.requireNonNull(templates, "templates");
        this.caps = Objects.requireNonNull(caps, "caps");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The ledger of due messages: schedule what triggers make due here. */
    public CampaignMessages messages() {
        return stores.messages();
    }

    /** The do-not-contact list (unsubscribes, bounces, manual blocks). */
    public DoNotContactList doNotContact() {
        return stores.doNotContact();
    }

    /** The sequences' enrollments: enroll under each sequence's re-entry rule, find what is due, record advances. */
    public dev.crmkit.campaigns.sequence.Enrollments enrollments() {
        return stores.enrollments();
    }

    /** The events the host reported (record them here; event-triggered campaigns and sequences read them). */
    public dev.crmkit.campaigns.trigger.CampaignEvents events() {
        return stores.events();
    }

    /**
     * A node's runner of the sequences over the stored enrollments, with the {@linkplain #DEFAULT_LEASE default
     * lease}: it records the steps' messages in the ledger, which {@link #run(String)} then sends with every check.
     */
    public SequenceRunner sequences(String node,
            java.util.List<dev.crmkit.campaigns.sequence.Sequence> sequences,
            dev.crmkit.campaigns.sequence.ContactSignals signals, dev.crmkit.campaigns.sequence.StepActions actions) {
        return new SequenceRunner(stores.enrollments(), stores.messages(), sequences,
                signals, actions, node, DEFAULT_LEASE);
    }

    /** The template library messages are rendered from. */
    public TemplateLibrary templates() {
        return templates;
    }

    /** A sending run of {@code node} with the {@linkplain #DEFAULT_LEASE default lease}. */
    public CampaignRun run(String node) {
        return run(node, DEFAULT_LEASE);
    }

    /**
     * A sending run of {@code node}: claims under {@code lease}, holds back what consent, the stored do-not-contact
     * list or the shared caps forbid, holds back for good a sequence's message whose enrollment ended on a goal
     * since it was scheduled ({@link Cancellation#ofSequences}), and sends through the channel.
     */
    public CampaignRun run(String node, Duration lease) {
        return new CampaignRun(stores.messages(), channel, templates, caps, clock, node, lease)
                .withDoNotContact(stores.doNotContact())
                .withCancellation(Cancellation.ofSequences(stores.enrollments()));
    }
}
