package dev.crmkit.examples.cli.service;

import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.examples.cli.JsonOutput;
import dev.crmkit.examples.cli.OptionRules;
import dev.crmkit.examples.cli.OutputFormat;
import dev.crmkit.service.schedule.Anchor;
import dev.crmkit.service.schedule.Covered;
import dev.crmkit.service.schedule.PlanTerms;
import dev.crmkit.service.schedule.ScheduleProgress;
import dev.crmkit.service.schedule.ServiceSchedule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code crm service next}: a service plan's next due date, reminder day and covered occurrences, computed by {@link
 * ServiceSchedule} from the options alone (no store).
 */
@Command(name = "next", mixinStandardHelpOptions = true,
        description = {"The next due date of a service plan, from the installation day, the interval and the "
                + "completions so far.",
                "JSON keys: nextDue and remindOn (ISO dates, null once the plan has ended), covered (each occurrence "
                        + "a completion covered: number, due, completedOn), with the inputs."})
final class NextCommand implements Callable<Integer> {

    private static final Map<String, String> OPTIONS = Map.of("installedOn", "--installed", "interval", "--every",
            "reminderLead", "--remind", "completed", "--completed", "anchor", "--anchor");

    @Spec
    private CommandSpec spec;

    @Option(names = "--installed", paramLabel = "DATE", required = true,
            description = "The day the equipment was installed (2026-08-31).")
    private LocalDate installed;

    @Option(names = "--every", paramLabel = "PERIOD", required = true,
            description = "The interval as an ISO 8601 period: P6M, P2W, P14D, P1Y.")
    private Period every;

    @Option(names = "--anchor", paramLabel = "schedule|completion", defaultValue = "completion",
            description = "schedule: due on installed + k x interval; completion (default): the last completion "
                    + "+ interval.")
    private Anchor anchor;

    @Option(names = "--completed", paramLabel = "DATE",
            description = "A day the service was done; repeat for each.")
    private List<LocalDate> completed = new ArrayList<>();

    @Option(names = "--remind", paramLabel = "PERIOD", defaultValue = "P0D",
            description = "How long before the due date the reminder goes out (default: on the day).")
    private Period remind;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json: one JSON object on standard output.")
    private OutputFormat format;

    @Override
    public Integer call() {
        ScheduleProgress progress;
        try {
            PlanTerms terms = PlanTerms.every(installed, every).withAnchor(anchor).withReminderLead(remind);
            progress = ServiceSchedule.of(terms).progress(completed);
        } catch (ValidationException e) {
            throw OptionRules.badValues(spec, e, OPTIONS);
        } catch (DateTimeException | ArithmeticException e) {
            throw new ParameterException(spec.commandLine(), "--every " + every + " from --installed " + installed
                    + " gives dates beyond the calendar's range");
        }
        print(progress);
        return 0;
    }

    private void print(ScheduleProgress progress) {
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.JSON) {
            List<Map<String, Object>> covered = progress.covered().stream().map(NextCommand::json).toList();
            JsonOutput.print(out, JsonOutput.object("installed", installed.toString(), "every", every.toString(),
                    "anchor", anchor.label(), "nextDue", progress.nextDue().map(LocalDate::toString).orElse(null),
                    "remindOn", progress.remindOn().map(LocalDate::toString).orElse(null), "covered", covered));
            return;
        }
        out.println("next due:  " + progress.nextDue().map(LocalDate::toString).orElse("none, the plan has ended"));
        progress.remindOn().ifPresent(day -> out.println("remind on: " + day));
        for (Covered c : progress.covered()) {
            out.println("covered:   #" + c.occurrence().number() + " due " + c.occurrence().due() + ", done "
                    + c.completedOn());
        }
        out.flush();
    }

    private static Map<String, Object> json(Covered c) {
        return JsonOutput.object("number", c.occurrence().number(), "due", c.occurrence().due().toString(),
                "completedOn", c.completedOn().toString());
    }
}
