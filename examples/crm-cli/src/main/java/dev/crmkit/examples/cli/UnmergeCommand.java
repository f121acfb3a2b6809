package dev.crmkit.examples.cli;

import dev.crmkit.core.Crm;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.merge.MergeId;
import dev.crmkit.core.merge.UnmergeOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code crm unmerge}: undoes a merge of contacts or of companies, unless something changed since that would be lost.
 */
@Command(name = "unmerge", mixinStandardHelpOptions = true,
        description = {"Undo a merge made by crm merge: the survivor, the merged-away contacts (or companies, or "
                + "leads) and every re-pointed contact, lead, task, deal and timeline entry are stored exactly as they were "
                + "before the merge.",
                "Refused, changing nothing, when one of them changed since (each conflict is printed); exit status 3.",
                "JSON: unmerged, merge, survivor, restored, entry (the unmerge's timeline entry), conflicts."})
final class UnmergeCommand implements Callable<Integer> {

    private static final int REFUSED = 3;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MERGE", description = "The merge's id, as crm merge printed it.")
    private String merge;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json: one JSON object on standard output.")
    private OutputFormat format;

    @Mixin
    private StoreOptions storeOptions = new StoreOptions();

    @Mixin
    private AsOfOption asOf = new AsOfOption();

    @Override
    public Integer call() {
        MergeId id;
        try {
            id = MergeId.parse(merge.strip());
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("merge", "format", "'" + merge + "' is not a merge id");
        }
        try (StoreOptions.OpenStore store = storeOptions.open(spec)) {
            Crm crm = CrmSetup.on(store.store(), "DE", asOf.clock(), IdGenerator.random());
            if (crm.merging().find(id).isEmpty() && crm.companyMerging().find(id).isPresent()) {
                return CompanyMergePrint.unmerge(crm, id, format, spec.commandLine().getOut()) ? 0 : REFUSED;
            }
            if (crm.merging().find(id).isEmpty() && crm.leadMerging().find(id).isPresent()) {
                return LeadMergePrint.unmerge(crm, id, format, spec.commandLine().getOut()) ? 0 : REFUSED;
            }
            UnmergeOutcome outcome = crm.merging().unmerge(id);
            print(spec.commandLine().getOut(), id, outcome);
            return outcome instanceof UnmergeOutcome.Unmerged ? 0 : REFUSED;
        }
    }

    private void print(PrintWriter out, MergeId id, UnmergeOutcome outcome) {
        if (outcome instanceof UnmergeOutcome.Unmerged u) {
            List<String> restored = u.restored().stream().map(ContactId::toString).toList();
            if (format == OutputFormat.JSON) {
                JsonOutput.print(out, JsonOutput.object("unmerged", true, "merge", id.toString(), "survivor",
                        u.merge().survivor().toString(), "restored", restored, "entry", u.activityId().toString(),
                        "conflicts", List.of()));
                return;
            }
            out.printf("Undid merge %s: restored %s beside %s%n", id, String.join(", ", restored),
                    u.merge().survivor());
        } else {
            List<String> conflicts = ((UnmergeOutcome.Refused) outcome).conflicts();
            if (format == OutputFormat.JSON) {
                JsonOutput.print(out, JsonOutput.object("unmerged", false, "merge", id.toString(), "conflicts",
                        conflicts));
                return;
            }
            out.printf("Refused: merge %s stays; it conflicts with what happened since:%n", id);
            conflicts.forEach(c -> out.println("  - " + c));
        }
        out.flush();
    }
}
