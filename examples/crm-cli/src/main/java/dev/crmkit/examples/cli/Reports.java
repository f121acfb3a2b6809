package dev.crmkit.examples.cli;

import dev.crmkit.examples.cli.leadimport.ImportTally;
import dev.crmkit.examples.cli.leadimport.OutcomeKind;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The text and JSON forms of import counts, shared by {@code crm import} and {@code crm demo}. */
final class Reports {

    private Reports() {
    }

    /** A count with thousands separators: {@code 1,000,000}. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Prints the counts, one line per kind of result. */
    static void printCounts(PrintWriter out, ImportTally tally, Optional<Path> rejectsFile) {
        out.printf("  new leads   %8s  (%s with a new contact)%n", count(tally.created()),
                count(tally.contactsCreated()));
        out.printf("  duplicates  %8s  (%s folded into an open lead, %s captured before)%n",
                count(tally.duplicates()), count(tally.count(OutcomeKind.DUPLICATE_FOLDED)),
                count(tally.count(OutcomeKind.ALREADY_CAPTURED)));
        out.printf("  rejected    %8s%s%n", count(tally.rejected()),
                rejectsFile.map(p -> "  (written to " + p + ")").orElse(""));
    }

    /** The counts as JSON fields. */
    static Map<String, Object> countsJson(ImportTally tally) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rows", tally.rows());
        json.put("created", tally.created());
        json.put("contactsCreated", tally.contactsCreated());
        json.put("duplicates", tally.duplicates());
        json.put("folded", tally.count(OutcomeKind.DUPLICATE_FOLDED));
        json.put("alreadyCaptured", tally.count(OutcomeKind.ALREADY_CAPTURED));
        json.put("rejected", tally.rejected());
        return json;
    }
}
