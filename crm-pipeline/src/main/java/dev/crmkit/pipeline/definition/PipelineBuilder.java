package dev.crmkit.pipeline.definition;

import dev.crmkit.core.kernel.ValidationException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Builds a {@link PipelineDefinition} fluently:
 *
 * <pre>{@code
 * PipelineDefinition sales = PipelineDefinition.builder("Sales")
 *         .stage("New", s -> s.probability(10).rottingDays(14))
 *         .stage("Proposal sent", s -> s.probability(50).category(ForecastCategory.BEST_CASE)
 *                 .rule(Rules.amountPositive()).action(Actions.ownerTask("Call about the offer", 24)))
 *         .won("Won")
 *         .lost("Lost")
 *         .requireLostReason("price", "timing")
 *         .build();
 * }</pre>
 *
 * Not thread-safe.
 */
public final class PipelineBuilder {

    private final String name;
    private final List<Stage> stages = new ArrayList<>();
    private boolean skipping = true;
    private boolean backwards = true;
    private boolean reopen = true;
    private boolean lostReasonRequired;
    private List<String> lostReasons = List.of();

    PipelineBuilder(String name) {
        this.name = Objects.requireNonNull(name, "name").strip();
    }

    /** Adds an open stage, configured by the consumer (defaults: probability 0, category pipeline, no rotting). */
    public PipelineBuilder stage(String stageName, Consumer<StageBuilder> configure) {
        return add(stageName, StageKind.OPEN, 0, ForecastCategory.PIPELINE, configure);
    }

    /** Adds an open stage with defaults. */
    public PipelineBuilder stage(String stageName) {
        return stage(stageName, s -> { });
    }

    /** Adds a won stage: probability 100, category closed. */
    public PipelineBuilder won(String stageName, Consumer<StageBuilder> configure) {
        return add(stageName, StageKind.WON, 100, ForecastCategory.CLOSED, configure);
    }

    /** Adds a won stage with defaults. */
    public PipelineBuilder won(String stageName) {
        return won(stageName, s -> { });
    }

    /** Adds a lost stage: probability 0, category omitted. */
    public PipelineBuilder lost(String stageName, Consumer<StageBuilder> configure) {
        return add(stageName, StageKind.LOST, 0, ForecastCategory.OMITTED, configure);
    }

    /** Adds a lost stage with defaults. */
    public PipelineBuilder lost(String stageName) {
        return lost(stageName, s -> { });
    }

    /** Adds a stage built elsewhere. */
    public PipelineBuilder stage(Stage stage) {
        stages.add(Objects.requireNonNull(stage, "stage"));
        return this;
    }

    private PipelineBuilder add(String stageName, StageKind kind, int probability, ForecastCategory category,
                                Consumer<StageBuilder> configure) {
        StageBuilder b = new StageBuilder(Objects.requireNonNull(stageName, "stageName").strip(), kind, probability,
                category);
        configure.accept(b);
        stages.add(b.build());
        return this;
    }

    /** Whether deals may jump over open stages; default yes. */
    public PipelineBuilder skippingAllowed(boolean value) {
        skipping = value;
        return this;
    }

    /** Whether deals may move to earlier stages; default yes. */
    public PipelineBuilder backwardsAllowed(boolean value) {
        backwards = value;
        return this;
    }

    /** Whether closed deals may be reopened; default yes. */
    public PipelineBuilder reopenAllowed(boolean value) {
        reopen = value;
        return this;
    }

    /** Requires one of these reasons when a deal is lost. */
    public PipelineBuilder requireLostReason(String... reasons) {
        lostReasonRequired = true;
        lostReasons = Arrays.stream(reasons).map(String::strip).toList();
        return this;
    }

    /**
     * The definition, validated as a whole without custom fields (rules may name standard fields only).
     *
     * @throws ValidationException listing every problem
     */
    public PipelineDefinition build() {
        return build(Set.of());
    }

    /**
     * The definition, validated as a whole; rules may name the given deal custom fields.
     *
     * @throws ValidationException listing every problem
     */
    public PipelineDefinition build(Set<String> customFieldKeys) {
        return new PipelineDefinition(name, stages, skipping, backwards, reopen, lostReasonRequired, lostReasons)
                .checked(customFieldKeys);
    }

    /** Configures one stage. Not thread-safe. */
    public static final class StageBuilder {
        private final String name;
        private final StageKind kind;
        private int probability;
        private ForecastCategory category;
        private int rottingDays;
        private final List<StageRule> rules = new ArrayList<>();
        private final List<EntryAction> actions = new ArrayList<>();

        private StageBuilder(String name, StageKind kind, int probability, ForecastCategory category) {
            this.name = name;
            this.kind = kind;
            this.probability = probability;
            this.category = category;
        }

        /** The win probability in percent. */
        public StageBuilder probability(int value) {
            probability = value;
            return this;
        }

        /** The forecast category. */
        public StageBuilder category(ForecastCategory value) {
            category = Objects.requireNonNull(value, "category");
            return this;
        }

        /** Days without activity after which a deal here rots; 0 is off. */
        public StageBuilder rottingDays(int value) {
            rottingDays = value;
            return this;
        }

        /** Adds entry rules. */
        public StageBuilder rule(StageRule... values) {
            Arrays.stream(values).forEach(r -> rules.add(Objects.requireNonNull(r, "rule")));
            return this;
        }

        /** Adds entry actions. */
        public StageBuilder action(EntryAction... values) {
            Arrays.stream(values).forEach(a -> actions.add(Objects.requireNonNull(a, "action")));
            return this;
        }

        private Stage build() {
            return new Stage(name, kind, probability, category, rottingDays, rules, actions);
        }
    }
}
