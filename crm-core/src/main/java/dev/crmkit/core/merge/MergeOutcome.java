package dev.crmkit.core.merge;

import dev.crmkit.core.contact.Contact;
import dev.crmkit.core.kernel.Violation;

import java.util.List;
import java.util.Objects;

/** What a merge of contacts came to: merged, or refused with every reason. */
public sealed interface MergeOutcome {

    /**
     * The contacts were merged.
     *
     * @param merge    the merge record
     * @param survivor the survivor as stored after the merge
     */
    record Merged(ContactMerge merge, Contact survivor) implements MergeOutcome {
        /** Validates presence. */
        public Merged {
            Objects.requireNonNull(merge, "merge");
            Objects.requireNonNull(survivor, "survivor");
        }
    }

    /**
     * Nothing was merged, for these reasons.
     *
     * @param reasons at least one
     */
    record Refused(List<Violation> reasons) implements MergeOutcome {
        /** Copies the reasons. */
        public Refused {
            reasons = List.copyOf(reasons);
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("a refusal has at least one reason");
            }
        }
    }
}
