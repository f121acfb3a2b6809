package dev.crmkit.examples.cli.duplicates;

import dev.crmkit.core.Crm;
import dev.crmkit.core.CrmStore;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.duplicate.DuplicateScan;
import dev.crmkit.core.duplicate.ScanResult;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.Violation;
import dev.crmkit.core.merge.ContactMerge;
import dev.crmkit.core.merge.MergeContacts;
import dev.crmkit.core.merge.MergeOutcome;
import dev.crmkit.core.merge.SurvivorRule;
import dev.crmkit.examples.cli.AsOfOption;
import dev.crmkit.examples.cli.CrmSetup;
import dev.crmkit.examples.cli.JsonOutput;
import dev.crmkit.examples.cli.OutputFormat;
import dev.crmkit.examples.cli.StoreAccess;
import dev.crmkit.examples.cli.StoreOptions;
import dev.crmkit.examples.cli.SurvivorRuleConverter;
import dev.crmkit.examples.cli.quality.StoreQuality;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code crm duplicates merge}: scans the store's contacts and merges every cluster of duplicates it finds, one merge
 * (one unit of work, one undo) per cluster: the bulk merge of a scan's clusters.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Scan the store's contacts (as crm duplicates scan --store) and merge every cluster found: one "
                + "merge per cluster, in its own unit of work, each undoable with crm unmerge MERGE. The survivor "
                + "of a cluster is chosen by --rule.",
                "--dry-run merges nothing and prints the clusters that would be merged.",
                "Exit status 3 when a cluster's merge is refused (the others are merged; the reasons are printed).",
                "JSON keys: records, threshold, clusters, merged (merge, survivor, mergedAway, repointed), refused "
                        + "(contacts, reasons), dryRun."})
public final class MergeClustersCommand implements Callable<Integer> {

    private static final int REFUSED = 3;

    @Spec
    private CommandSpec spec;

    @Option(names = "--threshold", paramLabel = "P",
            description = "Match probability a pair needs, greater than 0 and less than 1 (default: the library's "
                    + "default, " + DuplicateScan.DEFAULT_THRESHOLD + ").")
    private Double threshold;

    @Option(names = "--rule", paramLabel = "most-complete|oldest|most-recent-activity",
            defaultValue = "most-complete", converter = SurvivorRuleConverter.class,
            description = "How each cluster's survivor is chosen (default most-complete).")
    private SurvivorRule rule;

    @Option(names = "--dry-run", description = "Merge nothing; print the clusters that would be merged.")
    private boolean dryRun;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json: one JSON object on standard output.")
    private OutputFormat format;

    @Mixin
    private StoreOptions storeOptions = new StoreOptions();

    @Mixin
    private AsOfOption asOf = new AsOfOption();

    @Override
    public Integer call() {
        DuplicateScan scan = ScanCommand.scan(spec, threshold);
        return StoreAccess.read(storeOptions, spec, (store, description) -> mergeClusters(store, scan));
    }

    private int mergeClusters(CrmStore store, DuplicateScan scan) {
        ScanResult result = scan.scan(StoreQuality.contactRecords(store));
        List<Map<String, Object>> merged = new ArrayList<>();
        List<Map<String, Object>> refused = new ArrayList<>();
        if (!dryRun) {
            // set up only to merge: a dry run writes nothing, not even the command line's standard schemas
            Crm crm = CrmSetup.on(store, "DE", asOf.clock(), IdGenerator.random());
            for (List<String> cluster : result.clusters()) {
                List<ContactId> ids = cluster.stream().map(ContactId::parse).toList();
                MergeOutcome outcome = crm.merging().merge(new MergeContacts(ids, Optional.empty(), rule,
                        Map.of()));
                if (outcome instanceof MergeOutcome.Merged m) {
                    ContactMerge merge = m.merge();
                    merged.add(JsonOutput.object("merge", merge.id().toString(), "survivor",
                            merge.survivor().toString(), "name", m.survivor().displayName(), "mergedAway",
                            merge.mergedIds().stream().map(ContactId::toString).toList(), "repointed",
                            merge.repointed().size()));
                } else {
                    refused.add(JsonOutput.object("contacts", cluster, "reasons",
                            ((MergeOutcome.Refused) outcome).reasons().stream().map(Violation::message)
                                    .toList()));
                }
            }
        }
        print(spec.commandLine().getOut(), result, merged, refused);
        return refused.isEmpty() ? 0 : REFUSED;
    }

    private void print(PrintWriter out, ScanResult result, List<Map<String, Object>> merged,
                       List<Map<String, Object>> refused) {
        if (format == OutputFormat.JSON) {
            JsonOutput.print(out, JsonOutput.object("records", result.records(), "threshold", result.threshold(),
                    "clusters", result.clusters(), "merged", merged, "refused", refused, "dryRun", dryRun));
            return;
        }
        out.printf("%d records, %d clusters at or above %s%s%n", result.records(), result.clusters().size(),
                result.threshold(), dryRun ? " (dry run: nothing merged)" : "");
        if (dryRun) {
            result.clusters().forEach(c -> out.println("  would merge: " + String.join(", ", c)));
        }
        for (Map<String, Object> m : merged) {
            out.printf("  merged %s into %s (%s); merge %s, undo with: crm unmerge %s%n", m.get("mergedAway"),
                    m.get("name"), m.get("survivor"), m.get("merge"), m.get("merge"));
        }
        for (Map<String, Object> r : refused) {
            out.printf("  refused %s: %s%n", r.get("contacts"), r.get("reasons"));
        }
        out.flush();
    }
}
