package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.contact.ContactId;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.task.TaskId;
import dev.crmkit.service.commitment.Commitment;
import dev.crmkit.service.commitment.CommitmentId;
import dev.crmkit.service.commitment.Commitments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Recorded commitments in a relational database, one row each with a version for optimistic locking and an
 * {@code is_open} flag, indexed with the due day, for the ones still to hand over. Lists are by due day. Thread-safe.
 */
final class JdbcCommitments implements Commitments {

    private final Jdbc jdbc;
    private final ServiceRowSql sql;
    private final String ofCustomer;
    private final String openDueBy;

    JdbcCommitments(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.sql = new ServiceRowSql(jdbc, "service_commitment", "commitment", List.of("customer_id", "promise",
                "due", "recorded_by", "recorded_at", "task_id", "is_open"), Set.of());
        this.ofCustomer = jdbc.sql("SELECT * FROM {service_commitment} WHERE customer_id = ? ORDER BY due, seq");
        this.openDueBy = jdbc.sql("SELECT * FROM {service_commitment} WHERE is_open = ? AND due <= ? "
                + "ORDER BY due, seq");
    }

    @Override
    public Commitment insert(Commitment commitment) {
        Objects.requireNonNull(commitment, "commitment");
        return jdbc.tx.write(c -> {
            sql.insert(c, commitment.id(), commitment.version(), values(commitment, true));
            return commitment.atVersion(1);
        });
    }

    @Override
    public Commitment update(Commitment commitment) {
        Objects.requireNonNull(commitment, "commitment");
        return jdbc.tx.write(c -> {
            sql.update(c, commitment.id(), commitment.id().value(), commitment.version(),
                    values(commitment, false));
            return commitment.atVersion(commitment.version() + 1);
        });
    }

    @Override
    public Optional<Commitment> findById(CommitmentId id) {
        Objects.requireNonNull(id, "id");
        return jdbc.tx.read(c -> jdbc.one(c, sql.selectById, this::map, id.value()));
    }

    @Override
    public List<Commitment> ofCustomer(ContactId customer) {
        Objects.requireNonNull(customer, "customer");
        return jdbc.tx.read(c -> jdbc.list(c, ofCustomer, this::map, customer.value()));
    }

    @Override
    public List<Commitment> openDueBy(LocalDate day) {
        Objects.requireNonNull(day, "day");
        return jdbc.tx.read(c -> jdbc.list(c, openDueBy, this::map, Boolean.TRUE, day));
    }

    private Object[] values(Commitment x, boolean insert) {
        List<Object> v = new ArrayList<>(10);
        if (insert) {
            v.add(x.id().value());
        }
        v.add(x.customer().value());
        v.add(x.promise());
        v.add(x.due());
        v.add(x.recordedBy().value());
        v.add(x.recordedAt());
        v.add(x.task().map(t -> (Object) t.value()).orElse(Jdbc.Null.UUID));
        v.add(x.open());
        if (!insert) {
            v.add(x.id().value());
            v.add(x.version());
        }
        return v.toArray();
    }

    private Commitment map(ResultSet rs) throws SQLException {
        Dialect d = jdbc.dialect;
        return new Commitment(new CommitmentId(d.getUuid(rs, "id")), rs.getLong("version"),
                new ContactId(d.getUuid(rs, "customer_id")), rs.getString("promise"),
                rs.getObject("due", LocalDate.class), new UserId(rs.getString("recorded_by")),
                d.getInstant(rs, "recorded_at"), Optional.ofNullable(d.getUuid(rs, "task_id")).map(TaskId::new));
    }

    /** The archive of the rows, keyed by id, restored at their versions: export and restore only. */
    JdbcArchive<Commitment> archive() {
        return JdbcArchive.versioned(jdbc, "service_commitment", this::map, Commitment::id, Commitment::version,
                r -> insert(r.atVersion(0)));
    }
}
