package dev.crmkit.examples.cli.service;

import dev.crmkit.core.contact.ContactId;
import dev.crmkit.examples.cli.AsOfOption;
import dev.crmkit.examples.cli.JsonOutput;
import dev.crmkit.examples.cli.OutputFormat;
import dev.crmkit.examples.cli.StoreAccess;
import dev.crmkit.examples.cli.StoreOptions;
import dev.crmkit.kit.CrmkitStore;
import dev.crmkit.service.equipment.Equipment;
import dev.crmkit.service.report.DueItem;
import dev.crmkit.service.report.ServiceReports;
import dev.crmkit.service.report.ServiceWeek;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code crm service due}: the service due in a week (Monday to Sunday) and overdue on its Monday, from the store's
 * active service plans ({@link ServiceReports#week}).
 */
@Command(name = "due", mixinStandardHelpOptions = true,
        description = {"The service due in a week (Monday to Sunday) and overdue on its Monday, from the store's "
                + "active service plans.",
                "JSON keys: week (its Monday), store, due and overdue (each: customer, customerId, equipment, "
                        + "serialNumber, due, daysOverdue)."})
final class DueCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private StoreOptions storeOptions = new StoreOptions();

    @Mixin
    private AsOfOption asOf = new AsOfOption();

    @Option(names = "--week", paramLabel = "DATE",
            description = "Any day of the week to show (default: the day of --as-of, else today, in UTC).")
    private LocalDate week;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json: one JSON object on standard output.")
    private OutputFormat format;

    /** One line of the week, with the names read from the store. */
    private record Line(DueItem item, String customer, String equipment, String serialNumber) {
    }

    /** The week as read. */
    private record Read(ServiceWeek week, List<Line> due, List<Line> overdue, String store) {
    }

    @Override
    public Integer call() {
        LocalDate day = week != null ? week : LocalDate.ofInstant(asOf.clock().instant(), ZoneOffset.UTC);
        Read read = StoreAccess.readAll(storeOptions, spec, (store, description) -> {
            ServiceWeek w = ServiceReports.of(store, ZoneOffset.UTC).week(day);
            return new Read(w, lines(store, w.due()), lines(store, w.overdue()), description);
        });
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.JSON) {
            JsonOutput.print(out, JsonOutput.object("week", read.week().monday().toString(), "store", read.store(),
                    "due", read.due().stream().map(DueCommand::json).toList(),
                    "overdue", read.overdue().stream().map(DueCommand::json).toList()));
            return 0;
        }
        out.println("Service in the week of " + read.week().monday() + " (" + read.store() + "): "
                + read.due().size() + " due, " + read.overdue().size() + " overdue");
        read.due().forEach(l -> out.println("  due      " + l.item().due() + "  " + l.customer() + "  "
                + l.equipment() + (l.serialNumber().isEmpty() ? "" : " " + l.serialNumber())));
        read.overdue().forEach(l -> out.println("  overdue  " + l.item().due() + "  " + l.customer() + "  "
                + l.equipment() + (l.serialNumber().isEmpty() ? "" : " " + l.serialNumber()) + "  ("
                + l.item().daysOverdue() + " days)"));
        out.flush();
        return 0;
    }

    private static List<Line> lines(CrmkitStore store, List<DueItem> items) {
        return items.stream().map(i -> {
            Equipment e = store.installedEquipment().findById(i.equipment()).orElseThrow();
            return new Line(i, name(store, i.customer()), e.product(), e.serialNumber());
        }).toList();
    }

    private static String name(CrmkitStore store, ContactId id) {
        return store.contacts().findById(id).map(c -> c.name().full()).orElse(id.toString());
    }

    private static Map<String, Object> json(Line l) {
        return JsonOutput.object("customer", l.customer(), "customerId", l.item().customer().toString(),
                "equipment", l.equipment(), "serialNumber", l.serialNumber(), "due", l.item().due().toString(),
                "daysOverdue", l.item().daysOverdue());
    }
}
