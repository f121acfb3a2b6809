package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.access.AccessFilter;
import dev.crmkit.core.access.ShareLevel;
import dev.crmkit.core.access.TeamId;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Turns an {@link AccessFilter} into a WHERE fragment with bind parameters, for a query over one table of records that
 * has an id column and an owner column: {@code (owner IN (?, ...) OR EXISTS (SELECT 1 FROM access_share ...))}, or
 * {@code 1 = 1} / {@code 1 = 0} when everything / nothing passes. The owner part is served by the table's owner
 * index, the share part by the primary key of {@code access_share} (record type, record id, grantee). Column names
 * come from code and are checked to be plain identifiers; values are only ever parameters. The same SQL text runs
 * on every dialect. Thread-safe.
 */
final class AccessSql {

    /**
     * A piece of SQL and the values of its {@code ?} parameters, in order.
     *
     * @param sql    the fragment, to be put after {@code WHERE} or {@code AND}
     * @param params its parameters
     */
    record Fragment(String sql, List<Object> params) {
        Fragment {
            Objects.requireNonNull(sql, "sql");
            params = List.copyOf(params);
        }
    }

    private final Tables tables;

    AccessSql(Tables tables) {
        this.tables = Objects.requireNonNull(tables, "tables");
    }

    /**
     * The fragment for a filter over a table of records of one type.
     *
     * @param idColumn    the column holding the record's id, possibly qualified ({@code c.id})
     * @param ownerColumn the column holding the owner's user id, possibly qualified
     */
    Fragment where(AccessFilter filter, RecordType type, String idColumn, String ownerColumn) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(type, "type");
        SqlIdentifier.table("idColumn", idColumn);
        SqlIdentifier.table("ownerColumn", ownerColumn);
        if (filter.everything()) {
            return new Fragment("1 = 1", List.of());
        }
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (!filter.owners().isEmpty()) {
            List<String> owners = filter.owners().stream().map(UserId::value).sorted().toList();
            parts.add(ownerColumn + " IN (" + marks(owners.size()) + ")");
            params.addAll(owners);
        }
        boolean shares = !filter.shareLevels().isEmpty()
                && (filter.shareUser().isPresent() || !filter.shareTeams().isEmpty());
        if (shares) {
            StringBuilder sql = new StringBuilder("EXISTS (SELECT 1 FROM ").append(tables.name("access_share"))
                    .append(" s WHERE s.record_type = ? AND s.record_id = ").append(idColumn)
                    .append(" AND s.share_level IN (").append(marks(filter.shareLevels().size())).append(") AND (");
            params.add(type.name());
            filter.shareLevels().stream().map(ShareLevel::name).sorted().forEach(params::add);
            List<String> grantees = new ArrayList<>();
            filter.shareUser().ifPresent(u -> {
                grantees.add("(s.grantee_kind = 'U' AND s.grantee_id = ?)");
                params.add(u.value());
            });
            if (!filter.shareTeams().isEmpty()) {
                List<String> teams = filter.shareTeams().stream().map(TeamId::value).sorted().toList();
                grantees.add("(s.grantee_kind = 'T' AND s.grantee_id IN (" + marks(teams.size()) + "))");
                params.addAll(teams);
            }
            sql.append(String.join(" OR ", grantees)).append("))");
            parts.add(sql.toString());
        }
        if (parts.isEmpty()) {
            return new Fragment("1 = 0", List.of());
        }
        return new Fragment("(" + String.join(" OR ", parts) + ")", params);
    }

    /**
     * The fragment for a filter over a table of records that have no owner (companies): only the share part and
     * "everything" can pass such a record.
     */
    Fragment whereUnowned(AccessFilter filter, RecordType type, String idColumn) {
        Objects.requireNonNull(filter, "filter");
        return where(new AccessFilter(filter.everything(), java.util.Set.of(), filter.shareUser(),
                filter.shareTeams(), filter.shareLevels()), type, idColumn, idColumn);
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
