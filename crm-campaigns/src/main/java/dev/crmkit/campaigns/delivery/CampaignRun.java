package dev.crmkit.campaigns.delivery;

import dev.crmkit.campaigns.abtest.AbTest;
import dev.crmkit.campaigns.abtest.WinnerRule;
import dev.crmkit.campaigns.audience.ChannelKind;
import dev.crmkit.campaigns.audience.ConsentRule;
import dev.crmkit.campaigns.audience.DoNotContactList;
import dev.crmkit.campaigns.audience.Recipient;
import dev.crmkit.campaigns.audience.SendPermission;
import dev.crmkit.campaigns.cap.FrequencyCaps;
import dev.crmkit.campaigns.message.DueMessage;
import dev.crmkit.campaigns.messaging.MessageChannel;
import dev.crmkit.campaigns.messaging.OutgoingMessage;
import dev.crmkit.campaigns.messaging.SendResult;
import dev.crmkit.campaigns.template.MessageValues;
import dev.crmkit.campaigns.template.RenderedMessage;
import dev.crmkit.campaigns.template.TemplateLibrary;
import dev.crmkit.campaigns.window.SendWindow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One node's sending run: claims what is due on a day from the shared {@link CampaignMessages}, checks consent (and,
 * when given, the contacts' e-mail do-not-contact entries), the send window in the contact's zone (when given) and
 * the frequency caps again at sending time, renders the campaign's template (named like the campaign) in the
 * recipient's language, hands the message to the channel with its key as the idempotency key, and marks it done. The
 * caps are counted from the shared ledger ({@link CampaignMessages#admit}), so nodes sending together never exceed
 * them. A message is never sent before its send day on the recipient's own calendar: a run whose clock is still on
 * the day before in the recipient's zone (a run at 00:00 UTC, a contact in UTC-11) defers it, so a birthday offer is
 * not a day early (mautic#9040); one already past its last valid day there (a contact in UTC+14 whose day is ahead of
 * the run's) is held back for good. A message over a cap, outside the window or before its day stays in the ledger,
 * its claim released at the end of the run, and goes in a later run while it is valid; one with no allowed slot left
 * before it expires is held back for good.
 * Thread-safe if its parts are.
 */
public final class CampaignRun {

    private static final int BATCH = 100;

    private final CampaignMessages ledger;
    private final MessageChannel channel;
    private final TemplateLibrary templates;
    private final FrequencyCaps caps;
    private final Clock clock;
    private final String node;
    private final Duration lease;
    private final DoNotContactList doNotContact;
    private final Map<String, AbTest> tests;
    private final SendWindow window; // null: any time of the run's day
    private final Map<String, dev.crmkit.campaigns.abtest.AbRollout> rollouts;
    private final Cancellation cancellation;

    /**
     * A run of a node.
     *
     * @param lease how long a claim holds; longer than sending one batch takes
     */
    public CampaignRun(CampaignMessages ledger, MessageChannel channel, TemplateLibrary templates,
            FrequencyCaps caps, Clock clock, String node, Duration lease) {
        this(ledger, channel, templates, caps, clock, node, lease, null, Map.of(), null, Map.of(),
                m -> java.util.Optional.empty());
    }

    private CampaignRun(CampaignMessages ledger, MessageChannel channel, TemplateLibrary templates,
            FrequencyCaps caps, Clock clock, String node, Duration lease, DoNotContactList doNotContact,
            Map<String, AbTest> tests, SendWindow window,
            Map<String, dev.crmkit.campaigns.abtest.AbRollout> rollouts, Cancellation cancellation) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.templates = Objects.requireNonNull(templates, "templates");
        this.caps = Objects.requireNonNull(caps, "caps");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.node = Objects.requireNonNull(node, "node");
        this.lease = Objects.requireNonNull(lease, "lease");
        this.doNotContact = doNotContact;
        this.tests = Map.copyOf(tests);
        this.window = window;
        this.rollouts = Map.copyOf(rollouts);
        this.cancellation = cancellation;
    }

    /**
     * A copy that sends a campaign's messages in the A/B test's variants: each recipient gets the template
     * {@code <campaign>-<variant in lower case>} of its {@linkplain AbTest#assign assigned} variant. Once
     * {@link WinnerRule} names a winner, save the winner's text as the campaign's own template and run without the
     * test: the rest get the winner.
     */
    public CampaignRun withAbTest(String campaign, AbTest test) {
        Map<String, AbTest> copy = new HashMap<>(tests);
        copy.put(Objects.requireNonNull(campaign, "campaign"), Objects.requireNonNull(test, "test"));
        return new CampaignRun(ledger, channel, templates, caps, clock, node, lease, doNotContact, copy, window,
                rollouts, cancellation);
    }

    /** A copy that also holds back what the contacts' e-mail do-not-contact entries in the list forbid. */
    public CampaignRun withDoNotContact(DoNotContactList list) {
        return new CampaignRun(ledger, channel, templates, caps, clock, node, lease,
                Objects.requireNonNull(list, "list"), tests, window, rollouts, cancellation);
    }

    /**
     * A copy that sends only inside the window on each recipient's clock (its zone): outside it a message waits for a
     * later run, and one whose next allowed slot would fall after its last valid day is held back for good.
     */
    public CampaignRun withSendWindow(SendWindow sendWindow) {
        return new CampaignRun(ledger, channel, templates, caps, clock, node, lease, doNotContact, tests,
                Objects.requireNonNull(sendWindow, "sendWindow"), rollouts, cancellation);
    }

    /**
     * A copy that sends the rollout's campaign through its stored A/B test: the test group gets the template
     * {@code <campaign>-<variant in lower case>} of its assigned variant (each exposure recorded in the store before the
     * send with the message's key, so a crash between send and mark loses none and a re-claim of the message counts
     * nothing twice; settled as sent after the send, or as failed, not counted, when the channel refuses the message
     * or throws: {@code AbTestStore.ExposureState}), the
     * rest wait (deferred, as outside a send window) until the test has a winner, which each run decides first from
     * the stored outcomes; then the rest get the winner's template. A waiting message on its last valid day gets its
     * own variant. Replaces a {@link #withAbTest} of the same campaign.
     */
    public CampaignRun withAbRollout(dev.crmkit.campaigns.abtest.AbRollout rollout) {
        Map<String, dev.crmkit.campaigns.abtest.AbRollout> copy = new HashMap<>(rollouts);
        copy.put(rollout.plan().campaign(), rollout);
        Map<String, AbTest> plain = new HashMap<>(tests);
        plain.remove(rollout.plan().campaign());
        return new CampaignRun(ledger, channel, templates, caps, clock, node, lease, doNotContact, plain, window,
                copy, cancellation);
    }

    /**
     * A copy that first asks {@code check} about every message it claims, and holds a cancelled one back for good
     * (outcome {@code held: <reason>}): a message scheduled before and cancelled since (an invoice paid, a cart
     * ordered, a sequence's goal reached) is never sent, whichever node claims it. Adds to an earlier check.
     */
    public CampaignRun withCancellation(Cancellation check) {
        Objects.requireNonNull(check, "check");
        return new CampaignRun(ledger, channel, templates, caps, clock, node, lease, doNotContact, tests, window,
                rollouts, cancellation.or(check));
    }

    /** Sends everything the ledger has due on {@code day} that this node can claim, to the given recipients. */
    public RunReport run(LocalDate day, Map<String, Recipient> recipients) {
        int sent = 0;
        int held = 0;
        int deferred = 0;
        Map<String, Integer> byCampaign = new HashMap<>();
        Map<String, Integer> byVariant = new HashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<String> waiting = new java.util.ArrayList<>();
        rollouts.values().forEach(r -> r.decide(clock.instant()));
        while (true) {
            List<DueMessage> batch = ledger.claim(node, day, clock.instant(), lease, BATCH);
            batch = batch.stream().filter(m -> seen.add(m.key())).toList();
            if (batch.isEmpty()) {
                waiting.forEach(key -> ledger.release(key, node)); // free for the next run of any node
                return new RunReport(sent, held, deferred, byCampaign, byVariant);
            }
            for (DueMessage m : batch) {
                Recipient r = recipients.get(m.contactId());
                String outcome = r == null ? "held: no such contact" : holdReason(r, m);
                if (outcome == null) {
                    outcome = cancellation.reason(m).map(reason -> "held: " + reason).orElse(null);
                }
                LocalDate local = r == null ? day : LocalDate.ofInstant(clock.instant(), r.zone());
                if (outcome == null && local.isAfter(m.validUntil())) {
                    // already past its last valid day where the recipient is (+13/+14 ahead of the run's UTC day)
                    outcome = "held: expired on " + m.validUntil() + " on the recipient's calendar (" + local + ")";
                }
                if (outcome == null && local.isBefore(m.sendOn())) {
                    deferred++; // not yet its send day on the recipient's calendar: never a day early
                    waiting.add(m.key());
                    continue;
                }
                if (outcome == null && window != null) {
                    Instant now = clock.instant();
                    if (window.nextSlot(now, r.zone(), m.validUntil()).isEmpty()) {
                        outcome = "held: no send slot before it expires on " + m.validUntil();
                    } else if (!window.allows(now, r.zone())) {
                        deferred++;
                        waiting.add(m.key());
                        continue;
                    }
                }
                dev.crmkit.campaigns.abtest.AbRollout rollout = rollouts.get(m.campaign());
                java.util.Optional<dev.crmkit.campaigns.abtest.AbRollout.Choice> choice = java.util.Optional.empty();
                if (outcome == null && rollout != null) {
                    choice = rollout.choose(m.contactId(), day, m.validUntil());
                    if (choice.isEmpty()) {
                        deferred++; // waits for the winner
                        waiting.add(m.key());
                        continue;
                    }
                }
                if (outcome == null && !ledger.admit(m, day, caps).admitted()) {
                    deferred++;
                    waiting.add(m.key());
                    continue;
                }
                if (outcome == null && choice.filter(dev.crmkit.campaigns.abtest.AbRollout.Choice::tested)
                        .isPresent()) {
                    // recorded before the send, under this node's claim: a crash between send and mark loses no
                    // exposure (the message may expire, or the winner be decided, before another node claims it
                    // again), and the re-send after the lease counts nothing twice (one exposure per contact) and
                    // carries the variant recorded first
                    choice = java.util.Optional.of(new dev.crmkit.campaigns.abtest.AbRollout.Choice(
                            rollout.exposed(m.contactId(), choice.get(), m.key(), clock.instant()), true));
                }
                java.util.Optional<String> variant = choice.map(dev.crmkit.campaigns.abtest.AbRollout.Choice::variant)
                        .or(() -> variant(m));
                boolean exposed = outcome == null && choice.filter(dev.crmkit.campaigns.abtest.AbRollout.Choice::tested)
                        .isPresent();
                if (outcome == null) {
                    try {
                        outcome = send(r, m, variant);
                    } catch (RuntimeException e) {
                        if (exposed) {
                            try {
                                rollout.settled(m.contactId(), m.key(), false); // the channel threw: not counted
                            } catch (RuntimeException settling) {
                                e.addSuppressed(settling); // the channel's failure is the one to report
                            }
                        }
                        throw e;
                    }
                }
                if (exposed) {
                    // a refusal does not count the variant; the claim is marked done with it below
                    rollout.settled(m.contactId(), m.key(), outcome.startsWith("sent"));
                }
                if (outcome.startsWith("sent")) {
                    sent++;
                    byCampaign.merge(m.campaign(), 1, Integer::sum);
                    variant.ifPresent(v -> byVariant.merge(m.campaign() + "/" + v, 1, Integer::sum));
                } else {
                    held++;
                }
                ledger.markDone(m.key(), node, outcome, clock.instant());
            }
        }
    }

    private String holdReason(Recipient r, DueMessage m) {
        SendPermission permission = doNotContact == null ? ConsentRule.check(r, m.kind())
                : ConsentRule.check(r, m.kind(), ChannelKind.EMAIL, doNotContact.of(r.id()));
        if (permission instanceof SendPermission.Refused refused) {
            return "held: " + refused.reason();
        }
        return r.email().isEmpty() ? "held: " + r.id() + " has no e-mail address" : null;
    }

    private java.util.Optional<String> variant(DueMessage m) {
        AbTest test = tests.get(m.campaign());
        return test == null ? java.util.Optional.empty() : java.util.Optional.of(test.assign(m.contactId()).name());
    }

    private String send(Recipient r, DueMessage m, java.util.Optional<String> variant) {
        String template = variant.map(v -> m.campaign() + "-" + v.toLowerCase(java.util.Locale.ROOT))
                .orElse(m.campaign());
        RenderedMessage text = templates.render(template, r.language(), MessageValues.of(r, m));
        SendResult result = channel.send(new OutgoingMessage(m.key(), r.id(), r.email(), text.subject(),
                text.body()));
        if (result instanceof SendResult.Accepted accepted) {
            return "sent " + accepted.providerId();
        }
        return "held: " + ((SendResult.Rejected) result).reason();
    }
}
