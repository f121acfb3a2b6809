package dev.crmkit.service.visit;

import dev.crmkit.core.kernel.Checks;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.SelfChecking;
import dev.crmkit.core.kernel.StoreLimits;
import dev.crmkit.core.kernel.Violation;
import dev.crmkit.service.document.DocumentRef;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the engineer returns from a visit: the work done, the parts used, the time on site, the checklist, the photos
 * and certificates (as {@link DocumentRef references}), the customer's sign-off, the day the service counts as done
 * and what it was charged. Recording it completes the visit and moves the visit's plan forward. Immutable and
 * thread-safe.
 *
 * @param completedOn the day the service was done; the plan counts it as a completion
 * @param workDone    what was done, at most 2000 characters
 * @param parts       the parts used
 * @param timeOnSite  how long the engineer was there, positive and at most a day
 * @param checklist   the checklist as filled in
 * @param documents   photos and certificates
 * @param signOff     the customer's sign-off, if given
 * @param charged     what the visit was charged (service revenue); zero when covered by a contract
 */
public record CompletionReport(LocalDate completedOn, String workDone, List<PartUsed> parts, Duration timeOnSite,
                               List<ChecklistItem> checklist, List<DocumentRef> documents, Optional<SignOff> signOff,
                               Money charged) implements SelfChecking {

    /** Copies the lists (a null list is left for {@link #violations()} to name). */
    public CompletionReport {
        parts = parts == null ? null : List.copyOf(parts);
        checklist = checklist == null ? null : List.copyOf(checklist);
        documents = documents == null ? null : List.copyOf(documents);
    }

    /** A copy with these documents. */
    public CompletionReport withDocuments(List<DocumentRef> newDocuments) {
        return new CompletionReport(completedOn, workDone, parts, timeOnSite, checklist, newDocuments, signOff,
                charged);
    }

    /** The store limits of the texts inside the lists and the sign-off: 200 characters, no NUL, valid Unicode. */
    private void textsOf(List<Violation> out) {
        if (parts != null) {
            for (int i = 0; i < parts.size(); i++) {
                out.addAll(StoreLimits.text("parts[" + i + "].part", parts.get(i).part(), 200));
            }
        }
        if (checklist != null) {
            for (int i = 0; i < checklist.size(); i++) {
                out.addAll(StoreLimits.text("checklist[" + i + "].item", checklist.get(i).item(), 200));
            }
        }
        if (documents != null) {
            for (int i = 0; i < documents.size(); i++) {
                DocumentRef d = documents.get(i);
                out.addAll(StoreLimits.text("documents[" + i + "].fileName", d.fileName(), 200));
                out.addAll(StoreLimits.text("documents[" + i + "].storageKey", d.storageKey(), 500));
                out.addAll(StoreLimits.text("documents[" + i + "].mediaType", d.mediaType(), 200));
            }
        }
        if (signOff != null) {
            signOff.ifPresent(s -> out.addAll(StoreLimits.text("signOff.signedBy", s.signedBy(), 200)));
        }
    }

    @Override
    public List<Violation> violations() {
        Checks c = Checks.of();
        c.notNull("completedOn", completedOn);
        c.notBlank("workDone", workDone);
        c.notNull("parts", parts).maxSize("parts", parts, 100);
        c.notNull("timeOnSite", timeOnSite);
        c.notNull("checklist", checklist).maxSize("checklist", checklist, 100);
        c.notNull("documents", documents).maxSize("documents", documents, 100);
        c.notNull("signOff", signOff).notNull("charged", charged);
        List<Violation> out = new ArrayList<>(c.violations());
        out.addAll(StoreLimits.text("workDone", workDone, 2000));
        textsOf(out);
        if (timeOnSite != null && (timeOnSite.isNegative() || timeOnSite.isZero()
                || timeOnSite.compareTo(Duration.ofDays(1)) > 0)) {
            out.add(new Violation("timeOnSite", "range", "must be positive and at most 24 hours"));
        }
        if (charged != null && charged.amount().signum() < 0) {
            out.add(new Violation("charged", "min", "must not be negative"));
        }
        if (signOff != null && signOff.isPresent() && signOff.get().signedBy().isBlank()) {
            out.add(new Violation("signOff.signedBy", "not-blank", "must not be blank"));
        }
        return out;
    }
}
