package dev.crmkit.core.company;

/** Head-count bands, as CRMs and the EU SME definition use them. */
public enum CompanySize {
    /** Not known. */
    UNKNOWN,
    /** 1 to 9 people. */
    MICRO,
    /** 10 to 49 people. */
    SMALL,
    /** 50 to 249 people. */
    MEDIUM,
    /** 250 to 999 people. */
    LARGE,
    /** 1,000 people or more. */
    ENTERPRISE;

    /** The band of a head count. */
    public static CompanySize ofHeadCount(int people) {
        if (people < 1) {
            throw new IllegalArgumentException("head count must be at least 1: " + people);
        }
        return people < 10 ? MICRO : people < 50 ? SMALL : people < 250 ? MEDIUM : people < 1000 ? LARGE : ENTERPRISE;
    }
}
