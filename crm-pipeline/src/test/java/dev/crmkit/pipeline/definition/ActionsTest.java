package dev.crmkit.pipeline.definition;

import dev.crmkit.core.kernel.DomainEvent;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.pipeline.deal.Deal;
import dev.crmkit.pipeline.deal.DealId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ActionsTest {

    private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");
    private static final Stage PROPOSAL = Presets.classicLead().stage("Proposal sent").orElseThrow();

    /** Records what actions ask for. */
    private static final class Recorder implements EntryEffects {
        final List<String> tasks = new ArrayList<>();
        final List<DomainEvent> events = new ArrayList<>();
        Integer probability;

        @Override
        public void createTask(String title, Instant due, UserId assignee) {
            tasks.add(title + "|" + due + "|" + assignee);
        }

        @Override
        public void setProbability(int percent) {
            probability = percent;
        }

        @Override
        public void publish(DomainEvent event) {
            events.add(event);
        }
    }

    private static Deal deal(Optional<UserId> owner) {
        return Deal.open(new DealId(new UUID(0, 3)), new PipelineId(new UUID(0, 1)), "Seats", PROPOSAL, T)
                .withParties(owner, Optional.empty(), Optional.empty(), Optional.empty(), "", T);
    }

    @Test
    void ownerTask_dealWithOwner_isDueWithinTheHoursForTheOwner() {
        Recorder effects = new Recorder();

        String did = Actions.ownerTask("Call about the offer", 24)
                .run(new Entry(deal(Optional.of(UserId.of("anna"))), PROPOSAL, Actor.of("bob"), T), effects);

        assertEquals(List.of("Call about the offer|" + T.plus(Duration.ofHours(24)) + "|anna"), effects.tasks);
        assertEquals("task 'Call about the offer' for anna due within 24 h", did);
    }

    @Test
    void ownerTask_dealWithoutOwner_goesToTheMover() {
        Recorder effects = new Recorder();

        Actions.ownerTask("Call", 2).run(new Entry(deal(Optional.empty()), PROPOSAL, Actor.of("bob"), T), effects);

        assertEquals(List.of("Call|" + T.plus(Duration.ofHours(2)) + "|bob"), effects.tasks);
    }

    @Test
    void ownerTask_zeroHoursOrBlankTitle_isRefused() {
        assertThrows(ValidationException.class, () -> Actions.ownerTask("Call", 0));
        assertThrows(ValidationException.class, () -> Actions.ownerTask(" ", 4));
    }

    @Test
    void setProbability_asksForTheOverride() {
        Recorder effects = new Recorder();

        String did = Actions.setProbability(65).run(new Entry(deal(Optional.empty()), PROPOSAL, Actor.of("bob"), T),
                effects);

        assertEquals(65, effects.probability);
        assertEquals("probability set to 65 %", did);
        assertThrows(ValidationException.class, () -> Actions.setProbability(101));
    }

    @Test
    void publish_sendsAStageSignalForTheDeal() {
        Recorder effects = new Recorder();
        Deal deal = deal(Optional.empty());

        Actions.publish("offer-sent").run(new Entry(deal, PROPOSAL, Actor.of("bob"), T), effects);

        assertEquals(List.of(new StageSignal("offer-sent", deal.id().toString(), "Proposal sent", T)), effects.events);
    }
}
