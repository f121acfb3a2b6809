package dev.crmkit.examples.cli;

import dev.crmkit.core.Crm;
import dev.crmkit.core.customer.LeadEdit;
import dev.crmkit.core.customer.LeadOutcome;
import dev.crmkit.core.duplicate.DuplicateRules;
import dev.crmkit.core.duplicate.LeadCandidate;
import dev.crmkit.core.duplicate.Reason;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadId;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * {@code crm lead edit ID}: a lead's submitted data edited by hand, under the duplicate rules for leads by hand: a
 * block prints the other people's open leads it would look like, with their scores and reasons, and stores nothing
 * (exit status 3); an alert saves it and prints them (the owner gets a task).
 */
@Command(name = "lead", mixinStandardHelpOptions = true,
        description = "Edit a lead's submitted data by hand, under the duplicate rules (--duplicates "
                + "allow|alert|block).",
        subcommands = {LeadCommand.Edit.class, CommandLine.HelpCommand.class})
public final class LeadCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: edit");
    }

    /** {@code crm lead edit}. */
    @Command(name = "edit", mixinStandardHelpOptions = true, resourceBundle = DuplicateRuleOptions.HELP,
            description = {"Edit a lead's name, e-mail, phone or company name (an empty value removes the e-mail "
                    + "or phone; a lead keeps one of them). Only other people's open leads the edit makes it look "
                    + "like count: not the leads of its own contact, nor ones it looked like before.",
                    "Exit status 3 when --duplicates block refused it (the stored leads are printed)."})
    static final class Edit implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID", description = "The lead's id.")
        private String id;

        @Option(names = "--first-name", paramLabel = "FIRST", description = "The new given name.")
        private String first;

        @Option(names = "--last-name", paramLabel = "LAST", description = "The new family name.")
        private String last;

        @Option(names = "--email", paramLabel = "EMAIL", description = "The new e-mail address (empty: none).")
        private String email;

        @Option(names = "--phone", paramLabel = "PHONE", description = "The new phone number (national numbers are "
                + "read as German; empty: none).")
        private String phone;

        @Option(names = "--company", paramLabel = "NAME", description = "The new company name (empty: none).")
        private String company;

        @Mixin
        private DuplicateRuleOptions options = new DuplicateRuleOptions();

        @Mixin
        private StoreOptions storeOptions = new StoreOptions();

        @Mixin
        private AsOfOption asOf = new AsOfOption();

        @Override
        public Integer call() {
            if (first == null && last == null && email == null && phone == null && company == null) {
                throw new ParameterException(spec.commandLine(), "nothing to edit: give --first-name, --last-name, "
                        + "--email, --phone or --company");
            }
            DuplicateRules rules = options.rules(spec, RecordType.LEAD);
            LeadId lead;
            try {
                lead = new LeadId(UUID.fromString(id.strip()));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "ID must be a lead id (a UUID), got '" + id + "'");
            }
            LeadEdit edit = new LeadEdit(Optional.ofNullable(first), Optional.ofNullable(last),
                    Optional.ofNullable(email), Optional.ofNullable(phone), Optional.ofNullable(company), "");
            try (StoreOptions.OpenStore store = storeOptions.open(spec)) {
                Crm crm = CrmSetup.on(store.store(), "DE", asOf.clock(), IdGenerator.random(), rules);
                long before = crm.store().leads().findById(lead).map(Lead::version).orElse(0L);
                LeadOutcome outcome = crm.leadEditing().edit(lead, edit);
                String done = outcome instanceof LeadOutcome.Saved s && s.saved().version() == before
                        ? "unchanged" : "changed";
                return print(crm, outcome, done, spec.commandLine().getOut(), options.format);
            }
        }
    }

    /** Prints an outcome; the exit status: 0, or {@link DuplicateRuleOptions#BLOCKED}. */
    static int print(Crm crm, LeadOutcome outcome, String saved, PrintWriter out, OutputFormat format) {
        List<LeadCandidate> candidates = List.of();
        boolean limitReached = false;
        if (outcome instanceof LeadOutcome.Alerted a) {
            candidates = a.candidates();
            limitReached = a.limitReached();
        } else if (outcome instanceof LeadOutcome.Blocked b) {
            candidates = b.candidates();
            limitReached = b.limitReached();
        }
        String kind = outcome instanceof LeadOutcome.Blocked ? "blocked"
                : outcome instanceof LeadOutcome.Alerted ? "alerted" : saved;
        Optional<Lead> lead = outcome.lead();
        int exit = outcome instanceof LeadOutcome.Blocked ? DuplicateRuleOptions.BLOCKED : 0;
        if (format == OutputFormat.JSON) {
            List<Map<String, Object>> listed = candidates.stream().map(c -> JsonOutput.object(
                    "id", c.leadId().toString(), "name", CaptureCommand.leadName(crm, c.leadId()), "score", c.score(),
                    "reasons", c.reasons().stream().map(Reason::toString).toList())).toList();
            JsonOutput.print(out, JsonOutput.object("outcome", kind,
                    "lead", lead.map(l -> l.id().toString()).orElse(null),
                    "name", lead.map(l -> l.name().full()).orElse(null),
                    "candidates", listed, "limitReached", limitReached));
            out.flush();
            return exit;
        }
        if (lead.isPresent()) {
            out.printf("Lead %s: %s (%s)%s%n", kind.equals("alerted") ? "changed" : kind, lead.get().name().full(),
                    lead.get().id(), candidates.isEmpty() ? "" : String.format(Locale.ROOT, ", but it looks like %d "
                            + "stored lead%s (a timeline entry names them; the owner, if any, has a task to check):",
                    candidates.size(), candidates.size() == 1 ? "" : "s"));
        } else {
            out.printf("Blocked: nothing stored; it looks like %d stored lead%s:%n", candidates.size(),
                    candidates.size() == 1 ? "" : "s");
        }
        for (LeadCandidate c : candidates) {
            out.printf(Locale.ROOT, "  %s  %s  score %.2f%n", c.leadId(), CaptureCommand.leadName(crm, c.leadId()),
                    c.score());
            c.reasons().forEach(r -> out.printf("      %s%n", r));
        }
        if (limitReached) {
            out.println("  (the candidate limit was reached: more stored leads may look like it)");
        }
        out.flush();
        return exit;
    }
}
