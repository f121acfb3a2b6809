package dev.crmkit.examples.cli.bench;

import dev.crmkit.core.Crm;
import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.activity.Direction;
import dev.crmkit.core.activity.LogActivity;
import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.lead.Utm;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded leads with a history that the standard scoring model reacts to: each captured through
 * {@link Crm#capture()} without an owner (a distinct e-mail address, so nothing folds), with a request, a language,
 * sometimes a company and a campaign, followed by zero to eight timeline entries of the last 90 days (site visits,
 * price-list downloads, demo sign-ups, clicks, e-mail opens, chat questions, calls and meetings). Captures go in units
 * of {@value #UNIT} leads, each unit one unit of work.
 */
final class ActiveLeads {

    /** Leads per unit of work while capturing. */
    static final int UNIT = 250;

    private static final Channel[] CHANNELS = {Channel.WEB_FORM, Channel.WEB_FORM, Channel.LANDING_PAGE,
        Channel.ADS, Channel.EMAIL, Channel.CHAT, Channel.REFERRAL};
    private static final String[] REQUESTS = {"Pricing please", "Demo request", "Call me back",
        "Quote for 10 seats", "Does it sync with Outlook?", "Trial access", ""};
    private static final String[] LANGUAGES = {"de", "de", "en", "fr", ""};
    private static final String[] CAMPAIGNS = {"black-friday-2026", "google-ads-crm", "webinar-nov"};
    private static final String[] DOMAINS = {"gmx.de", "web.de", "example.com", "nordtech.de", "rheinbau.de"};
    private static final Touch[] TOUCHES = {
        new Touch(ActivityType.WEB_VISIT, Direction.INBOUND, "visited /features"),
        new Touch(ActivityType.WEB_VISIT, Direction.INBOUND, "visited /customers"),
        new Touch(ActivityType.WEB_VISIT, Direction.INBOUND, "downloaded the price list"),
        new Touch(ActivityType.WEB_VISIT, Direction.INBOUND, "signed up for a demo"),
        new Touch(ActivityType.CAMPAIGN_TOUCH, Direction.INBOUND, "click on newsletter link"),
        new Touch(ActivityType.CAMPAIGN_TOUCH, Direction.INBOUND, "open of newsletter"),
        new Touch(ActivityType.EMAIL, Direction.INBOUND, "open of offer mail"),
        new Touch(ActivityType.CHAT_MESSAGE, Direction.INBOUND, "question about seats"),
        new Touch(ActivityType.CALL, Direction.OUTBOUND, "intro call"),
        new Touch(ActivityType.MEETING, Direction.OUTBOUND, "product meeting")};

    private ActiveLeads() {
    }

    /**
     * Captures the leads and logs their histories.
     *
     * @param crm   crmkit over the store to fill
     * @param leads how many leads
     * @param seed  the seed of everything generated
     * @return the ids of the new leads, in capture order
     * @throws IllegalStateException if a submission did not make a new lead
     */
    static List<LeadId> capture(Crm crm, int leads, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Instant now = crm.clock().instant();
        List<LeadId> ids = new ArrayList<>(leads);
        for (int from = 0; from < leads; from += UNIT) {
            int to = Math.min(leads, from + UNIT);
            int first = from;
            crm.store().transactions().run(() -> {
                for (int i = first; i < to; i++) {
                    ids.add(captureOne(crm, i, random, now));
                }
            });
        }
        return ids;
    }

    private static LeadId captureOne(Crm crm, int i, SplittableRandom random, Instant now) {
        Channel channel = CHANNELS[random.nextInt(CHANNELS.length)];
        LeadSubmission.Builder s = LeadSubmission.from(channel)
                .name("Lead", "No " + i)
                .email("lead" + i + "@" + DOMAINS[random.nextInt(DOMAINS.length)])
                .request(REQUESTS[random.nextInt(REQUESTS.length)])
                .language(LANGUAGES[random.nextInt(LANGUAGES.length)])
                .company(random.nextInt(100) < 40 ? "Company " + random.nextInt(500) + " GmbH" : "");
        if (channel == Channel.ADS || channel == Channel.LANDING_PAGE) {
            s.campaign(CAMPAIGNS[random.nextInt(CAMPAIGNS.length)], Utm.none());
        }
        CaptureOutcome outcome = crm.capture().capture(s.build());
        if (!(outcome instanceof CaptureOutcome.NewLeadNewContact
                || outcome instanceof CaptureOutcome.NewLeadExistingContact)) {
            throw new IllegalStateException("submission " + i + " did not make a new lead: " + outcome);
        }
        LeadId id = outcome.lead().orElseThrow().id();
        RecordRef about = new RecordRef(RecordType.LEAD, id.value());
        int touches = random.nextInt(9);
        for (int t = 0; t < touches; t++) {
            Touch touch = TOUCHES[random.nextInt(TOUCHES.length)];
            Instant at = now.minus(Duration.ofMinutes(1 + random.nextInt(90 * 24 * 60)));
            crm.timeline().log(LogActivity.interaction(touch.type(), touch.direction(), touch.subject(), at, about));
        }
        return id;
    }

    /** One kind of timeline entry. */
    private record Touch(ActivityType type, Direction direction, String subject) {
    }
}
