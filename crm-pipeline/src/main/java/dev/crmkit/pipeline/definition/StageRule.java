package dev.crmkit.pipeline.definition;

import dev.crmkit.core.kernel.Violation;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A rule a deal must pass to enter a stage: it decides one thing and, when it refuses, says why under its own name.
 * Embedders add their own as plain Java objects; the built-in ones come from {@link Rules}. Implementations must be
 * immutable and thread-safe.
 */
public interface StageRule {

    /** The rule's stable name, for example {@code required-fields}. */
    String name();

    /** Empty when the move may happen, else why not. */
    Optional<Refusal> check(Transition transition);

    /**
     * Checks the rule against the definition it is part of, for whole-definition validation: a rule naming a field
     * reports it when the field does not exist. None by default.
     *
     * @param pipeline        the definition
     * @param customFieldKeys the keys of the deal custom fields, when known; empty when not
     * @param field           where the rule sits, for the violation's field name
     */
    default List<Violation> validate(PipelineDefinition pipeline, Set<String> customFieldKeys, String field) {
        return List.of();
    }
}
