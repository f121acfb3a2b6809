package dev.crmkit.kit.migration;

import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.ValidationException;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a migration from another CRM does: the source system's name (the first part of every external id), the user
 * the migration acts as (who moved a migrated deal into its stage, who a task without an assignee goes to), and one
 * {@link FileMapping} per exported file. Immutable and thread-safe.
 *
 * @param system the source system's name, as stored in the external ids
 * @param actor  the user the migration acts as
 * @param region the ISO 3166 region of phone numbers written without a country code ({@code DE})
 * @param files  the files, at most one per record type; migrated in {@link SourceType}'s order whatever the order
 *               here
 */
public record MigrationMapping(String system, UserId actor, String region, List<FileMapping> files) {

    /**
     * Checks the mapping.
     *
     * @throws ValidationException naming {@code system} ({@code required}, {@code max-length}), {@code files}
     *                             ({@code required}: none given; {@code unique}: a record type twice)
     */
    public MigrationMapping {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(region, "region");
        if (system == null || system.isBlank()) {
            throw ValidationException.of("system", "required", "name the source system, e.g. \"pipedrive\"");
        }
        new ExternalKey(system, SourceType.CONTACT, "check"); // the same rules as every key of this system
        files = List.copyOf(files);
        if (files.isEmpty()) {
            throw ValidationException.of("files", "required", "map at least one exported file");
        }
        if (files.stream().map(FileMapping::type).distinct().count() != files.size()) {
            throw ValidationException.of("files", "unique", "a record type is mapped twice");
        }
    }

    /** The mapping of a record type's file, if there is one. */
    public Optional<FileMapping> file(SourceType type) {
        return files.stream().filter(f -> f.type() == type).findFirst();
    }
}
