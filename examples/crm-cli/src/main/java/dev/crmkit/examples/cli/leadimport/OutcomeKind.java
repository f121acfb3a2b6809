package dev.crmkit.examples.cli.leadimport;

import dev.crmkit.core.capture.CaptureOutcome;

import java.util.Locale;

/** The kinds of {@link CaptureOutcome}, for counting and reporting. */
public enum OutcomeKind {
    /** {@link CaptureOutcome.NewLeadNewContact}. */
    NEW_LEAD_NEW_CONTACT("new lead, new contact"),
    /** {@link CaptureOutcome.NewLeadExistingContact}. */
    NEW_LEAD_EXISTING_CONTACT("new lead, known contact"),
    /** {@link CaptureOutcome.DuplicateFolded}. */
    DUPLICATE_FOLDED("duplicate folded"),
    /** {@link CaptureOutcome.AlreadyCaptured}. */
    ALREADY_CAPTURED("already captured"),
    /** {@link CaptureOutcome.Rejected}. */
    REJECTED("rejected");

    private final String label;

    OutcomeKind(String label) {
        this.label = label;
    }

    /** The kind of an outcome. */
    public static OutcomeKind of(CaptureOutcome outcome) {
        if (outcome instanceof CaptureOutcome.NewLeadNewContact) {
            return NEW_LEAD_NEW_CONTACT;
        }
        if (outcome instanceof CaptureOutcome.NewLeadExistingContact) {
            return NEW_LEAD_EXISTING_CONTACT;
        }
        if (outcome instanceof CaptureOutcome.DuplicateFolded) {
            return DUPLICATE_FOLDED;
        }
        if (outcome instanceof CaptureOutcome.AlreadyCaptured) {
            return ALREADY_CAPTURED;
        }
        return REJECTED;
    }

    /** How people read it: {@code duplicate folded}. */
    public String label() {
        return label;
    }

    /** The name in lower camel case, for JSON: {@code duplicateFolded}. */
    public String jsonName() {
        StringBuilder out = new StringBuilder();
        for (String part : name().toLowerCase(Locale.ROOT).split("_")) {
            out.append(out.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return out.toString();
    }
}
