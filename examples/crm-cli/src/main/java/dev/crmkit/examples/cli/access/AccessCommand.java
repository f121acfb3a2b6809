package dev.crmkit.examples.cli.access;

import dev.crmkit.core.CrmStore;
import dev.crmkit.core.access.AccessDecision;
import dev.crmkit.core.access.AccessPolicy;
import dev.crmkit.core.access.AccessRecord;
import dev.crmkit.core.access.Actor;
import dev.crmkit.core.access.CurrentActor;
import dev.crmkit.core.access.Grant;
import dev.crmkit.core.access.Grantee;
import dev.crmkit.core.access.Organization;
import dev.crmkit.core.access.Origin;
import dev.crmkit.core.access.Permission;
import dev.crmkit.core.access.ShareLevel;
import dev.crmkit.core.access.User;
import dev.crmkit.core.administration.AccessAdministration;
import dev.crmkit.core.audit.AuditLog;
import dev.crmkit.core.kernel.Context;
import dev.crmkit.core.kernel.EdgeValidation;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.examples.cli.AsOfOption;
import dev.crmkit.examples.cli.JsonOutput;
import dev.crmkit.examples.cli.OutputFormat;
import dev.crmkit.examples.cli.StoreAccess;
import dev.crmkit.examples.cli.StoreOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code crm access}: the demo organization, why a user may or may not do something with a record, shares. */
@Command(name = "access", mixinStandardHelpOptions = true,
        description = "Who may see and change what: store the demo organization, explain a user's access to a "
                + "record, share a record, list what the user of crm --as USER may see.",
        subcommands = {AccessCommand.Demo.class, AccessCommand.Explain.class, AccessCommand.Share.class,
                VisibleList.class, RecordViews.Timeline.class, RecordViews.Tasks.class,
                CommandLine.HelpCommand.class})
public final class AccessCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required: demo, explain, share or list");
    }

    /** The administration use case on a store, acting as an actor, with audit times from the clock. */
    static AccessAdministration administration(CrmStore store, Actor actor, Clock clock) {
        CurrentActor current = CurrentActor.fixed(actor, Origin.API);
        IdGenerator ids = IdGenerator.timeOrdered(clock);
        Context context = new Context(store.transactions(), event -> { }, EdgeValidation.plain(), clock, ids);
        return new AccessAdministration(store.accessDirectory(), store.shares(),
                new AuditLog(store.auditTrail(), current, context), current, store.transactions());
    }

    /** {@code crm access demo}. */
    @Command(name = "demo", mixinStandardHelpOptions = true,
            description = {"Store the demo's organization (again): teams sales > DACH, UK/US, France; dana head of "
                    + "sales, anna team lead of DACH, david, ben and carla reps; contacts readable by their owner's "
                    + "team, companies by everyone, leads and deals private. Each change is audited as done by "
                    + "system:demo.",
                    "JSON: users [{id, team, role}], defaults {type: access}."})
    static final class Demo implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Mixin
        private StoreOptions storeOptions = new StoreOptions();

        @Mixin
        private AsOfOption asOf = new AsOfOption();

        @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
                description = "text (default) or json: one JSON object on standard output.")
        private OutputFormat format;

        @Override
        public Integer call() {
            Organization org = StoreAccess.read(storeOptions, spec, (store, description) -> {
                AccessAdministration admin = administration(store, Actor.system("demo"), asOf.clock());
                store.transactions().run(() -> {
                    DemoAccess.teams().forEach(admin::save);
                    DemoAccess.roles().forEach(admin::save);
                    DemoAccess.users().forEach(admin::save);
                    DemoAccess.defaults().forEach(admin::setDefault);
                });
                return store.accessDirectory().organization();
            });
            PrintWriter out = spec.commandLine().getOut();
            if (format == OutputFormat.JSON) {
                JsonOutput.print(out, JsonOutput.object("users", org.users().stream().map(u -> JsonOutput.object(
                        "id", u.id().value(), "team", u.team().map(Object::toString).orElse(""),
                        "role", u.role().value())).toList(), "defaults", defaults(org)));
            } else {
                out.println("The demo organization is stored:");
                for (User u : org.users()) {
                    out.printf(Locale.ROOT, "  %-6s team %-7s role %s%n", u.id(),
                            u.team().map(Object::toString).orElse("-"), u.role());
                }
                defaults(org).forEach((type, access) -> out.printf(Locale.ROOT, "  %s: %s%n", type, access));
            }
            out.flush();
            return 0;
        }

        private static Map<String, Object> defaults(Organization org) {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            org.defaults().forEach((type, access) -> out.put(type.name().toLowerCase(Locale.ROOT),
                    access.name().toLowerCase(Locale.ROOT)));
            return out;
        }
    }

    /** {@code crm access explain USER RECORD}. */
    @Command(name = "explain", mixinStandardHelpOptions = true,
            description = {"Why a user may or may not view, edit, delete, export, merge and assign a record: every "
                    + "rule that grants each permission (owner, role hierarchy, team scope, everything scope, default "
                    + "access, shares), or why none does.",
                    "RECORD is type:id (contact, company, lead, deal), an id, or a contact's e-mail address.",
                    "JSON: user, record, owner, decisions [{permission, allowed, grants [{rule, why}], reason}]."})
    static final class Explain implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "USER", description = "The user's id.")
        private String user;

        @Parameters(index = "1", paramLabel = "RECORD", description = "The record.")
        private String record;

        @Mixin
        private StoreOptions storeOptions = new StoreOptions();

        @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
                description = "text (default) or json: one JSON object on standard output.")
        private OutputFormat format;

        @Override
        public Integer call() {
            Actor actor = Actor.user(UserId.of(user.strip()));
            Object[] result = StoreAccess.read(storeOptions, spec, (store, description) -> {
                Organization org = store.accessDirectory().organization();
                if (org.users().isEmpty()) {
                    throw new IllegalStateException("the store has no users: store the demo's with crm access demo");
                }
                if (org.user(UserId.of(user.strip())).isEmpty()) {
                    throw new IllegalArgumentException("there is no user " + user.strip() + "; the users are "
                            + String.join(", ", org.users().stream().map(u -> u.id().value()).toList()));
                }
                AccessRecord found = Records.find(store, record);
                return new Object[]{found, AccessPolicy.of(org).explain(actor, found,
                        store.shares().of(found.ref()))};
            });
            AccessRecord found = (AccessRecord) result[0];
            @SuppressWarnings("unchecked")
            List<AccessDecision> decisions = (List<AccessDecision>) result[1];
            print(spec.commandLine().getOut(), found, decisions);
            return 0;
        }

        private void print(PrintWriter out, AccessRecord found, List<AccessDecision> decisions) {
            String owner = found.owner().map(UserId::value).orElse("");
            if (format == OutputFormat.JSON) {
                List<Map<String, Object>> json = new ArrayList<>();
                for (int i = 0; i < decisions.size(); i++) {
                    AccessDecision d = decisions.get(i);
                    List<Grant> grants = d instanceof AccessDecision.Allowed a ? a.grants() : List.of();
                    json.add(JsonOutput.object("permission", name(Permission.values()[i]), "allowed", d.allowed(),
                            "grants", grants.stream().map(g -> JsonOutput.object("rule", g.rule().name(),
                                    "why", g.why())).toList(),
                            "reason", d instanceof AccessDecision.Refused r ? r.reason() : ""));
                }
                JsonOutput.print(out, JsonOutput.object("user", user.strip(), "record", found.ref().toString(),
                        "owner", owner, "decisions", json));
                return;
            }
            out.printf("%s and %s (owner %s):%n", user.strip(), found.ref(), owner.isEmpty() ? "none" : owner);
            for (int i = 0; i < decisions.size(); i++) {
                AccessDecision d = decisions.get(i);
                String why = d instanceof AccessDecision.Allowed a
                        ? String.join("; ", a.grants().stream().map(g -> g.why() + " [" + g.rule() + "]").toList())
                        : ((AccessDecision.Refused) d).reason();
                out.printf(Locale.ROOT, "  %-7s %-8s %s%n", name(Permission.values()[i]),
                        d.allowed() ? "allowed" : "refused", why);
            }
            out.flush();
        }
    }

    /** {@code crm access share RECORD GRANTEE}. */
    @Command(name = "share", mixinStandardHelpOptions = true,
            description = {"Share a record with a user (user:ID) or a team (team:ID, with the teams below it), "
                    + "read or read-write; only the record's owner or an access administrator may. A share only "
                    + "widens access. Audited. Exit status 3 when refused.",
                    "RECORD is type:id (contact, company, lead, deal), an id, or a contact's e-mail address."})
    static final class Share implements Callable<Integer> {

        /** The exit status of a refused share. */
        static final int REFUSED = 3;

        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "RECORD", description = "The record.")
        private String record;

        @Parameters(index = "1", paramLabel = "GRANTEE", description = "user:ID or team:ID.")
        private String grantee;

        @Option(names = "--level", paramLabel = "read|read-write", defaultValue = "read",
                description = "What the grantee may do (default: ${DEFAULT-VALUE}).")
        private String level;

        @Option(names = "--by", paramLabel = "USER", required = true, description = "Who shares it.")
        private String by;

        @Mixin
        private StoreOptions storeOptions = new StoreOptions();

        @Mixin
        private AsOfOption asOf = new AsOfOption();

        @Override
        public Integer call() {
            ShareLevel shareLevel = switch (level.strip().toLowerCase(Locale.ROOT)) {
                case "read" -> ShareLevel.READ;
                case "read-write" -> ShareLevel.READ_WRITE;
                default -> throw new ParameterException(spec.commandLine(), "--level is read or read-write, not '"
                        + level + "'");
            };
            Grantee to = grantee(grantee.strip());
            AccessDecision decision = StoreAccess.read(storeOptions, spec, (store, description) -> {
                AccessRecord found = Records.find(store, record);
                return administration(store, Actor.user(by.strip()), asOf.clock()).share(found, to, shareLevel);
            });
            PrintWriter out = spec.commandLine().getOut();
            out.println(decision.allowed() ? "Shared: " + decision.explain() : "Refused: " + decision.explain());
            out.flush();
            return decision.allowed() ? 0 : REFUSED;
        }

        private Grantee grantee(String text) {
            if (text.startsWith("user:") && text.length() > 5) {
                return Grantee.user(text.substring(5));
            }
            if (text.startsWith("team:") && text.length() > 5) {
                return Grantee.team(text.substring(5));
            }
            throw new ParameterException(spec.commandLine(), "GRANTEE is user:ID or team:ID, not '" + text + "'");
        }
    }

    private static String name(Permission p) {
        return p.name().toLowerCase(Locale.ROOT);
    }
}
