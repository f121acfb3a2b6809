package dev.crmkit.kit.archive;

import dev.crmkit.campaigns.template.StoredTemplate;

import java.util.Objects;

/**
 * The archive key of a version of a crm-campaigns template ({@link StoredTemplate}): the template's name, the
 * character U+0001, its language (empty for the fallback), U+0001, and the version as 20 digits, so the keys of a
 * template's versions sort as its versions do (and restore in that order). Loaded only with crm-campaigns on the
 * class path.
 */
public final class TemplateKey {

    private static final int DIGITS = 20;

    private TemplateKey() {
    }

    /** The key of a template version. */
    public static String of(StoredTemplate stored) {
        Objects.requireNonNull(stored, "stored");
        String digits = Long.toString(stored.version());
        return stored.template().name() + "\u0001" + stored.template().language() + "\u0001"
                + "0".repeat(Math.max(0, DIGITS - digits.length())) + digits;
    }

    /**
     * The parts of a key: the name, the language and the version.
     *
     * @throws IllegalArgumentException if it is not a key of a template version
     */
    public static Parts parse(String key) {
        Objects.requireNonNull(key, "key");
        String[] parts = key.split("\u0001", -1);
        if (parts.length != 3 || parts[2].length() != DIGITS) {
            throw new IllegalArgumentException("not an archive key of a template version: '" + key + "'");
        }
        try {
            return new Parts(parts[0], parts[1], Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an archive key of a template version: '" + key + "'", e);
        }
    }

    /**
     * The parts of a key.
     *
     * @param name     the template's name
     * @param language its language, empty for the fallback
     * @param version  the version
     */
    public record Parts(String name, String language, long version) {
    }
}
