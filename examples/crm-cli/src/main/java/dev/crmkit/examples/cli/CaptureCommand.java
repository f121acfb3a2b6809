package dev.crmkit.examples.cli;

import dev.crmkit.core.Crm;
import dev.crmkit.core.capture.CaptureOutcome;
import dev.crmkit.core.capture.LeadSubmission;
import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.duplicate.DuplicateCandidate;
import dev.crmkit.core.duplicate.DuplicateRules;
import dev.crmkit.core.duplicate.LeadCandidate;
import dev.crmkit.core.duplicate.Reason;
import dev.crmkit.core.duplicate.SuspectedDuplicates;
import dev.crmkit.core.kernel.IdGenerator;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.lead.Channel;
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
import java.util.concurrent.Callable;

/**
 * {@code crm capture FIRST LAST}: one lead captured as a channel would capture it, under the duplicate rules for leads
 * and contacts through that channel: a block prints the stored leads and contacts that look like it with their scores
 * and reasons and stores nothing (exit status 3); an alert saves it and prints them (the owner gets a task). An exact
 * e-mail or phone match folds into the stored lead or contact as always.
 */
@Command(name = "capture", mixinStandardHelpOptions = true, resourceBundle = DuplicateRuleOptions.HELP,
        description = {"Capture one lead, as a web form or a call would, under the duplicate rules "
                + "(--duplicates allow|alert|block). An e-mail or phone a stored lead or contact has folds into it "
                + "as always; a lead that only looks like a stored one is handled by --duplicates.",
                "Exit status 3 when --duplicates block refused it (the stored leads and contacts are printed)."})
final class CaptureCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FIRST", description = "The given name.")
    private String first;

    @Parameters(index = "1", paramLabel = "LAST", description = "The family name.")
    private String last;

    @Option(names = "--email", paramLabel = "EMAIL", description = "The e-mail address.")
    private String email;

    @Option(names = "--phone", paramLabel = "PHONE", description = "The phone number (national numbers are read "
            + "as German).")
    private String phone;

    @Option(names = "--company", paramLabel = "NAME", description = "The company name.")
    private String company;

    @Option(names = "--channel", paramLabel = "CHANNEL", defaultValue = "web form",
            converter = ChannelConverter.class,
            description = "Where the lead came from: web form, landing page, social campaign, ads, email, chat, "
                    + "call, import, referral or other (default: ${DEFAULT-VALUE}).")
    private Channel channel;

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
        DuplicateRules rules = options.rules(spec, RecordType.LEAD, RecordType.CONTACT);
        LeadSubmission.Builder submission = LeadSubmission.from(channel).name(first, last);
        Optional.ofNullable(email).ifPresent(submission::email);
        Optional.ofNullable(phone).ifPresent(submission::phone);
        Optional.ofNullable(company).ifPresent(submission::company);
        Optional.ofNullable(owner).map(UserId::of).ifPresent(submission::owner);
        try (StoreOptions.OpenStore store = storeOptions.open(spec)) {
            Crm crm = CrmSetup.on(store.store(), "DE", asOf.clock(), IdGenerator.random(), rules);
            CaptureOutcome outcome = crm.capture().capture(submission.build());
            if (outcome instanceof CaptureOutcome.Rejected rejected) {
                throw new ParameterException(spec.commandLine(), "not captured: " + rejected.reason());
            }
            if (outcome instanceof CaptureOutcome.Suppressed suppressed) {
                throw new IllegalStateException("not captured: " + suppressed.reason());
            }
            return print(crm, outcome, spec.commandLine().getOut(), options.format);
        }
    }

    /** Prints an outcome; the exit status: 0, or {@link DuplicateRuleOptions#BLOCKED}. */
    static int print(Crm crm, CaptureOutcome outcome, PrintWriter out, OutputFormat format) {
        SuspectedDuplicates found = outcome.suspected();
        String kind = kind(outcome);
        Optional<Lead> lead = outcome.lead();
        if (format == OutputFormat.JSON) {
            List<Map<String, Object>> leads = found.leads().stream().map(c -> JsonOutput.object(
                    "id", c.leadId().toString(), "name", leadName(crm, c.leadId()), "score", c.score(),
                    "reasons", c.reasons().stream().map(Reason::toString).toList())).toList();
            List<Map<String, Object>> contacts = found.contacts().stream().map(c -> JsonOutput.object(
                    "id", c.contactId().toString(), "name", contactName(crm, c.contactId()), "score", c.score(),
                    "reasons", c.reasons().stream().map(Reason::toString).toList())).toList();
            JsonOutput.print(out, JsonOutput.object("outcome", kind,
                    "lead", lead.map(l -> l.id().toString()).orElse(null),
                    "contact", lead.map(l -> l.contactId().toString()).orElse(null),
                    "leads", leads, "contacts", contacts, "limitReached", found.limitReached()));
            out.flush();
            return outcome instanceof CaptureOutcome.Blocked ? DuplicateRuleOptions.BLOCKED : 0;
        }
        int count = found.leads().size() + found.contacts().size();
        if (outcome instanceof CaptureOutcome.Blocked) {
            out.printf("Blocked: nothing stored; it looks like %d stored record%s:%n", count, count == 1 ? "" : "s");
        } else {
            Lead l = lead.orElseThrow();
            out.printf("Lead captured (%s): %s (%s), contact %s%n", kind, l.name().full(), l.id(), l.contactId());
            if (count > 0) {
                out.printf("It looks like %d stored record%s (a timeline entry names them; the owner, if any, has a "
                        + "task to check):%n", count, count == 1 ? "" : "s");
            }
        }
        for (LeadCandidate c : found.leads()) {
            out.printf(Locale.ROOT, "  lead %s  %s  score %.2f%n", c.leadId(), leadName(crm, c.leadId()), c.score());
            c.reasons().forEach(r -> out.printf("      %s%n", r));
        }
        for (DuplicateCandidate c : found.contacts()) {
            out.printf(Locale.ROOT, "  contact %s  %s  score %.2f%n", c.contactId(), contactName(crm, c.contactId()),
                    c.score());
            c.reasons().forEach(r -> out.printf("      %s%n", r));
        }
        if (found.limitReached()) {
            out.println("  (the candidate limit was reached: more stored records may look like it)");
        }
        out.flush();
        return outcome instanceof CaptureOutcome.Blocked ? DuplicateRuleOptions.BLOCKED : 0;
    }

    private static String kind(CaptureOutcome outcome) {
        if (outcome instanceof CaptureOutcome.NewLeadNewContact) {
            return "new lead, new contact";
        }
        if (outcome instanceof CaptureOutcome.NewLeadExistingContact) {
            return "new lead, known contact";
        }
        if (outcome instanceof CaptureOutcome.DuplicateFolded) {
            return "duplicate folded";
        }
        if (outcome instanceof CaptureOutcome.AlreadyCaptured) {
            return "already captured";
        }
        return "blocked";
    }

    static String leadName(Crm crm, LeadId id) {
        return crm.store().leads().findById(id).map(l -> l.name().full()).orElse("");
    }

    private static String contactName(Crm crm, ContactId id) {
        return crm.store().contacts().findById(id).map(Contact::displayName).orElse("");
    }

    /** Reads a channel name in any case, with spaces, dashes or underscores. */
    static final class ChannelConverter implements CommandLine.ITypeConverter<Channel> {
        @Override
        public Channel convert(String value) {
            try {
                return Channel.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
