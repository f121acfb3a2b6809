package dev.crmkit.adapters.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmkit.core.kernel.RecordRef;
import dev.crmkit.core.privacy.PersonalRecords;
import dev.crmkit.kit.privacy.PersonalDataExport;

import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The JSON document of a person's data ({@link PersonalDataExport}), format {@value #FORMAT} version
 * {@value #VERSION}, documented in {@code docs/privacy-export.md}: one object with the person's contact, consent,
 * records, leads, scores, timeline, tasks, deals, service records and audit entries, each record written as
 * {@link CrmkitModule} writes it. Immutable and thread-safe.
 */
public final class PersonalDataJson {

    /** The {@code format} member of every document. */
    public static final String FORMAT = "crmkit-personal-data";

    /** The {@code version} member of documents this class writes. */
    public static final int VERSION = 1;

    private final ObjectMapper mapper;

    private PersonalDataJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The standard format, pretty-printed. */
    public static PersonalDataJson standard() {
        return new PersonalDataJson(JsonMapper.builder().addModule(new CrmkitModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT).build());
    }

    /** The document as a tree. */
    public ObjectNode tree(PersonalDataExport export) {
        Objects.requireNonNull(export, "export");
        PersonalRecords core = export.core();
        ObjectNode root = mapper.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("person", export.key().toString());
        root.put("exportedAt", export.exportedAt().toString());
        root.set("contact", mapper.valueToTree(core.contact()));
        root.set("consent", mapper.valueToTree(core.contact().consent()));
        root.set("records", mapper.valueToTree(core.records().stream().map(RecordRef::toString).toList()));
        root.set("leads", mapper.valueToTree(core.leads()));
        root.set("mergedLeads", mapper.valueToTree(core.mergedLeads()));
        root.set("scores", mapper.valueToTree(core.scores()));
        root.set("timeline", mapper.valueToTree(core.timeline()));
        root.set("tasks", mapper.valueToTree(core.tasks()));
        root.set("deals", mapper.valueToTree(export.deals()));
        ObjectNode service = root.putObject("service");
        service.set("equipment", mapper.valueToTree(export.equipment()));
        service.set("plans", mapper.valueToTree(export.plans()));
        service.set("requests", mapper.valueToTree(export.requests()));
        service.set("visits", mapper.valueToTree(export.visits()));
        service.set("commitments", mapper.valueToTree(export.commitments()));
        root.set("audit", mapper.valueToTree(core.audit()));
        root.set("consentHistory", mapper.valueToTree(core.consents()));
        return root;
    }

    /** The document as text. */
    public String write(PersonalDataExport export) {
        try {
            return mapper.writeValueAsString(tree(export));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
