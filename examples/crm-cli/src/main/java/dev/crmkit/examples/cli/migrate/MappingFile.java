package dev.crmkit.examples.cli.migrate;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.kernel.Violation;
import dev.crmkit.kit.migration.FileMapping;
import dev.crmkit.kit.migration.MigrationMapping;
import dev.crmkit.kit.migration.SourceType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a migration mapping file: JSON, version 1, as docs/migration.md describes. Every problem is named by its path
 * in the file and its rule ({@code deals.columns.stage: required}); a file with any problem gives no mapping.
 */
public final class MappingFile {

    /** The format version this reader understands. */
    public static final int FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private static final Set<String> TOP = Set.of("format", "system", "actor", "region", "timeZone",
            "dateTimeFormat", "dateFormat", "companies", "contacts", "deals", "activities", "tasks");

    private static final Set<String> FILE = Set.of("file", "id", "columns", "customFields", "values", "timeZone",
            "dateTimeFormat", "dateFormat", "pipeline", "currency");

    private final List<Violation> problems = new ArrayList<>();

    private MappingFile() {
    }

    /**
     * Reads a mapping file.
     *
     * @throws ValidationException   listing every problem, each with its path and rule
     * @throws UncheckedIOException if the file cannot be read
     */
    public static MigrationMapping read(Path path) {
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the mapping file " + path + ": " + e.getMessage(), e);
        }
        return parse(text);
    }

    /**
     * Reads a mapping from its JSON text.
     *
     * @throws ValidationException listing every problem, each with its path and rule
     */
    public static MigrationMapping parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonParseException e) {
            throw ValidationException.of("(file)", "json", "line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw ValidationException.of("(file)", "json", e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw ValidationException.of("(file)", "object", "a mapping file is one JSON object");
        }
        return new MappingFile().mapping(root);
    }

    private MigrationMapping mapping(JsonNode root) {
        keys(root, "", TOP);
        JsonNode format = root.get("format");
        if (format == null || !format.isInt() || format.asInt() != FORMAT) {
            problems.add(new Violation("format", "version", "give \"format\": " + FORMAT + " (got "
                    + (format == null ? "none" : format.toString()) + ")"));
        }
        String system = text(root, "system", "", null);
        String actor = text(root, "actor", "", "migration");
        String region = text(root, "region", "", "ZZ");
        Defaults defaults = new Defaults(zone(root, "", ZoneId.of("UTC")), text(root, "dateTimeFormat", "", "ISO"),
                text(root, "dateFormat", "", "ISO"));
        List<FileMapping> files = new ArrayList<>();
        for (SourceType type : SourceType.values()) {
            JsonNode node = root.get(type.plural());
            if (node != null) {
                file(type, node, defaults, files);
            }
        }
        if (problems.isEmpty() && files.isEmpty()) {
            problems.add(new Violation("(file)", "required", "map at least one of companies, contacts, deals, "
                    + "activities, tasks"));
        }
        ValidationException.throwIfAny(problems);
        UserId user;
        try {
            user = UserId.of(actor);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("actor", "format", e.getMessage());
        }
        return new MigrationMapping(system, user, region, files);
    }

    private record Defaults(ZoneId zone, String dateTime, String date) {
    }

    private void file(SourceType type, JsonNode node, Defaults defaults, List<FileMapping> files) {
        String at = type.plural() + ".";
        if (!node.isObject()) {
            problems.add(new Violation(type.plural(), "object", "must be an object"));
            return;
        }
        int before = problems.size();
        keys(node, at, FILE);
        Map<String, String> constants = new LinkedHashMap<>();
        for (String name : List.of("pipeline", "currency")) {
            if (node.has(name)) {
                constants.put(name, text(node, name, at, ""));
            }
        }
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        JsonNode v = node.get("values");
        if (v != null && objectAt(v, at + "values")) {
            v.fields().forEachRemaining(e -> values.put(e.getKey(),
                    strings(e.getValue(), at + "values." + e.getKey())));
        }
        FileMappingParts parts = new FileMappingParts(text(node, "file", at, null), text(node, "id", at, null),
                node.has("columns") ? strings(node.get("columns"), at + "columns") : Map.of(),
                node.has("customFields") ? strings(node.get("customFields"), at + "customFields") : Map.of(),
                zone(node, at, defaults.zone()), text(node, "dateTimeFormat", at, defaults.dateTime()),
                text(node, "dateFormat", at, defaults.date()));
        if (!node.has("columns")) {
            problems.add(new Violation(at + "columns", "required", "map the file's columns to crmkit fields"));
        }
        if (problems.size() > before) {
            return;
        }
        try {
            files.add(new FileMapping(type, parts.file(), parts.id(), parts.columns(), parts.customFields(), values,
                    parts.dateTime(), parts.date(), parts.zone(), constants));
        } catch (ValidationException e) {
            problems.addAll(e.violations());
        }
    }

    private record FileMappingParts(String file, String id, Map<String, String> columns,
                                    Map<String, String> customFields, ZoneId zone, String dateTime, String date) {
    }

    private void keys(JsonNode node, String at, Set<String> known) {
        node.fieldNames().forEachRemaining(k -> {
            if (!known.contains(k)) {
                problems.add(new Violation(at + k, "known-key", "'" + k + "' is not a key "
                        + (at.isEmpty() ? "of a mapping file" : "of a section") + " (docs/migration.md)"));
            }
        });
    }

    private boolean objectAt(JsonNode node, String path) {
        if (!node.isObject()) {
            problems.add(new Violation(path, "object", "must be an object of names to texts"));
            return false;
        }
        return true;
    }

    /** An object whose values are all texts. */
    private Map<String, String> strings(JsonNode node, String path) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!objectAt(node, path)) {
            return out;
        }
        node.fields().forEachRemaining(e -> {
            if (e.getValue().isTextual()) {
                out.put(e.getKey(), e.getValue().asText());
            } else {
                problems.add(new Violation(path + "." + e.getKey(), "text", "must be a text, got "
                        + e.getValue().getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
            }
        });
        return out;
    }

    /** A text value; {@code fallback} when absent, a {@code required} problem when absent without one. */
    private String text(JsonNode node, String key, String at, String fallback) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            if (fallback == null) {
                problems.add(new Violation(at + key, "required", "'" + key + "' is missing"));
                return "";
            }
            return fallback;
        }
        if (!value.isTextual()) {
            problems.add(new Violation(at + key, "text", "must be a text, got "
                    + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
            return "";
        }
        return value.asText();
    }

    private ZoneId zone(JsonNode node, String at, ZoneId fallback) {
        String name = text(node, "timeZone", at, fallback.getId());
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            problems.add(new Violation(at + "timeZone", "time-zone", "'" + name + "' is no time zone (e.g. "
                    + "Europe/Berlin, UTC, +01:00)"));
            return fallback;
        }
    }
}
