package dev.crmkit.core.scoring;

import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityOutcome;
import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.activity.Direction;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.company.CompanySize;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contract.Fixtures;
import dev.crmkit.core.kernel.Address;
import dev.crmkit.core.lead.Channel;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadSource;
import dev.crmkit.core.lead.Utm;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static dev.crmkit.core.contract.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScoringRulesTest {

    private final Fixtures fixtures = new Fixtures();
    private final Lead lead = fixtures.lead().request("Need a quote for 20 seats").build();

    private Activity activity(ActivityType type, Direction direction, String subject, long secondsAfterT0) {
        return fixtures.activity(Fixtures.ref(lead)).type(type).direction(direction).subject(subject)
                .occurredAt(at(secondsAfterT0)).build();
    }

    private LeadFacts withActivities(Activity... activities) {
        return new LeadFacts(lead, Optional.empty(), Optional.empty(), List.of(activities));
    }

    @Test
    void siteVisits_eachVisitUpToMax_withItsTime() {
        LeadFacts facts = withActivities(activity(ActivityType.WEB_VISIT, Direction.INBOUND, "Pricing", 30),
                activity(ActivityType.WEB_VISIT, Direction.INBOUND, "Home", 20),
                activity(ActivityType.WEB_VISIT, Direction.INBOUND, "Blog", 10),
                activity(ActivityType.NOTE, Direction.INTERNAL, "Called", 5));

        List<Hit> hits = ScoringRules.siteVisits(3, 2).evaluate(facts);

        assertEquals(List.of(Hit.at(3, at(30), "web visit 'Pricing'"), Hit.at(3, at(20), "web visit 'Home'")), hits);
    }

    @Test
    void clicks_campaignTouchesSayingClick() {
        LeadFacts facts = withActivities(activity(ActivityType.CAMPAIGN_TOUCH, Direction.INBOUND, "Ad click", 1),
                activity(ActivityType.CAMPAIGN_TOUCH, Direction.INBOUND, "Newsletter opened", 2));

        assertEquals(1, ScoringRules.clicks(2, 5).evaluate(facts).size());
        assertEquals(1, ScoringRules.emailOpens(1, 5).evaluate(facts).size());
    }

    @Test
    void opensAndClicks_readTheTypedSignal_notTheSubject() {
        // typed: the subject says nothing the keywords know, or says the other signal's word
        Activity opened = activity(ActivityType.CAMPAIGN_TOUCH, Direction.OUTBOUND, "Spring newsletter", 3)
                .withOutcome(ActivityOutcome.OPENED);
        Activity clicked = activity(ActivityType.CAMPAIGN_TOUCH, Direction.OUTBOUND, "opened the demo offer", 4)
                .withOutcome(ActivityOutcome.CLICKED);
        Activity bounced = activity(ActivityType.CAMPAIGN_TOUCH, Direction.OUTBOUND, "click-through offer", 5)
                .withOutcome(ActivityOutcome.BOUNCED);
        Activity unsubscribed = activity(ActivityType.CAMPAIGN_TOUCH, Direction.OUTBOUND, "Newsletter", 6)
                .withOutcome(ActivityOutcome.UNSUBSCRIBED);
        LeadFacts facts = withActivities(unsubscribed, bounced, clicked, opened);

        assertEquals(List.of(Hit.at(2, at(4), "campaign touch 'opened the demo offer'")),
                ScoringRules.clicks(2, 5).evaluate(facts));
        assertEquals(List.of(Hit.at(1, at(3), "campaign touch 'Spring newsletter'")),
                ScoringRules.emailOpens(1, 5).evaluate(facts));
        assertEquals(List.of(), ScoringRules.demoSignUp(10).evaluate(facts), "a typed touch is not read by subject");
        assertEquals(List.of(Hit.at(-20, at(6), "campaign touch 'Newsletter'")),
                ScoringRules.campaignSignal("unsubscribe", ActivityOutcome.UNSUBSCRIBED, -20, 1).evaluate(facts));
    }

    @Test
    void untypedOldEntries_stillScoreByTheirSubject() {
        LeadFacts facts = withActivities(activity(ActivityType.CAMPAIGN_TOUCH, Direction.OUTBOUND, "link clicked", 2),
                activity(ActivityType.EMAIL, Direction.OUTBOUND, "e-mail opened", 1));

        assertEquals(List.of(Hit.at(2, at(2), "campaign touch 'link clicked'")),
                ScoringRules.clicks(2, 5).evaluate(facts));
        assertEquals(List.of(Hit.at(1, at(1), "email 'e-mail opened'")), ScoringRules.emailOpens(1, 5).evaluate(facts));
    }

    @Test
    void priceListDownload_firesOnceForEitherSpelling() {
        LeadFacts facts = withActivities(activity(ActivityType.WEB_VISIT, Direction.INBOUND, "Price List PDF", 1),
                activity(ActivityType.WEB_VISIT, Direction.INBOUND, "pricelist.xlsx", 2));

        List<Hit> hits = ScoringRules.priceListDownload(10).evaluate(facts);

        assertEquals(1, hits.size());
        assertEquals(10, hits.get(0).points());
    }

    @Test
    void demoSignUp_webVisitOrCampaignTouchSayingDemo() {
        LeadFacts facts = withActivities(activity(ActivityType.CAMPAIGN_TOUCH, Direction.INBOUND, "Demo booked", 1));

        assertEquals(List.of(Hit.at(15, at(1), "campaign touch 'Demo booked'")),
                ScoringRules.demoSignUp(15).evaluate(facts));
    }

    @Test
    void chatQuestions_inboundOnly() {
        LeadFacts facts = withActivities(activity(ActivityType.CHAT_MESSAGE, Direction.INBOUND, "Do you ship?", 1),
                activity(ActivityType.CHAT_MESSAGE, Direction.OUTBOUND, "Yes we do", 2));

        assertEquals(1, ScoringRules.chatQuestions(5, 3).evaluate(facts).size());
    }

    @Test
    void industryAndCompanySize_readTheCompany() {
        Company company = fixtures.company().profile("Software", CompanySize.LARGE).build();
        LeadFacts facts = new LeadFacts(lead, Optional.empty(), Optional.of(company), List.of());

        assertEquals(List.of(Hit.of(10, "industry Software")),
                ScoringRules.industry(Set.of("software"), 10).evaluate(facts));
        assertEquals(List.of(Hit.of(8, "company size LARGE")),
                ScoringRules.companySize(Set.of(CompanySize.LARGE), 8).evaluate(facts));
        assertTrue(ScoringRules.companySize(Set.of(CompanySize.MICRO), 8).evaluate(facts).isEmpty());
    }

    @Test
    void countryAndLanguage_readTheContact() {
        Contact contact = fixtures.contact().language(Locale.GERMAN)
                .addresses(new Address("office", "", "", "Wien", "", "AT")).build();
        LeadFacts facts = new LeadFacts(lead, Optional.of(contact), Optional.empty(), List.of());

        assertEquals(List.of(Hit.of(5, "located in AT")),
                ScoringRules.country(Set.of("de", "at"), 5).evaluate(facts));
        assertEquals(List.of(Hit.of(4, "speaks de")), ScoringRules.language(Set.of("DE"), 4).evaluate(facts));
        assertTrue(ScoringRules.country(Set.of("FR"), 5).evaluate(facts).isEmpty());
    }

    @Test
    void fitRules_withoutContactOrCompany_doNotFire() {
        LeadFacts facts = LeadFacts.of(lead);
        assertTrue(ScoringRules.industry(Set.of("software"), 10).evaluate(facts).isEmpty());
        assertTrue(ScoringRules.language(Set.of("de"), 4).evaluate(facts).isEmpty());
    }

    @Test
    void fromCampaign_usesSourceCampaignOrUtm() {
        Lead utmLead = fixtures.lead().source(new LeadSource(Channel.ADS, "",
                new Utm("google", "cpc", "spring-sale", "", ""), "")).build();

        assertEquals(List.of(Hit.of(5, "came from campaign spring-sale")),
                ScoringRules.fromCampaign(5).evaluate(LeadFacts.of(utmLead)));
        assertTrue(ScoringRules.fromCampaign(5).evaluate(LeadFacts.of(lead)).isEmpty());
    }

    @Test
    void conversations_countCallsMeetingsAndEmails() {
        LeadFacts facts = withActivities(activity(ActivityType.CALL, Direction.OUTBOUND, "Intro call", 1),
                activity(ActivityType.MEETING, Direction.INTERNAL, "Workshop", 2),
                activity(ActivityType.SYSTEM, Direction.INTERNAL, "Lead captured", 3));

        assertEquals(2, ScoringRules.conversations(3, 5).evaluate(facts).size());
    }

    @Test
    void statedNeed_andNoStatedNeed_readTheRequest() {
        Lead silent = fixtures.lead().request("").build();

        assertEquals(List.of(Hit.of(15, "asked about quote")),
                ScoringRules.statedNeed(Set.of("Quote", "demo"), 15).evaluate(LeadFacts.of(lead)));
        assertEquals(List.of(Hit.of(-5, "no request given")),
                ScoringRules.noStatedNeed(-5).evaluate(LeadFacts.of(silent)));
        assertTrue(ScoringRules.noStatedNeed(-5).evaluate(LeadFacts.of(lead)).isEmpty());
    }
}
