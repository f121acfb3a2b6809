package dev.crmkit.campaigns.abtest;

import dev.crmkit.core.kernel.ValidationException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An A/B test: weighted variants, each contact assigned to one by the SHA-256 of the test's id and the contact's id.
 * The assignment is a function of those two ids alone, so a contact keeps its variant across runs and nodes and the
 * split follows the weights however the sends are batched (mautic#14774). Immutable and thread-safe.
 */
public final class AbTest {

    private final String id;
    private final List<Variant> variants;
    private final long totalWeight;

    private AbTest(String id, List<Variant> variants) {
        this.id = id;
        this.variants = variants;
        this.totalWeight = variants.stream().mapToLong(Variant::weight).sum();
    }

    /**
     * A test of at least two variants with different names.
     *
     * @throws ValidationException naming {@code id} or {@code variants}
     */
    public static AbTest of(String id, List<Variant> variants) {
        if (Objects.requireNonNull(id, "id").isBlank()) {
            throw ValidationException.of("id", "required", "an A/B test needs an id");
        }
        List<Variant> copy = List.copyOf(Objects.requireNonNull(variants, "variants"));
        if (copy.size() < 2) {
            throw ValidationException.of("variants", "two-or-more", "an A/B test needs at least two variants, had "
                    + copy.size());
        }
        Set<String> names = new HashSet<>();
        for (Variant v : copy) {
            if (!names.add(v.name())) {
                throw ValidationException.of("variants", "distinct-names", "two variants are named " + v.name());
            }
        }
        return new AbTest(id, copy);
    }

    /** The test's id. */
    public String id() {
        return id;
    }

    /** The variants, in the order given. */
    public List<Variant> variants() {
        return variants;
    }

    /** The variant of a contact: the same for the same contact and test, on any node, in any batch. */
    public Variant assign(String contactId) {
        long bucket = Long.remainderUnsigned(hash(id + "\u0000" + Objects.requireNonNull(contactId, "contactId")),
                totalWeight);
        for (Variant v : variants) {
            bucket -= v.weight();
            if (bucket < 0) {
                return v;
            }
        }
        throw new IllegalStateException("bucket beyond the total weight " + totalWeight);
    }

    private static long hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Equal when the ids and the variants (names, weights, order) are. */
    @Override
    public boolean equals(Object o) {
        return o instanceof AbTest other && id.equals(other.id) && variants.equals(other.variants);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, variants);
    }

    @Override
    public String toString() {
        return "AbTest[" + id + ", " + variants + "]";
    }
}
