package dev.crmkit.examples.cli.team;

import dev.crmkit.examples.cli.JsonOutput;
import dev.crmkit.examples.cli.OutputFormat;
import dev.crmkit.examples.cli.StoreAccess;
import dev.crmkit.examples.cli.StoreOptions;
import dev.crmkit.metrics.team.ActivityRecord;
import dev.crmkit.metrics.team.Attainments;
import dev.crmkit.metrics.team.CountAttainments;
import dev.crmkit.metrics.team.TeamActivity;
import dev.crmkit.metrics.team.WonDeal;
import dev.crmkit.metrics.team.Window;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code crm team stats}: activity and call statistics and sales target attainment per person over a window of days,
 * from CSV files ({@code --activities}, {@code --deals}, {@code --targets}) or from the store's timeline, tasks and
 * won deals.
 */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Activity, call statistics and target attainment per person from --from to --to (days "
                + "included).",
                "From files: --activities FILE.csv (owner,type,direction,at,duration_seconds,outcome), --deals "
                        + "FILE.csv (owner,won_at,amount,currency), --targets FILE.csv (owner,period,amount,currency; "
                        + "period 2026-11, 2026-Q4 or 2026; an optional measure column: won_amount, or deals_won, "
                        + "meetings_held, calls_made with a whole amount and no currency). Rows outside the window are "
                        + "ignored.",
                "Without --activities and --deals: the store's timeline (calls, e-mails, meetings by who recorded "
                        + "them), tasks (done on time, overdue by --as-of) and won deals; --targets still from a "
                        + "file. Answered, missed and talk time are the calls' logged outcomes and durations; a "
                        + "cancelled meeting is not counted.",
                "Targets are pro-rated to --as-of (default: --to). Amounts are never added across currencies.",
                "JSON: people, keyed by owner: calls {total, inbound, outbound, answered, missed, talkSeconds, "
                        + "averageTalkSeconds}, emails {sent, received}, meetings, tasks {done, overdue}, targets "
                        + "[{period, measure, currency, target, achieved, attainment, expectedToDate, gap, "
                        + "dailyRunRate}] (money as decimal strings, counts as numbers); on "
                        + "the store also leadResponse {overall, byOwner, byChannel}: leads, contacted, "
                        + "averageFirstResponseSeconds, medianFirstResponseSeconds, lostAfterFirstContact."})
public final class TeamStatsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--activities", paramLabel = "FILE", description = "CSV activities file.")
    private Path activities;

    @Option(names = "--deals", paramLabel = "FILE", description = "CSV won deals file.")
    private Path deals;

    @Option(names = "--targets", paramLabel = "FILE", description = "CSV sales targets file.")
    private Path targets;

    @Option(names = "--from", paramLabel = "DATE", required = true, description = "First day, ISO date.")
    private LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", required = true, description = "Last day, ISO date.")
    private LocalDate to;

    @Option(names = "--as-of", paramLabel = "DATE|INSTANT",
            description = "What targets are pro-rated to and tasks are overdue by (default: the end of --to).")
    private String asOf;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "Time zone of the days and of times without offset (default: ${DEFAULT-VALUE}).")
    private String zone;

    @Mixin
    private StoreOptions storeOptions = new StoreOptions();

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json: one JSON object on standard output.")
    private OutputFormat format;

    @Override
    public Integer call() {
        ZoneId zoneId = zone();
        if (to.isBefore(from)) {
            throw new ParameterException(spec.commandLine(), "--to " + to + " is before --from " + from);
        }
        Window window = new Window(from, to, zoneId);
        AsOf at = asOf();
        Plans planned = Plans.read(Optional.ofNullable(targets));
        TeamStats stats;
        if (activities != null || deals != null) {
            List<ActivityRecord> done = activities == null ? List.of() : ActivitiesCsv.read(activities, zoneId);
            List<WonDeal> won = deals == null ? List.of() : WonDealsCsv.read(deals, zoneId);
            stats = new TeamStats(window, at.day(), TeamActivity.of(done, window),
                    Attainments.of(planned.money(), won, window, at.day()),
                    CountAttainments.of(planned.counts(), done, won, window, at.day()), Optional.empty());
        } else {
            stats = StoreAccess.read(storeOptions, spec, (store, description) -> {
                StoreTeam.checkStatistics(store, spec);
                StoreTeam.refuseHiddenFields(store, spec, SHOWN,
                        "team stats shows figures of them (won amounts and counts per owner)");
                return StoreTeam.stats(store, window, at, planned);
            });
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.JSON) {
            JsonOutput.print(out, stats.json());
        } else {
            stats.print(out);
        }
        return 0;
    }

    /** The record fields the store's figures are made of: won deals per owner, leads per owner. */
    private static final java.util.Map<dev.crmkit.core.kernel.RecordType, List<String>> SHOWN = java.util.Map.of(
            dev.crmkit.core.kernel.RecordType.DEAL, List.of("amount", "owner"),
            dev.crmkit.core.kernel.RecordType.LEAD, List.of("owner"));

    private ZoneId zone() {
        try {
            return TeamCsv.zone(zone);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private AsOf asOf() {
        if (asOf == null) {
            return AsOf.endOf(to, zone());
        }
        try {
            return AsOf.parse(asOf, zone());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
