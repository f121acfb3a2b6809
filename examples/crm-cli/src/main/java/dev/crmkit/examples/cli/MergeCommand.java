package dev.crmkit.examples.cli;

import dev.crmkit.core.Crm;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.merge.ContactMerge;
import dev.crmkit.core.merge.MergeContacts;
import dev.crmkit.core.merge.MergeOutcome;
import dev.crmkit.core.merge.Repointed;
import dev.crmkit.core.merge.SurvivorRule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code crm merge}: merges duplicate contacts (or, with {@code --companies}, companies) into one survivor, keeping
 * every related record and an undo.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Merge two or more contacts of the store into one survivor, in one unit of work: e-mails, "
                + "phones, addresses, affiliations and custom fields united; leads, tasks, deals and timeline "
                + "entries re-pointed to the survivor; the merged-away ids resolve to the survivor from then on. "
                + "The merge is recorded on the survivor's timeline and can be undone with crm unmerge MERGE.",
                "ID is a contact id or a contact's e-mail address; with --companies, a company id or web domain.",
                "With --companies: the survivor keeps its name and takes the first filled value of every other "
                        + "field (survivor first); contacts' affiliations, leads, tasks, deals and timeline entries "
                        + "are re-pointed; without --survivor, the most complete company survives (ties: oldest).",
                "With --leads: ID is a lead id; the survivor keeps its contact, source and status, takes the first "
                        + "filled value of every other field and the external ids of all; tasks, deals converted "
                        + "from a merged-away lead and timeline entries are re-pointed; --rule applies.",
                "Exit status 3 when the merge is refused (the reasons are printed).",
                "JSON: merged, merge, survivor, name, mergedAway, repointed (counts by kind), entry (the merge's "
                        + "timeline entry), reasons."})
final class MergeCommand implements Callable<Integer> {

    private static final int REFUSED = 3;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "2..*", paramLabel = "ID", description = "The contacts to merge: ids or e-mail addresses.")
    private List<String> contacts;

    @Option(names = "--companies", description = "Merge companies instead of contacts.")
    private boolean companies;

    @Option(names = "--leads", description = "Merge leads instead of contacts.")
    private boolean leads;

    @Option(names = "--survivor", paramLabel = "ID",
            description = "The contact that survives (one of the IDs); default: chosen by --rule.")
    private String survivor;

    @Option(names = "--rule", paramLabel = "most-complete|oldest|most-recent-activity",
            defaultValue = "most-complete", converter = SurvivorRuleConverter.class,
            description = "How to choose the survivor when --survivor is not given (default most-complete).")
    private SurvivorRule rule;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json: one JSON object on standard output.")
    private OutputFormat format;

    @Mixin
    private StoreOptions storeOptions = new StoreOptions();

    @Mixin
    private AsOfOption asOf = new AsOfOption();

    @Override
    public Integer call() {
        try (StoreOptions.OpenStore store = storeOptions.open(spec)) {
            Crm crm = CrmSetup.on(store.store(), "DE", asOf.clock(), IdGenerator.random());
            if (leads && companies) {
                throw ValidationException.of("leads", "exclusive", "--leads and --companies cannot be combined");
            }
            if (leads) {
                return LeadMergePrint.merge(crm, contacts, Optional.ofNullable(survivor), rule, format,
                        spec.commandLine().getOut()) ? 0 : REFUSED;
            }
            if (companies) {
                return CompanyMergePrint.merge(crm, contacts, Optional.ofNullable(survivor), rule, format,
                        spec.commandLine().getOut()) ? 0 : REFUSED;
            }
            List<ContactId> ids = contacts.stream().map(c -> contactId(crm, c)).toList();
            Optional<ContactId> chosen = Optional.ofNullable(survivor).map(s -> contactId(crm, s));
            MergeOutcome outcome = crm.merging().merge(new MergeContacts(ids, chosen, rule, Map.of()));
            print(spec.commandLine().getOut(), outcome);
            return outcome instanceof MergeOutcome.Merged ? 0 : REFUSED;
        }
    }

    /** The contact id written, or the id of the contact holding the e-mail address written. */
    static ContactId contactId(Crm crm, String text) {
        String key = text.strip();
        if (key.contains("@")) {
            return EmailAddress.tryParse(key).flatMap(crm.store().contacts()::findByEmail).map(Contact::id)
                    .orElseThrow(() -> ValidationException.of("contact", "exists", "no contact has the e-mail "
                            + key));
        }
        try {
            return ContactId.parse(key);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("contact", "format", "'" + key + "' is neither a contact id nor an e-mail");
        }
    }

    private void print(PrintWriter out, MergeOutcome outcome) {
        if (outcome instanceof MergeOutcome.Merged m) {
            ContactMerge merge = m.merge();
            Map<String, Long> counts = counts(merge.repointed());
            if (format == OutputFormat.JSON) {
                JsonOutput.print(out, JsonOutput.object("merged", true, "merge", merge.id().toString(),
                        "survivor", merge.survivor().toString(), "name", m.survivor().displayName(),
                        "mergedAway", merge.mergedIds().stream().map(ContactId::toString).toList(),
                        "repointed", counts, "entry", merge.activityId().toString(), "reasons", List.of()));
                return;
            }
            out.printf("Merged %d contact%s into %s (%s); merge %s%n", merge.mergedIds().size(),
                    merge.mergedIds().size() == 1 ? "" : "s", m.survivor().displayName(), merge.survivor(),
                    merge.id());
            out.printf("  re-pointed: %s%n", counts.isEmpty() ? "nothing" : counts.entrySet().stream()
                    .map(e -> e.getValue() + " x " + e.getKey()).collect(Collectors.joining(", ")));
            out.printf("  undo with: crm unmerge %s%n", merge.id());
        } else {
            MergeOutcome.Refused r = (MergeOutcome.Refused) outcome;
            if (format == OutputFormat.JSON) {
                JsonOutput.print(out, JsonOutput.object("merged", false, "reasons", r.reasons().stream()
                        .map(v -> JsonOutput.object("field", v.field(), "rule", v.rule(), "message", v.message()))
                        .toList()));
                return;
            }
            out.println("Refused: nothing merged");
            r.reasons().forEach(v -> out.printf(Locale.ROOT, "  - %s: %s (%s)%n", v.field(), v.message(), v.rule()));
        }
        out.flush();
    }

    /** The number of re-pointed records by kind, lower case. */
    static Map<String, Long> counts(List<Repointed> repointed) {
        Map<Repointed.Kind, Long> byKind = repointed.stream().collect(Collectors.groupingBy(Repointed::kind,
                () -> new EnumMap<>(Repointed.Kind.class), Collectors.counting()));
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        byKind.forEach((k, n) -> out.put(k.name().toLowerCase(Locale.ROOT), n));
        return out;
    }
}
