package dev.crmkit.examples.cli.access;

import dev.crmkit.core.Crm;
import dev.crmkit.core.ScopedCrm;
import dev.crmkit.core.access.Actor;
import dev.crmkit.core.kernel.Page;
import dev.crmkit.core.kernel.PageRequest;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.examples.cli.ActingUser;
import dev.crmkit.examples.cli.JsonOutput;
import dev.crmkit.examples.cli.OutputFormat;
import dev.crmkit.examples.cli.StoreAccess;
import dev.crmkit.examples.cli.StoreOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

/** {@code crm [--as USER] access list contacts|companies|leads}: the records the acting user may see. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the contacts, companies or leads that the user of crm --as USER may see (all of them "
                + "without --as), oldest first, with how many there are. The restriction runs inside the store's "
                + "query.",
                "JSON: actor, type, count, records [{id, name, owner}]."})
final class VisibleList implements Callable<Integer> {

    /** What can be listed. */
    enum Kind {
        /** People. */
        CONTACTS,
        /** Companies. */
        COMPANIES,
        /** Leads. */
        LEADS
    }

    private static final int PAGE = 200;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TYPE", description = "contacts, companies or leads.")
    private Kind kind;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
            description = "Print at most N records (default: ${DEFAULT-VALUE}); the count covers all.")
    private int limit;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json: one JSON object on standard output.")
    private OutputFormat format;

    @Mixin
    private StoreOptions storeOptions = new StoreOptions();

    @Override
    public Integer call() {
        if (limit < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--limit must be 0 or more: "
                    + limit);
        }
        Actor actor = ActingUser.actor(spec);
        Listed listed = StoreAccess.read(storeOptions, spec, (store, description) -> {
            ActingUser.checkKnown(store, actor);
            ScopedCrm view = Crm.builder().store(store).defaultRegion("DE").build().as(actor);
            switch (kind) {
                case CONTACTS:
                    return read(view::contacts, view.contactCount(), c -> row(c.id().value(), c.name().full(),
                            c.owner()));
                case COMPANIES:
                    return read(view::companies, view.companyCount(), c -> row(c.id().value(), c.name(),
                            Optional.empty()));
                default:
                    return read(view::leads, view.leadCount(), l -> row(l.id().value(), l.name().full(),
                            l.owner()));
            }
        });
        print(spec.commandLine().getOut(), actor, listed);
        return 0;
    }

    private <T> Listed read(Function<PageRequest, Page<T>> pages, long count, Function<T, Map<String, Object>> row) {
        List<Map<String, Object>> rows = new ArrayList<>();
        PageRequest request = PageRequest.first(Math.max(1, Math.min(PAGE, limit)));
        while (rows.size() < limit) {
            Page<T> page = pages.apply(request);
            page.items().stream().limit(limit - rows.size()).map(row).forEach(rows::add);
            if (page.next().isEmpty()) {
                break;
            }
            request = PageRequest.after(page.next().get(), request.size());
        }
        return new Listed(count, rows);
    }

    private static Map<String, Object> row(Object id, String name, Optional<UserId> owner) {
        return JsonOutput.object("id", id.toString(), "name", name, "owner", owner.map(UserId::value).orElse(""));
    }

    private void print(PrintWriter out, Actor actor, Listed listed) {
        String type = kind.name().toLowerCase(Locale.ROOT);
        if (format == OutputFormat.JSON) {
            JsonOutput.print(out, JsonOutput.object("actor", actor.toString(), "type", type, "count", listed.count,
                    "records", listed.rows));
        } else {
            out.printf(Locale.ROOT, "%d %s visible to %s%n", listed.count, type, actor);
            for (Map<String, Object> r : listed.rows) {
                String owner = (String) r.get("owner");
                out.printf(Locale.ROOT, "  %s  %s  owner %s%n", r.get("id"), r.get("name"),
                        owner.isEmpty() ? "none" : owner);
            }
        }
        out.flush();
    }

    /** A count and the rows printed. */
    private record Listed(long count, List<Map<String, Object>> rows) {
    }
}
