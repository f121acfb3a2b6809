package dev.crmkit.core.scoring;

import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.ActivityEvent;
import dev.crmkit.core.activity.ActivityId;
import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.activity.Direction;
import dev.crmkit.core.activity.LogActivity;
import dev.crmkit.core.assignment.TestWorld;
import dev.crmkit.core.company.Company;
import dev.crmkit.core.company.CompanySize;
import dev.crmkit.core.contract.Fixtures;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import dev.crmkit.core.lead.LeadStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeadScoringTest {

    private final TestWorld world = new TestWorld();
    private final Fixtures fixtures = new Fixtures(77L);
    private final MapContacts contacts = new MapContacts();
    private final MapCompanies companies = new MapCompanies();
    private final MapLeadScores scores = new MapLeadScores();
    private final LeadScoring scoring = new LeadScoring(world.leads, contacts, companies, world.activities, scores,
            ScoringModel.standard(), world.context);

    /** A lead from a large software company that asked for pricing: fit 20 + need 15 = 35, cold. */
    private Lead promisingLead() {
        Company company = fixtures.company().profile("software", CompanySize.LARGE).build();
        companies.put(company);
        return world.leads.insertOrGet(fixtures.lead().companyId(company.id()).request("pricing please").build());
    }

    private void log(Lead lead, ActivityType type, String subject) {
        world.timeline.log(LogActivity.interaction(type, Direction.INBOUND, subject, world.clock.instant(),
                Fixtures.ref(lead)));
    }

    @Test
    void rescore_storesScoreAndPublishesTheChange() {
        Lead lead = promisingLead();

        LeadScoring.Rescored rescored = scoring.rescore(lead.id());

        assertEquals(35, rescored.score().value());
        assertEquals(Optional.of(new LeadScore(lead.id(), 35, Temperature.COLD, LifecycleStage.LEAD,
                world.clock.instant())), scores.find(lead.id()));
        assertEquals(List.of(new ScoreEvent.LeadScoreChanged(lead.id(), 35, Temperature.COLD, world.clock.instant())),
                world.events(ScoreEvent.class));
        assertTrue(rescored.score().explanation().contains("+10 industry: industry software"),
                rescored.score().explanation().toString());
    }

    @Test
    void rescore_unchanged_publishesNothing() {
        Lead lead = promisingLead();
        scoring.rescore(lead.id());
        world.events.clear();

        LeadScoring.Rescored again = scoring.rescore(lead.id());

        assertEquals(false, again.changed());
        assertTrue(world.events(ScoreEvent.class).isEmpty());
    }

    @Test
    void rescore_afterDecay_stageStaysForward() {
        Lead lead = promisingLead();
        log(lead, ActivityType.WEB_VISIT, "Demo sign-up");
        log(lead, ActivityType.WEB_VISIT, "Price list");
        log(lead, ActivityType.CHAT_MESSAGE, "How much for 50 seats?");
        LeadScoring.Rescored hot = scoring.rescore(lead.id());
        world.clock.advance(Duration.ofDays(365));

        LeadScoring.Rescored cooled = scoring.rescore(lead.id());

        assertEquals(71, hot.score().value(), hot.score().explanation().toString());
        assertEquals(LifecycleStage.MARKETING_QUALIFIED, hot.stored().stage());
        assertEquals(35, cooled.score().value());
        assertEquals(Temperature.COLD, cooled.stored().temperature());
        assertEquals(LifecycleStage.MARKETING_QUALIFIED, cooled.stored().stage(), "stages never move back");
        assertEquals(List.of(new ScoreEvent.LifecycleStageAdvanced(lead.id(), LifecycleStage.LEAD,
                        LifecycleStage.MARKETING_QUALIFIED, 71, Fixtures.T0)),
                world.events(ScoreEvent.LifecycleStageAdvanced.class));
        assertTrue(cooled.score().lines().stream().filter(l -> l.group() == ScoreGroup.BEHAVIOUR)
                .allMatch(ScoreLine::decayed));
    }

    @Test
    void subscriber_relevantActivity_rescoresTheLead() {
        Lead lead = promisingLead();
        LeadScoring.Rescored before = scoring.rescore(lead.id());
        world.events.clear();
        log(lead, ActivityType.WEB_VISIT, "Demo sign-up");

        world.events.stream().toList().forEach(scoring.subscriber()::publish);

        assertEquals(before.score().value() + 18, scores.find(lead.id()).orElseThrow().score());
    }

    @Test
    void leadAffectedBy_systemEntry_isNotRelevant() {
        Lead lead = promisingLead();
        world.timeline.record(Activity.system(
                new ActivityId(fixtures.nextId()), "Lead assigned", "",
                Set.of(Fixtures.ref(lead)), world.clock.instant()));

        assertTrue(world.events.stream().map(scoring::leadAffectedBy).allMatch(Optional::isEmpty));
    }

    @Test
    void leadAffectedBy_entryAboutSeveralLeads_isTheFirstItNames() {
        Set<RecordRef> about = new LinkedHashSet<>();
        for (int i = 8; i > 0; i--) {
            about.add(new RecordRef(RecordType.LEAD, new UUID(0, i)));
        }

        assertEquals(Optional.of(new LeadId(new UUID(0, 8))), scoring.leadAffectedBy(
                new ActivityEvent.ActivityLogged(new ActivityId(fixtures.nextId()), ActivityType.CALL, about,
                        world.clock.instant())));
    }

    @Test
    void preview_scoresWithoutStoring() {
        Lead lead = promisingLead();

        assertEquals(35, scoring.preview(lead.id()).value());
        assertEquals(Optional.empty(), scores.find(lead.id()));
    }

    @Test
    void rescore_unknownLead_isRefused() {
        LeadId missing = new LeadId(UUID.fromString("00000000-0000-4000-8000-000000000009"));
        assertEquals("leadId", assertThrows(ValidationException.class, () -> scoring.rescore(missing))
                .violations().get(0).field());
    }

    @Test
    void rescoreAll_writesInChunksReportsProgressAndSkipsClosedLeads() {
        for (int i = 0; i < 2_500; i++) {
            world.leads.insertOrGet(fixtures.lead().request(i % 2 == 0 ? "a quote" : "").build());
        }
        world.leads.insertOrGet(fixtures.lead().status(LeadStatus.CONVERTED).build());
        List<RescoringProgress> progress = new ArrayList<>();

        RescoringProgress done = scoring.rescoreAll(1_000, progress::add);

        assertEquals(3, scores.saveCalls(), "one batch write per chunk");
        assertEquals(List.of(1_000L, 2_000L, 2_501L), progress.stream().map(RescoringProgress::read).toList());
        assertEquals(new RescoringProgress(2_501, 2_501, 2_500, 2_500), done);
        assertEquals(1.0, done.fraction());
        assertEquals(1_250, world.events(ScoreEvent.LeadScoreChanged.class).stream()
                .filter(e -> e.score() == 15).count());
    }

    @Test
    void rescoreAll_badChunkSize_isRefused() {
        assertEquals("chunkSize", assertThrows(ValidationException.class,
                () -> scoring.rescoreAll(0, p -> { })).violations().get(0).field());
    }
}
