package dev.crmkit.pipeline.definition;

import dev.crmkit.core.kernel.BadValue;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.kernel.Violation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a pipeline is: its ordered stages and the policies that apply to every move (skipping, moving backwards,
 * reopening closed deals, lost reasons). Built with {@link #builder(String)}, which validates the whole definition
 * and lists every problem. Immutable and thread-safe.
 *
 * @param name               the name, unique among a store's pipelines
 * @param stages             the stages, in order
 * @param skippingAllowed    whether a deal may jump over open stages
 * @param backwardsAllowed   whether a deal may move to an earlier stage
 * @param reopenAllowed      whether a closed (won or lost) deal may move back to an open stage
 * @param lostReasonRequired whether losing a deal needs one of {@code lostReasons}
 * @param lostReasons        the reasons a business accepts for losing a deal
 */
public record PipelineDefinition(String name, List<Stage> stages, boolean skippingAllowed, boolean backwardsAllowed,
                                 boolean reopenAllowed, boolean lostReasonRequired, List<String> lostReasons) {

    /** The fewest stages a pipeline has. */
    public static final int MIN_STAGES = 2;

    /** The most stages a pipeline has. */
    public static final int MAX_STAGES = 30;
    /**
     * The longest name of a pipeline, a stage or a lost reason: what every store keeps (a deal's stage column holds
     * 400 characters; the same limit for all names keeps one rule).
     */
    public static final int MAX_NAME_LENGTH = 200;

    /** Copies the lists; use {@link #validate(Set)} or the builder for the full checks. */
    public PipelineDefinition {
        Objects.requireNonNull(name, "name");
        stages = List.copyOf(stages);
        lostReasons = List.copyOf(lostReasons);
    }

    /** Starts a definition with a name. */
    public static PipelineBuilder builder(String name) {
        return new PipelineBuilder(name);
    }

    /** The stage with this name (ignoring case). */
    public Optional<Stage> stage(String stageName) {
        int i = indexOf(stageName);
        return i < 0 ? Optional.empty() : Optional.of(stages.get(i));
    }

    /** The position of the stage with this name (ignoring case), or -1. */
    public int indexOf(String stageName) {
        Objects.requireNonNull(stageName, "stageName");
        // a move looks up the names the stages hold (the deal's stage, the entered one): equal names first, without
        // the case-insensitive comparison; stage names are unique by key, so no other stage could match as well
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).name().equals(stageName)) {
                return i;
            }
        }
        for (int i = 0; i < stages.size(); i++) {
            if (sameKey(stages.get(i).name(), stageName)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether two stage names have the same {@link #key}, without building the keys in the usual case: equal names
     * do, and ASCII names are compared in place (stripped of ASCII whitespace, ignoring ASCII case); any other name
     * is compared by its key. A deal move looks stages up several times, so this runs on every move.
     */
    static boolean sameKey(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        if (!isAscii(a) || !isAscii(b)) {
            return key(a).equals(key(b));
        }
        int aFrom = firstNonBlank(a);
        int bFrom = firstNonBlank(b);
        int length = lastNonBlank(a, aFrom) - aFrom;
        return length == lastNonBlank(b, bFrom) - bFrom && a.regionMatches(true, aFrom, b, bFrom, length);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The position of the first character {@link String#strip} keeps (ASCII text). */
    private static int firstNonBlank(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The position after the last character {@link String#strip} keeps, at least {@code from} (ASCII text). */
    private static int lastNonBlank(String s, int from) {
        int end = s.length();
        while (end > from && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /** The first open stage, where new deals start. */
    public Stage firstOpenStage() {
        return stages.stream().filter(s -> !s.isClosed()).findFirst().orElse(stages.get(0));
    }

    /**
     * Every rule a deal must pass to enter the stage: the pipeline's own policies that are switched on (no skipping,
     * no moving backwards, no reopening, a lost reason), then the stage's rules. Unmodifiable.
     */
    public List<StageRule> rulesInto(Stage target) {
        if (skippingAllowed && backwardsAllowed && reopenAllowed
                && !(lostReasonRequired && target.kind() == StageKind.LOST)) {
            return target.rules(); // no policy applies: the stage's own list (immutable), not a copy per move
        }
        List<StageRule> out = new ArrayList<>();
        if (!skippingAllowed) {
            out.add(Rules.noSkipping());
        }
        if (!backwardsAllowed) {
            out.add(Rules.noMovingBackwards());
        }
        if (!reopenAllowed) {
            out.add(Rules.noReopening());
        }
        if (lostReasonRequired && target.kind() == StageKind.LOST) {
            out.add(Rules.lostReasonFrom(lostReasons));
        }
        out.addAll(target.rules());
        return Collections.unmodifiableList(out);
    }

    /**
     * Every problem of the definition: name, 2 to 30 stages, names of at most {@value #MAX_NAME_LENGTH} characters,
     * unique stage names, at least one won and one lost stage,
     * probabilities 0 to 100, rotting thresholds not negative, lost reasons when required, and rules that name fields
     * which exist.
     *
     * @param customFieldKeys the keys of the deal custom fields; rules may name {@code customFields.<key>} for these
     */
    public List<Violation> validate(Set<String> customFieldKeys) {
        List<Violation> out = new ArrayList<>();
        if (name.isBlank()) {
            out.add(new Violation("name", "required", "a pipeline needs a name"));
        }
        tooLong(name, "name", out);
        if (stages.size() < MIN_STAGES || stages.size() > MAX_STAGES) {
            out.add(new Violation("stages", "size", "a pipeline has " + MIN_STAGES + " to " + MAX_STAGES
                    + " stages, got " + stages.size()));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < stages.size(); i++) {
            Stage s = stages.get(i);
            String field = "stages[" + i + "]";
            tooLong(s.name(), field + ".name", out);
            if (s.name().isBlank()) {
                out.add(new Violation(field + ".name", "required", "a stage needs a name"));
            } else if (!seen.add(key(s.name()))) {
                out.add(new Violation(field + ".name", "unique", "stage name " + BadValue.quote(s.name())
                        + " is used twice"));
            }
            if (s.probability() < 0 || s.probability() > 100) {
                out.add(new Violation(field + ".probability", "range",
                        "a probability is 0 to 100, got " + s.probability()));
            }
            if (s.rottingDays() < 0) {
                out.add(new Violation(field + ".rottingDays", "min",
                        "a rotting threshold is 0 (off) or more days, got " + s.rottingDays()));
            }
            for (int r = 0; r < s.rules().size(); r++) {
                out.addAll(s.rules().get(r).validate(this, customFieldKeys, field + ".rules[" + r + "]"));
            }
        }
        if (stages.stream().noneMatch(s -> s.kind() == StageKind.WON)) {
            out.add(new Violation("stages", "won-stage", "a pipeline needs at least one won stage"));
        }
        if (stages.stream().noneMatch(s -> s.kind() == StageKind.LOST)) {
            out.add(new Violation("stages", "lost-stage", "a pipeline needs at least one lost stage"));
        }
        if (lostReasonRequired && lostReasons.isEmpty()) {
            out.add(new Violation("lostReasons", "required", "a required lost reason needs a list to choose from"));
        }
        for (int i = 0; i < lostReasons.size(); i++) {
            tooLong(lostReasons.get(i), "lostReasons[" + i + "]", out);
        }
        if (lostReasons.stream().anyMatch(String::isBlank)) {
            out.add(new Violation("lostReasons", "not-blank", "a lost reason must not be blank"));
        }
        return out;
    }

    /**
     * Throws when {@link #validate(Set)} finds anything.
     *
     * @throws ValidationException listing every problem
     */
    public PipelineDefinition checked(Set<String> customFieldKeys) {
        ValidationException.throwIfAny(validate(customFieldKeys));
        return this;
    }

    private static void tooLong(String text, String field, List<Violation> out) {
        if (text.length() > MAX_NAME_LENGTH) {
            out.add(new Violation(field, "max-length", "is at most " + MAX_NAME_LENGTH + " characters, got "
                    + text.length()));
        }
    }

    static String key(String stageName) {
        return stageName.strip().toLowerCase(Locale.ROOT);
    }
}
