package dev.crmkit.pipeline.deal;

import dev.crmkit.pipeline.definition.Refusal;

import java.util.List;
import java.util.Objects;

/** The outcome of moving a deal: changed (with the actions that ran) or rejected with every reason at once. */
public sealed interface StageChange {

    /**
     * The deal moved.
     *
     * @param deal       the deal in its new stage (as stored, once the use case returns it)
     * @param entry      the stage history entry of the move
     * @param actionsRun what each entry action did, in order
     */
    record StageChanged(Deal deal, StageHistoryEntry entry, List<String> actionsRun) implements StageChange {
        /** Copies the list. */
        public StageChanged {
            Objects.requireNonNull(deal, "deal");
            Objects.requireNonNull(entry, "entry");
            actionsRun = List.copyOf(actionsRun);
        }
    }

    /**
     * The move was refused; nothing changed.
     *
     * @param dealId  the deal
     * @param from    the stage it is in
     * @param to      the stage asked for
     * @param reasons every reason, each naming its rule; never empty
     */
    record StageChangeRejected(DealId dealId, String from, String to, List<Refusal> reasons) implements StageChange {
        /** Copies the list and requires a reason. */
        public StageChangeRejected {
            Objects.requireNonNull(dealId, "dealId");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            reasons = List.copyOf(reasons);
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("a rejected move has at least one reason");
            }
        }

        /** Whether one of the reasons comes from the rule with this name. */
        public boolean refusedBy(String rule) {
            return reasons.stream().anyMatch(r -> r.rule().equals(rule));
        }
    }
}
