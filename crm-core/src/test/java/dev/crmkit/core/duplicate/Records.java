package dev.crmkit.core.duplicate;

/** Small helpers to build records and compare them in the comparator tests. */
final class Records {

    private Records() {
    }

    static DuplicateRecord.Builder person(String id, String first, String last) {
        return DuplicateRecord.builder(id).name(first, last);
    }

    static Prepared prepared(DuplicateRecord.Builder builder) {
        return Prepared.of(builder.build(), "ZZ");
    }
}
