package dev.crmkit.examples.cli;

import dev.crmkit.core.Crm;
import dev.crmkit.core.activity.ActivityOutcome;
import dev.crmkit.core.activity.ActivityType;
import dev.crmkit.core.activity.Direction;
import dev.crmkit.core.activity.LogActivity;
import dev.crmkit.core.activity.TimelineFilter;
import dev.crmkit.core.assignment.Member;
import dev.crmkit.core.assignment.Routing;
import dev.crmkit.core.assignment.RoutingAttribute;
import dev.crmkit.core.assignment.RoutingRule;
import dev.crmkit.core.assignment.Team;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Lead;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The demo's sales team, in one place: anna and david sell in German to DACH, ben in English (UK and US), carla in
 * French (France), and dana takes whatever no rule routes. Each has a monthly capacity of 90 leads (3 a day). Rules
 * are tried in order: French speakers, German speakers in Germany, Austria or Switzerland, English speakers.
 */
final class DemoTeam {

    private static final int MONTHLY_CAPACITY = 90;
    private static final String CALL_SUBJECT = "First call";

    private DemoTeam() {
    }

    /** The team with its routing. */
    static SalesTeam team() {
        Team dach = new Team("DACH", List.of(member("anna"), member("david")));
        Team english = new Team("UK/US", List.of(member("ben")));
        Team french = new Team("France", List.of(member("carla")));
        Team fallback = Team.owner(UserId.of("dana"));
        return new SalesTeam("the demo team", new Routing(List.of(
                RoutingRule.when("French speakers", RoutingAttribute.LANGUAGE, Set.of("fr"), french),
                new RoutingRule("German speakers in DACH", Map.of(RoutingAttribute.LANGUAGE, Set.of("de"),
                        RoutingAttribute.REGION, Set.of("DE", "AT", "CH")), dach),
                RoutingRule.when("English speakers", RoutingAttribute.LANGUAGE, Set.of("en"), english)),
                fallback));
    }

    /**
     * Each open lead with an owner gets a first call from its owner, so the team page has calls with outcomes and
     * talk time: 20 to 50 minutes after the lead came in (but not after {@code now}), every fourth one missed (zero
     * seconds), every fifth answered one without a talk time (the phone system did not say), the others answered
     * with one to eleven minutes. A lead that already has its first call (a rerun on a kept store) gets no other.
     */
    static void logFirstCalls(Crm crm, Instant now) {
        List<Lead> owned = new ArrayList<>();
        Pages.forEach(r -> crm.store().leads().findAll(r), (Lead l) -> {
            if (l.isOpen() && l.owner().isPresent()) {
                owned.add(l);
            }
        });
        for (int i = 0; i < owned.size(); i++) {
            Lead lead = owned.get(i);
            RecordRef about = new RecordRef(RecordType.LEAD, lead.id().value());
            boolean called = crm.timeline().of(about, TimelineFilter.everything().ofTypes(ActivityType.CALL),
                    PageRequest.first(PageRequest.MAX_SIZE)).items().stream()
                    .anyMatch(a -> a.subject().equals(CALL_SUBJECT) && a.owner().equals(lead.owner()));
            if (called) {
                continue;
            }
            Instant at = lead.createdAt().plus(Duration.ofMinutes(20 + (i * 7L) % 31));
            boolean missed = i % 4 == 3;
            Optional<Duration> talk = missed ? Optional.of(Duration.ZERO) : i % 5 == 4 ? Optional.empty()
                    : Optional.of(Duration.ofSeconds(60 + (i * 97L) % 600));
            crm.timeline().log(LogActivity.call(lead.owner().get(), Direction.OUTBOUND, CALL_SUBJECT,
                    at.isAfter(now) ? now : at, missed ? ActivityOutcome.MISSED : ActivityOutcome.ANSWERED, talk,
                    about));
        }
    }

    private static Member member(String user) {
        return Member.of(user).withMonthlyCapacity(MONTHLY_CAPACITY);
    }
}
