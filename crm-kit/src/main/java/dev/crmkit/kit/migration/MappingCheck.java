package dev.crmkit.kit.migration;

import dev.crmkit.core.customfield.CustomFieldSchema;
import dev.crmkit.core.kernel.RecordType;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.kernel.Violation;
import dev.crmkit.kit.CrmkitStore;
import dev.crmkit.pipeline.definition.Pipeline;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a mapping against the files and the store before any row is read: every mapped column is in its file's
 * header, every custom field is in the store's schema, the deals' pipeline exists. Answers the writer of each mapped
 * record type, in migration order.
 */
final class MappingCheck {

    private final CrmkitStore store;
    private final SourceFiles files;

    MappingCheck(CrmkitStore store, SourceFiles files) {
        this.store = store;
        this.files = files;
    }

    Map<SourceType, RecordWriter> writers(MigrationMapping mapping) {
        List<Violation> problems = new ArrayList<>();
        Map<SourceType, RecordWriter> writers = new EnumMap<>(SourceType.class);
        for (FileMapping file : mapping.files()) {
            columns(file, problems);
            if (!file.customFields().isEmpty()) {
                CustomFieldSchema schema = store.customFieldSchemas().schemaFor(RecordType.valueOf(file.type().name()));
                file.customFields().keySet().stream().filter(k -> schema.field(k).isEmpty()).forEach(k ->
                        problems.add(new Violation(file.type().plural() + ".customFields." + k, "known-custom-field",
                                "the store's " + file.type().code() + " schema has no field '" + k + "'")));
            }
            writer(file, problems).ifPresent(w -> writers.put(file.type(), w));
        }
        ValidationException.throwIfAny(problems);
        return writers;
    }

    private void columns(FileMapping file, List<Violation> problems) {
        List<String> header;
        try (SourceFiles.SourceFile open = files.open(file.file())) {
            header = open.header();
        }
        String at = file.type().plural() + ".";
        if (!header.contains(file.idColumn())) {
            problems.add(missing(at + "id", file, file.idColumn(), header));
        }
        file.columns().forEach((field, column) -> {
            if (!header.contains(column)) {
                problems.add(missing(at + "columns." + field, file, column, header));
            }
        });
        file.customFields().forEach((key, column) -> {
            if (!header.contains(column)) {
                problems.add(missing(at + "customFields." + key, file, column, header));
            }
        });
    }

    private static Violation missing(String path, FileMapping file, String column, List<String> header) {
        return new Violation(path, "column", file.file() + " has no column '" + column + "' (its columns: "
                + String.join(", ", header) + ")");
    }

    private Optional<RecordWriter> writer(FileMapping file, List<Violation> problems) {
        switch (file.type()) {
            case COMPANY:
                return Optional.of(new CompanyWriter());
            case CONTACT:
                return Optional.of(new ContactWriter());
            case DEAL:
                Optional<Pipeline> pipeline = file.constant("pipeline")
                        .map(name -> store.pipelines().findByName(name))
                        .orElseGet(() -> store.pipelines().findDefault().flatMap(store.pipelines()::findById));
                if (pipeline.isEmpty()) {
                    problems.add(new Violation("deals.pipeline", "known-pipeline", file.constant("pipeline")
                            .map(n -> "the store has no pipeline '" + n + "'")
                            .orElse("the store has no default pipeline; name one in deals.pipeline")));
                    return Optional.empty();
                }
                return Optional.of(new DealWriter(pipeline.get()));
            case ACTIVITY:
                return Optional.of(new ActivityWriter());
            default:
                return Optional.of(new TaskWriter());
        }
    }
}
