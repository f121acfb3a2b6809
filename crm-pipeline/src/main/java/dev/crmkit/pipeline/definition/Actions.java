package dev.crmkit.pipeline.definition;

import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.ValidationException;

import java.time.Duration;
import java.util.Objects;

/** The built-in {@link EntryAction}s, each an immutable record with a stable name. */
public final class Actions {

    private Actions() {
    }

    /**
     * {@code create-owner-task}: a task for the deal's owner (the mover when it has none) due within some hours, as
     * in "answered the offer: call within 24 hours".
     */
    public static EntryAction ownerTask(String title, int withinHours) {
        return new OwnerTask(title, withinHours);
    }

    /** {@code set-probability}: overrides the deal's probability. */
    public static EntryAction setProbability(int percent) {
        return new SetProbability(percent);
    }

    /** {@code publish-event}: publishes a {@link StageSignal} with the topic. */
    public static EntryAction publish(String topic) {
        return new Publish(topic);
    }

    /** See {@link #ownerTask}. @param title the task's title @param withinHours hours until due, at least 1 */
    public record OwnerTask(String title, int withinHours) implements EntryAction {
        /** Validates the parts. */
        public OwnerTask {
            Objects.requireNonNull(title, "title");
            if (title.isBlank()) {
                throw ValidationException.of("title", "required", "a task needs a title");
            }
            if (withinHours < 1) {
                throw ValidationException.of("withinHours", "min",
                        "a task is due within at least 1 hour, got " + withinHours);
            }
        }

        @Override
        public String name() {
            return "create-owner-task";
        }

        @Override
        public String run(Entry entry, EntryEffects effects) {
            UserId assignee = entry.deal().owner().orElse(entry.actor().user());
            effects.createTask(title, entry.now().plus(Duration.ofHours(withinHours)), assignee);
            return "task '" + title + "' for " + assignee + " due within " + withinHours + " h";
        }
    }

    /** See {@link #setProbability}. @param percent 0 to 100 */
    public record SetProbability(int percent) implements EntryAction {
        /** Validates the range. */
        public SetProbability {
            if (percent < 0 || percent > 100) {
                throw ValidationException.of("percent", "range",
                        "a probability is 0 to 100, got " + percent);
            }
        }

        @Override
        public String name() {
            return "set-probability";
        }

        @Override
        public String run(Entry entry, EntryEffects effects) {
            effects.setProbability(percent);
            return "probability set to " + percent + " %";
        }
    }

    /** See {@link #publish}. @param topic the topic */
    public record Publish(String topic) implements EntryAction {
        /** Validates presence. */
        public Publish {
            Objects.requireNonNull(topic, "topic");
        }

        @Override
        public String name() {
            return "publish-event";
        }

        @Override
        public String run(Entry entry, EntryEffects effects) {
            effects.publish(new StageSignal(topic, entry.deal().dealId(), entry.stage().name(), entry.now()));
            return "published " + topic;
        }
    }
}
