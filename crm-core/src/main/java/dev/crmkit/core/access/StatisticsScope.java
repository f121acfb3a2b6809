package dev.crmkit.core.access;

import dev.crmkit.core.kernel.RecordType;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which records an actor's statistics count. An actor who holds {@link AdminPermission#STATISTICS} (or a system
 * process) sees statistics over everything; anyone else sees statistics over the records they may
 * {@link Permission#VIEW} only, per record type: the {@link AccessFilter} of {@link AccessPolicy#filter} for that type
 * and viewing, which a store's aggregate query applies (the JDBC store as a condition of the grouped SQL, the
 * in-memory walk record by record), so that a figure never counts a record the actor may not see. Deals are filtered
 * on their owner and shares exactly as leads are. The fields the actor's role hides are left out of every figure
 * ({@link #hidden}), with {@link AdminPermission#STATISTICS} too. Immutable and thread-safe.
 *
 * <pre>{@code
 * StatisticsScope scope = StatisticsScope.of(AccessPolicy.of(store.accessDirectory().organization()), actor);
 * FillReport report = JdbcTeamMetrics.of(store).fillRates(required, scope);
 * }</pre>
 */
public final class StatisticsScope {

    private final AccessDecision decision;
    private final Map<RecordType, AccessFilter> filters;
    private final Map<RecordType, java.util.Set<String>> hidden;

    private StatisticsScope(AccessDecision decision, Map<RecordType, AccessFilter> filters,
                            Map<RecordType, java.util.Set<String>> hidden) {
        this.decision = decision;
        this.filters = filters;
        this.hidden = hidden;
    }

    /** The scope of an actor under a policy: everything with {@link AdminPermission#STATISTICS}, else what they view. */
    public static StatisticsScope of(AccessPolicy policy, Actor actor) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(actor, "actor");
        AccessDecision statistics = policy.administer(actor, AdminPermission.STATISTICS);
        Map<RecordType, AccessFilter> filters = new EnumMap<>(RecordType.class);
        Map<RecordType, java.util.Set<String>> hidden = new EnumMap<>(RecordType.class);
        FieldRedaction fields = FieldRedaction.of(policy, actor);
        for (RecordType type : RecordType.values()) {
            filters.put(type, statistics.allowed() ? AccessFilter.all()
                    : policy.filter(actor, type, Permission.VIEW));
            hidden.put(type, java.util.Set.copyOf(fields.hidden(type)));
        }
        return new StatisticsScope(statistics, filters, hidden);
    }

    /** Statistics over everything, as system work (a host's own unscoped figures). */
    public static StatisticsScope everything(Actor system) {
        if (!(Objects.requireNonNull(system, "system") instanceof Actor.SystemProcess)) {
            throw new IllegalArgumentException("system: statistics over everything without a policy are for a "
                    + "system process, not " + system);
        }
        Map<RecordType, AccessFilter> filters = new EnumMap<>(RecordType.class);
        Map<RecordType, java.util.Set<String>> hidden = new EnumMap<>(RecordType.class);
        for (RecordType type : RecordType.values()) {
            filters.put(type, AccessFilter.all());
            hidden.put(type, java.util.Set.of());
        }
        return new StatisticsScope(new AccessDecision.Allowed(system, "administer " + AdminPermission.STATISTICS,
                List.of(new Grant(Grant.Rule.SYSTEM_ACTOR, system + " is a system process"))), filters, hidden);
    }

    /** Whether every record counts: the actor holds {@link AdminPermission#STATISTICS} or is a system process. */
    public boolean everything() {
        return decision.allowed();
    }

    /** The decision on {@link AdminPermission#STATISTICS}: why the figures cover everything, or why not. */
    public AccessDecision statistics() {
        return decision;
    }

    /** The filter of the records of a type that count. */
    public AccessFilter filter(RecordType type) {
        return filters.get(Objects.requireNonNull(type, "type"));
    }

    /**
     * The fields of a record type the actor's role hides, by name as {@link RecordFields} names them
     * ({@code amount}, {@code customFields.margin}; {@code customFields} for all custom values): a figure about such a
     * field (its fill rate, for one) is not made for the actor, whatever records count, for it would tell about
     * values the actor may not see ({@link AdminPermission#STATISTICS} widens the records, not the fields). A
     * figure grouped by a hidden {@code owner} is not grouped by it. None for a system process.
     */
    public java.util.Set<String> hidden(RecordType type) {
        return hidden.get(Objects.requireNonNull(type, "type"));
    }

    /**
     * Whether a figure about a field of a record type may be made for the actor: false when their role hides the
     * field, or, for a custom field ({@code customFields.KEY}), all custom values of the type.
     */
    public boolean shows(RecordType type, String field) {
        Objects.requireNonNull(field, "field");
        java.util.Set<String> off = hidden(type);
        return !off.contains(field) && !(field.startsWith(RecordFields.CUSTOM + ".")
                && off.contains(RecordFields.CUSTOM));
    }

    @Override
    public String toString() {
        return everything() ? "statistics over everything (" + decision.explain() + ")"
                : "statistics over what " + decision.actor() + " may view";
    }
}
