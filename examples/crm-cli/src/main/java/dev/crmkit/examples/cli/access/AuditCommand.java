package dev.crmkit.examples.cli.access;

import dev.crmkit.core.access.AccessRecord;
import dev.crmkit.core.audit.AuditEntry;
import dev.crmkit.core.audit.FieldChange;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.examples.cli.JsonOutput;
import dev.crmkit.examples.cli.OutputFormat;
import dev.crmkit.examples.cli.StoreAccess;
import dev.crmkit.examples.cli.StoreOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code crm audit RECORD}: the audit trail of one record. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"The audit trail of a record, oldest first: when, who (user:ID or system:NAME), through what "
                + "(API, IMPORT, MERGE, RELAY, JOB), what (CREATE, CHANGE, EXPORT, ERASE, MERGE, PERMISSION_CHANGE) "
                + "and each field's old and new value.",
                "RECORD is type:id (contact, company, lead, deal), an id, or a contact's e-mail address.",
                "JSON: record, entries [{at, actor, origin, action, changes [{field, before, after}], note}], "
                        + "more (true when --limit cut the list)."})
public final class AuditCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RECORD", description = "The record.")
    private String record;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000",
            description = "At most this many entries, the oldest (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Mixin
    private StoreOptions storeOptions = new StoreOptions();

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json: one JSON object on standard output.")
    private OutputFormat format;

    @Override
    public Integer call() {
        if (limit < 1 || limit > PageRequest.MAX_SIZE) {
            throw new ParameterException(spec.commandLine(), "--limit must be 1 to " + PageRequest.MAX_SIZE
                    + ", got " + limit);
        }
        Object[] result = StoreAccess.read(storeOptions, spec, (store, description) -> {
            AccessRecord found = Records.find(store, record);
            return new Object[]{found, store.auditTrail().forRecord(found.ref(), PageRequest.first(limit))};
        });
        AccessRecord found = (AccessRecord) result[0];
        @SuppressWarnings("unchecked")
        Page<AuditEntry> page = (Page<AuditEntry>) result[1];
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.JSON) {
            List<Map<String, Object>> entries = new ArrayList<>();
            for (AuditEntry e : page.items()) {
                entries.add(JsonOutput.object("at", e.at().toString(), "actor", e.actor().toString(),
                        "origin", e.origin().name(), "action", e.action().name(), "changes", e.changes().stream()
                                .map(c -> JsonOutput.object("field", c.field(), "before", text(c.before()),
                                        "after", text(c.after()))).toList(), "note", e.note()));
            }
            JsonOutput.print(out, JsonOutput.object("record", found.ref().toString(), "entries", entries,
                    "more", page.hasNext()));
        } else {
            out.printf("Audit trail of %s: %d entr%s%s%n", found.ref(), page.items().size(),
                    page.items().size() == 1 ? "y" : "ies", page.hasNext() ? " (more: raise --limit)" : "");
            for (AuditEntry e : page.items()) {
                out.printf(Locale.ROOT, "  %s  %s via %s  %s%s%n", e.at(), e.actor(), e.origin(), e.action(),
                        e.note().isEmpty() ? "" : "  " + e.note());
                for (FieldChange c : e.changes()) {
                    out.printf(Locale.ROOT, "    %s: %s -> %s%n", c.field(), c.before().orElse("(none)"),
                            c.after().orElse("(none)"));
                }
            }
        }
        out.flush();
        return 0;
    }

    private static String text(Optional<String> value) {
        return value.orElse("");
    }
}
