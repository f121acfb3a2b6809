package dev.crmkit.adapters.jdbc;

import dev.crmkit.core.duplicate.CompanyNameKeys;

import javax.sql.DataSource;

/**
 * Fills the sound and acronym keys (V70) of the company rows written before the keys were, or whose keys V81 cleared
 * because the keys changed (umlauts transliterated, connectors such as "und" left out): the sound key is a Double
 * Metaphone code, which SQL cannot compute, so {@link CrmSchema#migrate} runs this after the scripts, as
 * {@link NameKeyFill} does for contacts. Rows whose {@code name_sound} is still NULL are read in batches of
 * {@value #BATCH} and updated in one transaction per batch; once every row has its keys (never NULL again: a name
 * without a sound has the empty key), it is one index lookup that finds none. Safe from several nodes at once (a row
 * is written with the same keys twice, and only while its key is NULL).
 */
final class CompanyNameKeyFill {

    private static final int BATCH = 1_000;

    private CompanyNameKeyFill() {
    }

    /** Fills every missing key of a company name; returns how many rows were filled. */
    static int fill(DataSource dataSource, Dialect dialect, String prefix) {
        Tables tables = new Tables(prefix);
        String select = tables.sql("SELECT id, name FROM {company} WHERE name_sound IS NULL LIMIT " + BATCH);
        String update = tables.sql("UPDATE {company} SET name_sound = ?, name_acronym = ? WHERE id = ? "
                + "AND name_sound IS NULL");
        return NameKeyFill.keyRows(dataSource, dialect, select, update,
                "could not fill the name keys of the companies", rs -> {
                    String name = rs.getString("name");
                    return new String[] {CompanyNameKeys.soundKey(name), CompanyNameKeys.acronymKey(name)};
                });
    }
}
