package dev.crmkit.adapters.memory;

import dev.crmkit.core.access.AccessFilter;
import dev.crmkit.core.access.Grantee;
import dev.crmkit.core.access.Share;
import dev.crmkit.core.access.Shares;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.kit.archive.ShareKey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Shares in memory, indexed by record, undone with the unit of work that wrote them. Thread-safe. */
final class InMemoryShares implements Shares {

    /** Users first, then teams, each by id: the order {@link Shares#of} promises. */
    static final Comparator<Share> ORDER = Comparator.comparing((Share s) -> s.grantee() instanceof Grantee.ToTeam)
            .thenComparing(s -> s.grantee() instanceof Grantee.ToUser u ? u.user().value()
                    : ((Grantee.ToTeam) s.grantee()).team().value());

    private final InMemoryTransactions tx;
    private final Map<RecordRef, Map<Grantee, Share>> byRecord = new HashMap<>();

    InMemoryShares(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void grant(Share share) {
        Objects.requireNonNull(share, "share");
        tx.run(() -> {
            Share before = byRecord.computeIfAbsent(share.record(), r -> new LinkedHashMap<>())
                    .put(share.grantee(), share);
            tx.onRollback(() -> restore(share.record(), share.grantee(), before));
        });
    }

    @Override
    public boolean revoke(RecordRef record, Grantee grantee) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(grantee, "grantee");
        return tx.inTransaction(() -> {
            Map<Grantee, Share> shares = byRecord.get(record);
            Share before = shares == null ? null : shares.remove(grantee);
            if (before == null) {
                return false;
            }
            tx.onRollback(() -> restore(record, grantee, before));
            return true;
        });
    }

    @Override
    public List<Share> of(RecordRef record) {
        Objects.requireNonNull(record, "record");
        return tx.read(() -> {
            List<Share> out = new ArrayList<>(byRecord.getOrDefault(record, Map.of()).values());
            out.sort(ORDER);
            return List.copyOf(out);
        });
    }

    /** The archive of the shares, keyed by {@link ShareKey}: export and restore only. */
    MemoryArchive<Share> archive() {
        return new MemoryArchive<>(tx, "share", (after, limit) -> KeyOrder.after(byRecord.values().stream()
                .flatMap(m -> m.values().stream()).toList(), ShareKey::of, after, limit), ShareKey::of, k -> {
                    String[] p = ShareKey.parts(k);
                    Grantee grantee = p[2].equals("U") ? Grantee.user(p[3]) : Grantee.team(p[3]);
                    return byRecord.getOrDefault(new RecordRef(RecordType.valueOf(p[0]), UUID.fromString(p[1])),
                            Map.of()).containsKey(grantee);
                }, this::grant);
    }

    /**
     * Whether a record passes an access filter, by its owner and the shares stored now; for a caller that already
     * reads under the store's lock, such as a list walking its index.
     */
    boolean passes(AccessFilter filter, RecordRef record, Optional<UserId> owner) {
        if (filter.everything()) {
            return true;
        }
        return filter.allows(owner, byRecord.getOrDefault(record, Map.of()).values());
    }

    private void restore(RecordRef record, Grantee grantee, Share before) {
        Map<Grantee, Share> shares = byRecord.computeIfAbsent(record, r -> new LinkedHashMap<>());
        if (before == null) {
            shares.remove(grantee);
        } else {
            shares.put(grantee, before);
        }
    }
}
