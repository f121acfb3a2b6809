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
import dev.crmkit.examples.cli.pipeline.PipelineSetup;
import dev.crmkit.pipeline.DealPipeline;
import dev.crmkit.pipeline.PipelineStore;
import dev.crmkit.pipeline.ScopedPipeline;
import dev.crmkit.pipeline.deal.DealId;
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
 * timeline and open tasks as the acting user sees them, through {@code crm.as(actor)} (a deal's through
 * {@code deals.as(actor)}, with the same checks). A record the user may not view is reported exactly as one that is
 * not stored ("there is no contact:ID", exit code 1). Timeline entries quote no value of a field the user's role
 * hides, of any record they are about (a deal's entries on its contact's timeline included).
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
                description = "The record as TYPE:ID, TYPE one of contact, company, lead, deal.")
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
                        + "company:UUID, lead:UUID or deal:UUID): " + record);
            }
            if (ref.type() == RecordType.TASK) {
                throw new ParameterException(spec.commandLine(), "RECORD must be a contact, company, lead or deal: "
                        + record);
            }
            return ref;
        }

        /**
         * Reads through the acting user's view (a deal through the deals' view, which decides on deals); a hidden (or
         * missing) record fails as not found. The deal pipeline is wired whenever the store keeps deals, so that
         * the view reads the deals that entries on other timelines are about.
         */
        <T> T read(java.util.function.BiFunction<ScopedCrm, RecordRef, Optional<T>> reader,
                   java.util.function.BiFunction<ScopedPipeline, DealId, Optional<T>> deals) {
            RecordRef ref = ref();
            Actor actor = ActingUser.actor(spec);
            return StoreAccess.read(storeOptions, spec, (store, description) -> {
                ActingUser.checkKnown(store, actor);
                Crm crm = Crm.builder().store(store).defaultRegion("DE").build();
                Optional<DealPipeline> pipeline = store instanceof PipelineStore
                        ? Optional.of(PipelineSetup.on(crm, crm.ids())) : Optional.empty();
                Optional<T> found;
                if (ref.type() == RecordType.DEAL) {
                    found = pipeline.flatMap(p -> deals.apply(p.as(actor), new DealId(ref.id())));
                } else {
                    found = reader.apply(crm.as(actor), ref);
                }
                return found.orElseThrow(() -> new IllegalArgumentException("there is no " + ref));
            });
        }
    }

    /** {@code crm [--as USER] access timeline RECORD}. */
    @Command(name = "timeline", mixinStandardHelpOptions = true,
            description = {"Print a contact's, company's, lead's or deal's timeline, newest first, as the user of "
                    + "crm --as USER sees it: its public items and the private items the user owns or took part in "
                    + "(all without --as), without the values of the fields the user's role hides. A record the "
                    + "user may not view is not found. The restriction runs inside the store's query.",
                    "JSON: actor, record, items [{id, occurredAt, type, visibility, owner, subject}]."})
    static final class Timeline extends Base {

        @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
                description = "Print at most N items, newest first (default: ${DEFAULT-VALUE}).")
        int limit;

        /** Up to {@code limit} items, page by page; empty when the first page is (the record is not found). */
        private Optional<List<Activity>> all(java.util.function.Function<PageRequest,
                Optional<Page<Activity>>> timeline) {
            Optional<Page<Activity>> first = timeline.apply(PageRequest.first(Math.max(1, Math.min(PAGE, limit))));
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
                page = timeline.apply(PageRequest.after(page.next().get(), page.items().size())).orElseThrow();
            }
        }

        @Override
        public Integer call() {
            if (limit < 0) {
                throw new ParameterException(spec.commandLine(), "--limit must be 0 or more: " + limit);
            }
            List<Activity> items = read((view, ref) -> all(r -> view.timeline(ref, r)),
                    (deals, id) -> all(r -> deals.timeline(id, r)));
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
            description = {"Print the open tasks about a contact, company, lead or deal that the user of crm --as USER "
                    + "may view (tasks are owned by their assignee), earliest due first (all without --as). A "
                    + "record the user may not view is not found. The restriction runs inside the store's query.",
                    "JSON: actor, record, tasks [{id, title, due, assignee}]."})
    static final class Tasks extends Base {

        @Override
        public Integer call() {
            List<Task> tasks = read(ScopedCrm::tasksAbout, ScopedPipeline::tasks);
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
