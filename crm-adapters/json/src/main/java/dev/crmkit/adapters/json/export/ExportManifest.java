package dev.crmkit.adapters.json.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code manifest.json} of an export: the format and its version, and per record type its file, how many records
 * it holds and the SHA-256 of its bytes. Written last, so a folder without one holds no complete export.
 *
 * @param formatVersion the version of the export format
 * @param files         one entry per record type, in the order they were written
 */
public record ExportManifest(int formatVersion, List<FileEntry> files) {

    /** The manifest's file name. */
    public static final String FILE = "manifest.json";

    /** Copies the list. */
    public ExportManifest {
        files = List.copyOf(files);
    }

    /**
     * One record type's file.
     *
     * @param recordType the record type's name
     * @param file       the file's name in the export folder
     * @param count      how many records (lines) it holds
     * @param sha256     the SHA-256 of its bytes, 64 lower-case hex digits
     */
    public record FileEntry(String recordType, String file, long count, String sha256) {

        /** Checks the parts. */
        public FileEntry {
            Objects.requireNonNull(recordType, "recordType");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /** The entry of a record type. */
    public Optional<FileEntry> entry(String recordType) {
        return files.stream().filter(f -> f.recordType().equals(recordType)).findFirst();
    }

    /** The manifest's bytes: pretty-printed JSON in UTF-8, members in a fixed order, ending with a new line. */
    byte[] bytes(ObjectMapper mapper) {
        ObjectNode root = mapper.createObjectNode();
        root.put("format", ExportFormat.NAME);
        root.put("formatVersion", formatVersion);
        ArrayNode list = root.putArray("files");
        for (FileEntry f : files) {
            list.addObject().put("recordType", f.recordType()).put("file", f.file()).put("count", f.count())
                    .put("sha256", f.sha256());
        }
        try {
            return (mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("a tree of strings and numbers is always written", e);
        }
    }

    /**
     * Reads a manifest.
     *
     * @throws IllegalArgumentException naming the member that is missing or wrong
     */
    static ExportManifest parse(ObjectMapper mapper, byte[] bytes) {
        JsonNode root;
        try {
            root = mapper.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException(FILE + " is not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(FILE + " is not a JSON object");
        }
        if (!ExportFormat.NAME.equals(root.path("format").asText(null))) {
            throw new IllegalArgumentException(FILE + ": format must be \"" + ExportFormat.NAME + "\"");
        }
        JsonNode version = root.path("formatVersion");
        if (!version.canConvertToInt()) {
            throw new IllegalArgumentException(FILE + ": formatVersion must be a whole number");
        }
        List<FileEntry> files = new ArrayList<>();
        JsonNode list = root.path("files");
        if (!list.isArray()) {
            throw new IllegalArgumentException(FILE + ": files must be a list");
        }
        for (JsonNode f : list) {
            String type = text(f, "recordType");
            String file = text(f, "file");
            if (!f.path("count").canConvertToLong() || f.path("count").asLong() < 0) {
                throw new IllegalArgumentException(FILE + ": count of " + type + " must be a whole number >= 0");
            }
            String sha = text(f, "sha256");
            if (!sha.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException(FILE + ": sha256 of " + type + " must be 64 lower-case hex digits");
            }
            files.add(new FileEntry(type, file, f.path("count").asLong(), sha));
        }
        return new ExportManifest(version.asInt(), files);
    }

    private static String text(JsonNode node, String member) {
        JsonNode value = node.path(member);
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw new IllegalArgumentException(FILE + ": every entry of files needs the text " + member);
        }
        return value.asText();
    }
}
