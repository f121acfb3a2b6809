package dev.crmkit.examples.cli;

import dev.crmkit.core.Crm;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.customer.ContactEdit;
import dev.crmkit.core.customer.ContactOutcome;
import dev.crmkit.core.customer.NewContact;
import dev.crmkit.core.duplicate.DuplicateCandidate;
import dev.crmkit.core.duplicate.DuplicateRules;
import dev.crmkit.core.duplicate.Reason;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import picocli.CommandLine;
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
 * {@code crm contact add|edit}: a contact typed by hand, under the duplicate rules for contacts by hand: a block
 * prints the stored contacts that look like it with their scores and reasons and stores nothing (exit status 3); an
 * alert saves it and prints them (the owner gets a task).
 */
@Command(name = "contact", mixinStandardHelpOptions = true,
        description = "Add or edit a contact by hand, under the duplicate rules (--duplicates allow|alert|block).",
        subcommands = {ContactCommand.Add.class, ContactCommand.Edit.class, CommandLine.HelpCommand.class})
public final class ContactCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: add or edit");
    }

    /** {@code crm contact add}. */
    @Command(name = "add", mixinStandardHelpOptions = true, resourceBundle = DuplicateRuleOptions.HELP,
            description = {"Add a contact typed by hand. An e-mail or phone that belongs to another contact is "
                    + "refused (exit status 1) as before; a contact that only looks like a stored one is handled "
                    + "by --duplicates.",
                    "Exit status 3 when --duplicates block refused it (the stored contacts are printed)."})
    static final class Add implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FIRST", description = "The given name.")
        private String first;

        @Parameters(index = "1", paramLabel = "LAST", description = "The family name.")
        private String last;

        @Option(names = "--email", paramLabel = "EMAIL", description = "An e-mail address (repeatable).")
        private List<String> emails = new ArrayList<>();

        @Option(names = "--phone", paramLabel = "PHONE", description = "A phone number (repeatable; national "
                + "numbers are read as German).")
        private List<String> phones = new ArrayList<>();

        @Option(names = "--owner", paramLabel = "USER", description = "The owner, who gets the task of an alert.")
        private String owner;

        @Mixin
        private DuplicateRuleOptions options = new DuplicateRuleOptions();

        @Mixin
        private StoreOptions storeOptions = new StoreOptions();

        @Mixin
        private AsOfOption asOf = new AsOfOption();

        @Override
        public Integer call() {
            DuplicateRules rules = options.rules(spec, RecordType.CONTACT);
            try (StoreOptions.OpenStore store = storeOptions.open(spec)) {
                Crm crm = CrmSetup.on(store.store(), "DE", asOf.clock(), IdGenerator.random(), rules);
                ContactOutcome outcome = crm.customers().createContactUnderRules(new NewContact(first, last, emails,
                        phones, "", Optional.ofNullable(owner).map(UserId::of), Map.of()));
                return print(crm, outcome, "created", spec.commandLine().getOut(), options.format);
            }
        }
    }

    /** {@code crm contact edit}. */
    @Command(name = "edit", mixinStandardHelpOptions = true, resourceBundle = DuplicateRuleOptions.HELP,
            description = {"Rename a contact or add e-mails and phones. Only stored contacts the edit makes it look "
                    + "like count: not the contact itself, nor contacts merged into it, nor ones it looked like "
                    + "before.",
                    "Exit status 3 when --duplicates block refused it (the stored contacts are printed)."})
    static final class Edit implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID", description = "The contact: its id or one of its e-mails.")
        private String id;

        @Option(names = "--first-name", paramLabel = "FIRST", description = "The new given name.")
        private String first;

        @Option(names = "--last-name", paramLabel = "LAST", description = "The new family name.")
        private String last;

        @Option(names = "--email", paramLabel = "EMAIL", description = "An e-mail address to add (repeatable).")
        private List<String> emails = new ArrayList<>();

        @Option(names = "--phone", paramLabel = "PHONE", description = "A phone number to add (repeatable).")
        private List<String> phones = new ArrayList<>();

        @Mixin
        private DuplicateRuleOptions options = new DuplicateRuleOptions();

        @Mixin
        private StoreOptions storeOptions = new StoreOptions();

        @Mixin
        private AsOfOption asOf = new AsOfOption();

        @Override
        public Integer call() {
            if (first == null && last == null && emails.isEmpty() && phones.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "nothing to edit: give --first-name, --last-name, "
                        + "--email or --phone");
            }
            DuplicateRules rules = options.rules(spec, RecordType.CONTACT);
            try (StoreOptions.OpenStore store = storeOptions.open(spec)) {
                Crm crm = CrmSetup.on(store.store(), "DE", asOf.clock(), IdGenerator.random(), rules);
                ContactId contact = MergeCommand.contactId(crm, id);
                long before = crm.store().contacts().findById(contact).map(Contact::version).orElse(0L);
                ContactOutcome outcome = crm.customers().editContact(contact, new ContactEdit(
                        Optional.ofNullable(first), Optional.ofNullable(last), emails, phones, ""));
                String done = outcome instanceof ContactOutcome.Saved s && s.saved().version() == before
                        ? "unchanged" : "changed";
                return print(crm, outcome, done, spec.commandLine().getOut(), options.format);
            }
        }
    }

    /** Prints an outcome; the exit status: 0, or {@link DuplicateRuleOptions#BLOCKED}. */
    static int print(Crm crm, ContactOutcome outcome, String saved, PrintWriter out, OutputFormat format) {
        List<DuplicateCandidate> candidates = List.of();
        boolean limitReached = false;
        if (outcome instanceof ContactOutcome.Alerted a) {
            candidates = a.candidates();
            limitReached = a.limitReached();
        } else if (outcome instanceof ContactOutcome.Blocked b) {
            candidates = b.candidates();
            limitReached = b.limitReached();
        }
        String kind = outcome instanceof ContactOutcome.Blocked ? "blocked"
                : outcome instanceof ContactOutcome.Alerted ? "alerted" : saved;
        Optional<Contact> contact = outcome.contact();
        if (format == OutputFormat.JSON) {
            List<Map<String, Object>> listed = candidates.stream().map(c -> JsonOutput.object(
                    "id", c.contactId().toString(), "name", nameOf(crm, c.contactId()), "score", c.score(),
                    "reasons", c.reasons().stream().map(Reason::toString).toList())).toList();
            JsonOutput.print(out, JsonOutput.object("outcome", kind,
                    "contact", contact.map(c -> c.id().toString()).orElse(null),
                    "name", contact.map(Contact::displayName).orElse(null),
                    "candidates", listed, "limitReached", limitReached));
            out.flush();
            return outcome instanceof ContactOutcome.Blocked ? DuplicateRuleOptions.BLOCKED : 0;
        }
        if (outcome instanceof ContactOutcome.Saved s) {
            out.printf("Contact %s: %s (%s)%n", saved, s.saved().displayName(), s.saved().id());
        } else if (outcome instanceof ContactOutcome.Alerted a) {
            out.printf("Contact %s: %s (%s), but it looks like %d stored contact%s (a timeline entry names them; "
                    + "the owner, if any, has a task to check):%n", saved, a.saved().displayName(), a.saved().id(),
                    candidates.size(), candidates.size() == 1 ? "" : "s");
        } else {
            out.printf("Blocked: nothing stored; it looks like %d stored contact%s:%n", candidates.size(),
                    candidates.size() == 1 ? "" : "s");
        }
        for (DuplicateCandidate c : candidates) {
            out.printf(Locale.ROOT, "  %s  %s  score %.2f%n", c.contactId(), nameOf(crm, c.contactId()), c.score());
            c.reasons().forEach(r -> out.printf("      %s%n", r));
        }
        if (limitReached) {
            out.println("  (the candidate limit was reached: more stored contacts may look like it)");
        }
        out.flush();
        return outcome instanceof ContactOutcome.Blocked ? DuplicateRuleOptions.BLOCKED : 0;
    }

    private static String nameOf(Crm crm, ContactId id) {
        return crm.store().contacts().findById(id).map(Contact::displayName).orElse("");
    }
}
