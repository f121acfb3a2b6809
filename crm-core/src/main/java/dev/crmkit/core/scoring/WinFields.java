package dev.crmkit.core.scoring;

import java.util.Set;

/** The names of the fields crmkit's win model reads; an embedder may use others as well. */
public final class WinFields {

    /** The lead's status or the deal's pipeline stage. */
    public static final String STAGE = "stage";
    /** The channel or source. */
    public static final String SOURCE = "source";
    /** The country. */
    public static final String COUNTRY = "country";
    /** The region within the country. */
    public static final String REGION = "region";
    /** Whether the e-mail address is valid: {@code yes} or {@code no}. */
    public static final String EMAIL_VALID = "email-valid";
    /** Whether the phone number is valid: {@code yes} or {@code no}. */
    public static final String PHONE_VALID = "phone-valid";
    /** The language. */
    public static final String LANGUAGE = "language";
    /** The tags: the one multi-valued field. */
    public static final String TAGS = "tags";
    /** The sales team. */
    public static final String TEAM = "team";

    /** Every field above. */
    public static final Set<String> ALL = Set.of(STAGE, SOURCE, COUNTRY, REGION, EMAIL_VALID, PHONE_VALID, LANGUAGE,
            TAGS, TEAM);

    private WinFields() {
    }
}
