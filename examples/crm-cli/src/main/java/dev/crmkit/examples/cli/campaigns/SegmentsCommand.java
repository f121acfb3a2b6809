package dev.crmkit.examples.cli.campaigns;

import dev.crmkit.campaigns.segment.ContactFilter;
import dev.crmkit.campaigns.segment.ContactFilterText;
import dev.crmkit.campaigns.segment.SavedSegments;
import dev.crmkit.campaigns.segment.SegmentDefinition;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.examples.cli.Counted;
import dev.crmkit.examples.cli.JsonOutput;
import dev.crmkit.examples.cli.OutputFormat;
import dev.crmkit.examples.cli.StoreAccess;
import dev.crmkit.examples.cli.StoreOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * {@code crm campaigns segments}: saved, dynamic segments of the store's contacts: {@code save} a filter under a name,
 * {@code count} and {@code list} (one page) its members as they are now, counted in the database.
 */
@Command(name = "segments", mixinStandardHelpOptions = true,
        description = {"Saved, dynamic segments of the store's contacts, counted and paged in the database.",
                "Filter text: all(...), any(...), not(f), consent(GRANTED|WITHDRAWN|UNKNOWN), language(\"de\"), "
                        + "owner(\"user\"), no-owner(), created-before(\"2026-01-01T00:00:00Z\"), "
                        + "lead-status(NEW, WORKING, ...), score-at-least(N), temperature(COLD|WARM|HOT), "
                        + "stage(LEAD|MARKETING_QUALIFIED|SALES_QUALIFIED), owner-team(\"team\"), "
                        + "interacted-since(\"instant\"), field-present(\"key\"), field-text(\"key\", \"text\"), "
                        + "field-contains(\"key\", \"text\"), field-number(\"key\", LESS|AT_MOST|EQUAL|AT_LEAST|GREATER, "
                        + "\"12.5\"), field-date(\"key\", COMPARISON, \"2026-01-31\"), "
                        + "field-date-relative(\"key\", COMPARISON, DAYS) (counted from --as-of), "
                        + "birthday-within(DAYS) (--as-of), rfm-segment(CHAMPIONS, LOYAL_CUSTOMERS, ...), "
                        + "ordered-within(DAYS), no-order-for(DAYS), never-ordered() (orders from --orders FILE.csv "
                        + "as of --as-of)."},
        subcommands = {SegmentsCommand.Save.class, SegmentsCommand.Count.class, SegmentsCommand.ListMembers.class})
public final class SegmentsCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required: save, count, list");
    }

    static SegmentDefinition named(CommandSpec spec, SavedSegments saved, String name) {
        return saved.find(name).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "no saved segment named '" + name + "'"));
    }

    /** {@code crm campaigns segments save NAME --filter TEXT}. */
    @Command(name = "save", mixinStandardHelpOptions = true,
            description = "Saves the filter under the name (a new version when the name is taken) and counts it.")
    static final class Save implements Callable<Integer> {
        @Spec
        private CommandSpec spec;
        @Mixin
        private StoreOptions store = new StoreOptions();
        @Parameters(index = "0", paramLabel = "NAME", description = "The segment's name (1 to 200 characters).")
        private String name;
        @Option(names = "--filter", paramLabel = "TEXT", required = true, description = "The filter (see above).")
        private String filter;
        @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
                description = "text (default) or json: {name, version, filter, count}.")
        private OutputFormat format;
        @Mixin
        private SegmentDay day = new SegmentDay();

        @Override
        public Integer call() {
            SegmentDefinition wanted;
            try {
                ContactFilter parsed = ContactFilterText.read(filter);
                wanted = SegmentDefinition.of(name, parsed);
            } catch (ValidationException e) {
                throw new ParameterException(spec.commandLine(), "--filter/NAME: " + e.getMessage());
            }
            day.checked(spec, wanted.filter()); // refused before anything is saved
            return StoreAccess.readAll(store, spec, (crm, description) -> {
                SavedSegments saved = crm.campaignStores().segments();
                long version = saved.find(name).map(SegmentDefinition::version).orElse(0L);
                SegmentDefinition stored = saved.save(new SegmentDefinition(name, wanted.filter(), version));
                long count = day.count(spec, crm, stored.filter());
                PrintWriter out = spec.commandLine().getOut();
                if (format == OutputFormat.JSON) {
                    JsonOutput.print(out, JsonOutput.object("name", stored.name(), "version", stored.version(),
                            "filter", ContactFilterText.write(stored.filter()), "count", count));
                } else {
                    out.printf(Locale.ROOT, "saved segment '%s' version %d: %s in %s%n", stored.name(),
                            stored.version(), Counted.of(count, "contact"), description);
                    out.flush();
                }
                return 0;
            });
        }
    }

    /** {@code crm campaigns segments count NAME}. */
    @Command(name = "count", mixinStandardHelpOptions = true,
            description = "Counts the contacts in the saved segment now.")
    static final class Count implements Callable<Integer> {
        @Spec
        private CommandSpec spec;
        @Mixin
        private StoreOptions store = new StoreOptions();
        @Parameters(index = "0", paramLabel = "NAME", description = "The saved segment's name.")
        private String name;
        @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
                description = "text (default) or json: {name, version, count}.")
        private OutputFormat format;
        @Mixin
        private SegmentDay day = new SegmentDay();

        @Override
        public Integer call() {
            return StoreAccess.readAll(store, spec, (crm, description) -> {
                SegmentDefinition segment = named(spec, crm.campaignStores().segments(), name);
                long count = day.count(spec, crm, segment.filter());
                PrintWriter out = spec.commandLine().getOut();
                if (format == OutputFormat.JSON) {
                    JsonOutput.print(out, JsonOutput.object("name", segment.name(), "version", segment.version(),
                            "count", count));
                } else {
                    out.printf(Locale.ROOT, "%s: %s%n", segment.name(), Counted.of(count, "contact"));
                    out.flush();
                }
                return 0;
            });
        }
    }

    /** {@code crm campaigns segments list NAME [--after ID] [--limit N]}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists one page of the saved segment's contacts in id order; the last id is the --after "
                    + "of the next page.")
    static final class ListMembers implements Callable<Integer> {
        @Spec
        private CommandSpec spec;
        @Mixin
        private StoreOptions store = new StoreOptions();
        @Parameters(index = "0", paramLabel = "NAME", description = "The saved segment's name.")
        private String name;
        @Option(names = "--after", paramLabel = "ID", description = "The last contact id of the previous page.")
        private String after;
        @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
                description = "Contacts per page, 1 to 1000 (default: ${DEFAULT-VALUE}).")
        private int limit;
        @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
                description = "text (default) or json: {name, contacts, next}.")
        private OutputFormat format;
        @Mixin
        private SegmentDay day = new SegmentDay();

        @Override
        public Integer call() {
            if (limit < 1 || limit > 1000) {
                throw new ParameterException(spec.commandLine(), "--limit must be from 1 to 1000, got " + limit);
            }
            Optional<ContactId> cursor;
            try {
                cursor = Optional.ofNullable(after).map(a -> new ContactId(UUID.fromString(a.strip())));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--after must be a contact id (a UUID), got '"
                        + after + "'");
            }
            return StoreAccess.readAll(store, spec, (crm, description) -> {
                SegmentDefinition segment = named(spec, crm.campaignStores().segments(), name);
                List<ContactId> page = day.page(spec, crm, segment.filter(), cursor, limit);
                List<String> ids = page.stream().map(id -> id.value().toString()).toList();
                Object next = ids.size() == limit ? ids.get(ids.size() - 1) : null;
                PrintWriter out = spec.commandLine().getOut();
                if (format == OutputFormat.JSON) {
                    JsonOutput.print(out, JsonOutput.object("name", segment.name(), "contacts", ids, "next", next));
                } else {
                    ids.forEach(out::println);
                    if (next != null) {
                        out.println("more: --after " + next);
                    }
                    out.flush();
                }
                return 0;
            });
        }
    }
}
