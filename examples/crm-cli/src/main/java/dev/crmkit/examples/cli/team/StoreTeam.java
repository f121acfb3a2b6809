package dev.crmkit.examples.cli.team;

import dev.crmkit.adapters.jdbc.JdbcCrmStore;
import dev.crmkit.adapters.jdbc.JdbcTeamMetrics;
import dev.crmkit.adapters.metrics.TeamRecords;
import dev.crmkit.core.CrmStore;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.activity.TimelineFilter;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.examples.cli.Pages;
import dev.crmkit.metrics.team.LeadResponse;
import dev.crmkit.metrics.team.LeadTouches;
import dev.crmkit.metrics.team.Window;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The team statistics of a store: activity, tasks and won amounts counted in the database by
 * {@link JdbcTeamMetrics}, and lead response from the timelines of the leads captured in the window.
 */
public final class StoreTeam {

    private StoreTeam() {
    }

    /**
     * The statistics of a JDBC store.
     *
     * @throws IllegalArgumentException for another store: the in-memory store of {@code --in-memory} starts empty
     */
    static TeamStats stats(CrmStore store, Window window, AsOf asOf, Plans targets) {
        if (!(store instanceof JdbcCrmStore jdbc)) {
            throw new IllegalArgumentException("team statistics on a store are counted in its database; an "
                    + "--in-memory store starts empty, so give a database or the --activities and --deals files");
        }
        JdbcTeamMetrics metrics = JdbcTeamMetrics.of(jdbc);
        return new TeamStats(window, asOf.day(), metrics.activity(window, asOf.instant()),
                metrics.attainments(targets.money(), window, asOf.day()),
                metrics.countAttainments(targets.counts(), window, asOf.day()),
                Optional.of(leadResponse(store, window)));
    }

    /**
     * {@code crm --as USER team stats} on a store: the statistics name every person's activity and attainment, which
     * are the team's statistics rather than counts of records one may view, so they need the administrative
     * permission STATISTICS; a user without it is refused, the error naming the permission. Without {@code --as}
     * nothing is checked (the command acts as the system).
     *
     * @throws IllegalStateException naming the permission, for a user without it
     */
    public static void checkStatistics(CrmStore store, picocli.CommandLine.Model.CommandSpec spec) {
        if (dev.crmkit.examples.cli.ActingUser.of(spec).isEmpty()) {
            return;
        }
        dev.crmkit.core.access.StatisticsScope scope = dev.crmkit.examples.cli.quality.StoreQuality.scope(store,
                spec);
        if (!scope.everything()) {
            throw new IllegalStateException(spec.qualifiedName().substring("crm ".length()) + " refused: "
                    + scope.statistics().explain());
        }
    }

    /**
     * Refuses a user ({@code --as}) whose role hides a field that the command's figures are made of: STATISTICS
     * widens the records a user's figures count, not the fields, so a per-owner sum of won amounts would show what
     * the role hides. Nothing is checked without {@code --as}.
     *
     * @param shown the fields the command's figures are made of, per record type
     * @param what  what the command shows of them, for the error
     * @throws IllegalStateException naming the command, the actor and the hidden fields
     */
    public static void refuseHiddenFields(CrmStore store, picocli.CommandLine.Model.CommandSpec spec,
                                          java.util.Map<RecordType, List<String>> shown, String what) {
        if (dev.crmkit.examples.cli.ActingUser.of(spec).isEmpty()) {
            return;
        }
        dev.crmkit.core.access.StatisticsScope scope = dev.crmkit.examples.cli.quality.StoreQuality.scope(store,
                spec);
        List<String> hidden = new ArrayList<>();
        new java.util.TreeMap<>(shown).forEach((type, fields) -> fields.stream()
                .filter(f -> scope.hidden(type).contains(f))
                .forEach(f -> hidden.add(new dev.crmkit.core.access.FieldRef(type, f).toString())));
        if (!hidden.isEmpty()) {
            throw new IllegalStateException(spec.qualifiedName().substring("crm ".length()) + " refused: the role of "
                    + dev.crmkit.examples.cli.ActingUser.actor(spec) + " hides " + String.join(", ", hidden)
                    + "; " + what + ", and STATISTICS widens the records, not the fields");
        }
    }

    /** Lead response of the leads captured in the window, from their timelines. */
    public static LeadResponse leadResponse(CrmStore store, Window window) {
        List<LeadTouches> leads = new ArrayList<>();
        Pages.forEach(r -> store.leads().findAll(r), (Lead lead) -> {
            if (window.contains(lead.createdAt())) {
                RecordRef ref = new RecordRef(RecordType.LEAD, lead.id().value());
                TimelineFilter filter = lead.owner().map(TimelineFilter::seenBy).orElse(TimelineFilter.everything());
                List<Activity> timeline = new ArrayList<>();
                Pages.forEach(r -> store.activities().timeline(ref, filter, r), timeline::add);
                leads.add(TeamRecords.leadTouches(lead, timeline));
            }
        });
        return LeadResponse.of(leads, window);
    }
}
