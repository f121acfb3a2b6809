package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.access.Actor;
import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.contact.MarketingConsent;
import dev.crmkit.core.privacy.ConsentChange;
import dev.crmkit.core.privacy.ConsentChannel;
import dev.crmkit.core.privacy.ConsentHistory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The consent history in {@code consent_change} (migration V58): an insert per entry in the running transaction,
 * read per contact by time, then in append order ({@code seq}). Thread-safe.
 */
final class JdbcConsentHistory implements ConsentHistory {

    private final Jdbc jdbc;

    JdbcConsentHistory(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void append(ConsentChange change) {
        Objects.requireNonNull(change, "change");
        jdbc.tx.write(c -> insert(c, change));
    }

    private int insert(java.sql.Connection c, ConsentChange change) throws SQLException {
        return jdbc.update(c, jdbc.sql("INSERT INTO {consent_change} (id, contact_id, channel, status, "
                + "source, recorded_at, actor) VALUES (?, ?, ?, ?, ?, ?, ?)"), change.id(), change.contact().value(),
                change.channel().name(), change.status().name(), change.source(), change.at(),
                change.actor().toString());
    }

    /**
     * The archive of the entries, keyed by id: export and restore only. A restored entry is appended as it was; the
     * history lists by time, so its order survives a restore (entries with equal times list in restore order).
     */
    dev.crmkit.kit.archive.Archive<ConsentChange> archive() {
        return new JdbcArchive<>(jdbc, "consent change", "consent_change", "id", this::row, e -> e.id().toString(),
                (c, e) -> insert(c, e));
    }

    @Override
    public List<ConsentChange> of(Collection<ContactId> contacts) {
        List<UUID> ids = contacts.stream().map(ContactId::value).distinct().toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.tx.read(c -> jdbc.list(c, jdbc.sql("SELECT * FROM {consent_change} WHERE contact_id IN ("
                + String.join(", ", Collections.nCopies(ids.size(), "?")) + ") ORDER BY recorded_at, seq"), this::row,
                ids.toArray()));
    }

    /** One entry of a row. */
    ConsentChange row(ResultSet rs) throws SQLException {
        return new ConsentChange(jdbc.dialect.getUuid(rs, "id"), new ContactId(jdbc.dialect.getUuid(rs, "contact_id")),
                ConsentChannel.valueOf(rs.getString("channel")),
                MarketingConsent.Status.valueOf(rs.getString("status")), rs.getString("source"),
                jdbc.dialect.getInstant(rs, "recorded_at"), Actor.parse(rs.getString("actor")));
    }
}
