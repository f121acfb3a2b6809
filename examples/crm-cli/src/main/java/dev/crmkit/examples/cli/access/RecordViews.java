package dev.crmkit.examples.cli.access;

import dev.crmkit.core.Crm;
import dev.crmkit.core.ScopedCrm;
import dev.crmkit.core.access.Actor;
import dev.crmkit.core.activity.Activity;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.task.Task;
import dev.crmkit.examples.cli.ActingUser;
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

/**
 * {@code crm [--as USER] access timeline RECORD} and {@code crm [--as USER] access tasks RECORD}: one record's
 * timeline and open tasks as the acting user sees them, through {@code crm.as(actor)}. A record the user may not view
 * is reported exactly as one that is not stored ("there is no contact:ID", exit code 1).
 */
final class RecordViews {

    private static final int PAGE = 200;

    private RecordViews() {
    }

    /** The options both commands share. */
    abstract static class Base implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "RECORD",
                description = "The record as TYPE:ID, TYPE one of contact, company, lead.")
        String record;

        @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
                description = "text (default) or json: one JSON object on standard output.")
        OutputFormat format;

        @Mixin
        StoreOptions storeOptions = new StoreOptions();

        RecordRef ref() {
            RecordRef ref;
            try {
                ref = RecordRef.parse(record.strip());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "RECORD must be TYPE:ID (contact:UUID, "
                        + "company:UUID or lead:UUID): " + record);
            }
            if (ref.type() != RecordType.CONTACT && ref.type() != RecordType.COMPANY
                    && ref.type() != RecordType.LEAD) {
                throw new ParameterException(spec.commandLine(), "RECORD must be a contact, company or lead: "
                        + record);
            }
            return ref;
        }

        /** Reads through the acting user's view; a hidden (or missing) record fails as not found. */
        <T> T read(java.util.function.BiFunction<ScopedCrm, RecordRef, Optional<T>> reader) {
            RecordRef ref = ref();
            Actor actor = ActingUser.actor(spec);
            return StoreAccess.read(storeOptions, spec, (store, description) -> {
                ActingUser.checkKnown(store, actor);
                ScopedCrm view = Crm.builder().store(store).defaultRegion("DE").build().as(actor);
                return reader.apply(view, ref).orElseThrow(() -> new IllegalArgumentException("there is no "
                        + ref));
            });
        }
    }

    /** {@code crm [--as USER] access timeline RECORD}. */
    @Command(name = "timeline", mixinStandardHelpOptions = true,
            description = {"Print a contact's, company's or lead's timeline, newest first, as the user of crm --as "
                    + "USER sees it: its public items and the private items the user owns or took part in (all "
                    + "without --as). A record the user may not view is not found. The restriction runs inside "
                    + "the store's query.",
                    "JSON: actor, record, items [{id, occurredAt, type, visibility, owner, subject}]."})
    static final class Timeline extends Base {

        @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
                description = "Print at most N items, newest first (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            if (limit < 0) {
                throw new ParameterException(spec.commandLine(), "--limit must be 0 or more: " + limit);
            }
            List<Activity> items = read((view, ref) -> {
                Optional<Page<Activity>> first = view.timeline(ref, PageRequest.first(Math.max(1,
                        Math.min(PAGE, limit))));
                if (first.isEmpty()) {
                    return Optional.empty();
                }
                List<Activity> out = new ArrayList<>();
                Page<Activity> page = first.get();
                while (true) {
                    page.items().stream().limit(limit - out.size()).forEach(out::add);
                    if (out.size() >= limit || page.next().isEmpty()) {
                        return Optional.of(out);
                    }
                    page = view.timeline(ref, PageRequest.after(page.next().get(), page.items().size()))
                            .orElseThrow();
                }
            });
            PrintWriter out = spec.commandLine().getOut();
            Actor actor = ActingUser.actor(spec);
            if (format == OutputFormat.JSON) {
                List<Map<String, Object>> rows = items.stream().map(a -> JsonOutput.object("id", a.id().toString(),
                        "occurredAt", a.occurredAt().toString(), "type", a.type().name(), "visibility",
                        a.visibility().name(), "owner", a.owner().map(UserId::value).orElse(""), "subject",
                        a.subject())).toList();
                JsonOutput.print(out, JsonOutput.object("actor", actor.toString(), "record", ref().toString(),
                        "items", rows));
            } else {
                out.printf(Locale.ROOT, "timeline of %s as %s: %d items%n", ref(), actor, items.size());
                for (Activity a : items) {
                    out.printf(Locale.ROOT, "  %s  %s  %s  owner %s  %s%n", a.occurredAt(), a.type(),
                            a.visibility(), a.owner().map(UserId::value).orElse("none"), a.subject());
                }
            }
            out.flush();
            return 0;
        }
    }

    /** {@code crm [--as USER] access tasks RECORD}. */
    @Command(name = "tasks", mixinStandardHelpOptions = true,
            description = {"Print the open tasks about a contact, company or lead that the user of crm --as USER "
                    + "may view (tasks are owned by their assignee), earliest due first (all without --as). A "
                    + "record the user may not view is not found. The restriction runs inside the store's query.",
                    "JSON: actor, record, tasks [{id, title, due, assignee}]."})
    static final class Tasks extends Base {

        @Override
        public Integer call() {
            List<Task> tasks = read(ScopedCrm::tasksAbout);
            PrintWriter out = spec.commandLine().getOut();
            Actor actor = ActingUser.actor(spec);
            if (format == OutputFormat.JSON) {
                List<Map<String, Object>> rows = tasks.stream().map(t -> JsonOutput.object("id", t.id().toString(),
                        "title", t.title(), "due", t.due().toString(), "assignee", t.assignee().value())).toList();
                JsonOutput.print(out, JsonOutput.object("actor", actor.toString(), "record", ref().toString(),
                        "tasks", rows));
            } else {
                out.printf(Locale.ROOT, "open tasks about %s as %s: %d%n", ref(), actor, tasks.size());
                for (Task t : tasks) {
                    out.printf(Locale.ROOT, "  due %s  %s  assignee %s%n", t.due(), t.title(),
                            t.assignee().value());
                }
            }
            out.flush();
            return 0;
        }
    }
}
