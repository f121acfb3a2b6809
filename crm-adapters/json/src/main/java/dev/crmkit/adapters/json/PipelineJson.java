package dev.crmkit.adapters.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmkit.core.kernel.BadValue;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.kernel.Violation;
import dev.crmkit.pipeline.definition.Actions;
import dev.crmkit.pipeline.definition.EntryAction;
import dev.crmkit.pipeline.definition.ForecastCategory;
import dev.crmkit.pipeline.definition.PipelineDefinition;
import dev.crmkit.pipeline.definition.Rules;
import dev.crmkit.pipeline.definition.Stage;
import dev.crmkit.pipeline.definition.StageKind;
import dev.crmkit.pipeline.definition.StageRule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.HashMap;
import java.util.Set;
import java.util.TreeSet;

/**
 * Pipeline definitions as JSON. A document is one pipeline, an array of pipelines, or an object
 * {@code {"pipelines": [...]}}:
 *
 * <pre>{@code
 * {"name": "B2B", "skippingAllowed": false, "backwardsAllowed": true, "reopenAllowed": false,
 *  "lostReasons": ["price", "timing"],
 *  "stages": [
 *    {"name": "Need identified", "probability": 10, "category": "pipeline", "rottingDays": 14},
 *    {"name": "Agreement", "probability": 60, "category": "commit",
 *     "rules": [{"rule": "required-fields", "fields": ["amount", "customFields.budget"]},
 *               {"rule": "required-documents", "documents": {"offer": "approved"}},
 *               {"rule": "required-activity", "type": "meeting"}],
 *     "actions": [{"action": "create-owner-task", "title": "Call back", "withinHours": 24}]},
 *    {"name": "Won", "kind": "won", "probability": 100, "category": "closed"},
 *    {"name": "Lost", "kind": "lost", "probability": 0, "category": "omitted"}]}
 * }</pre>
 *
 * <p>A stage's {@code kind} is {@code open} (the default), {@code won} or {@code lost}; {@code category} is one of
 * {@code pipeline} (default), {@code best_case}, {@code commit}, {@code closed}, {@code omitted}; {@code rottingDays}
 * defaults to 0 (off). {@code lostReasons}, when given, are required when a deal is lost. Each rule names its type in
 * {@code rule}, each action in {@code action} — the built-in ones are the {@link StageRule#name()} and
 * {@link EntryAction#name()} of
 * {@link Rules} and {@link Actions} ({@code required-fields}, {@code required-documents}, {@code required-activity},
 * {@code amount-positive}, {@code allowed-movers}, {@code no-skipping}, {@code no-backwards}, {@code no-reopening},
 * {@code approval-required}, {@code lost-reason}; {@code create-owner-task}, {@code set-probability},
 * {@code publish-event}) — and carries the record's components as properties. An embedder's own rules and actions
 * are records too, registered with {@link Builder#rule} and {@link Builder#action}.
 *
 * <p>Reading is strict: an unknown property or type, a value of the wrong kind, {@code null} for any property (leave
 * it out to take its default), a key given twice in one object, anything after the document, two pipelines with one
 * name (ignoring case) and every problem of the definition found by {@link PipelineDefinition#validate(Set)} (names
 * longer than {@link PipelineDefinition#MAX_NAME_LENGTH} among them) end in one {@link ValidationException} listing all
 * of them with their JSON paths ({@code pipelines[0].stages[2].rules[0].rule}). Immutable and thread-safe.
 */
public final class PipelineJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Set<String> PIPELINE_KEYS = Set.of("name", "skippingAllowed", "backwardsAllowed",
            "reopenAllowed", "lostReasons", "stages");
    private static final Set<String> STAGE_KEYS = Set.of("name", "kind", "probability", "category", "rottingDays",
            "rules", "actions");

    private final Map<String, Class<? extends StageRule>> rules;
    private final Map<String, Class<? extends EntryAction>> actions;

    private PipelineJson(Builder b) {
        this.rules = Map.copyOf(b.rules);
        this.actions = Map.copyOf(b.actions);
    }

    /** The rule records this format knows, by their type name; for {@link CrmkitModule}. */
    Map<String, Class<? extends StageRule>> ruleTypes() {
        return rules;
    }

    /** The action records this format knows, by their type name; for {@link CrmkitModule}. */
    Map<String, Class<? extends EntryAction>> actionTypes() {
        return actions;
    }

    /** The format with the built-in rules and actions only. */
    public static PipelineJson standard() {
        return builder().build();
    }

    /** Starts a format that also knows an embedder's own rules and actions. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads every pipeline of a document.
     *
     * @param customFieldKeys the deal custom fields that rules may name
     * @throws ValidationException listing every problem with its JSON path; nothing is returned then
     */
    public List<PipelineDefinition> read(InputStream json, Set<String> customFieldKeys) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(customFieldKeys, "customFieldKeys");
        try {
            return read(MAPPER.readTree(json), customFieldKeys);
        } catch (JsonProcessingException e) {
            throw syntax(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read pipeline JSON: " + e.getMessage(), e);
        }
    }

    /** As {@link #read(InputStream, Set)}, from a string. */
    public List<PipelineDefinition> read(String json, Set<String> customFieldKeys) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(customFieldKeys, "customFieldKeys");
        try {
            return read(MAPPER.readTree(json), customFieldKeys);
        } catch (JsonProcessingException e) {
            throw syntax(e);
        }
    }

    /**
     * Reads a document that holds exactly one pipeline.
     *
     * @throws ValidationException listing every problem, or if the document holds more or fewer than one pipeline
     */
    public PipelineDefinition readOne(String json, Set<String> customFieldKeys) {
        List<PipelineDefinition> all = read(json, customFieldKeys);
        if (all.size() != 1) {
            throw ValidationException.of("pipelines", "one", "expected one pipeline, found " + all.size());
        }
        return all.get(0);
    }

    /**
     * Reads back one definition that {@link #write} wrote and a store kept, as strictly as {@link #readOne} reads
     * (unknown properties and types are refused) but without {@link PipelineDefinition#validate(Set)}: the definition
     * was validated when it was defined, and the custom fields its rules name were checked against the schema of that
     * time, which may have changed since. A store must still read every revision it kept.
     *
     * @throws ValidationException if the text is not one pipeline of this format
     */
    public PipelineDefinition readStored(String json) {
        Objects.requireNonNull(json, "json");
        List<PipelineDefinition> all;
        try {
            all = read(MAPPER.readTree(json), null);
        } catch (JsonProcessingException e) {
            throw syntax(e);
        }
        if (all.size() != 1) {
            throw ValidationException.of("pipelines", "one", "expected one pipeline, found " + all.size());
        }
        return all.get(0);
    }

    /**
     * The definition as one JSON object that {@link #readOne} reads back equal.
     *
     * @throws IllegalArgumentException if it holds a rule or action whose type is not registered
     */
    public String write(PipelineDefinition definition) {
        return toJson(definition).toString();
    }

    /** The definitions as {@code {"pipelines": [...]}}, pretty-printed. */
    public String writeAll(List<PipelineDefinition> definitions) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(write(definitions));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write pipeline JSON", e);
        }
    }

    private ObjectNode write(List<PipelineDefinition> definitions) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode array = root.putArray("pipelines");
        definitions.forEach(d -> array.add(toJson(d)));
        return root;
    }

    private ObjectNode toJson(PipelineDefinition d) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("name", d.name());
        o.put("skippingAllowed", d.skippingAllowed());
        o.put("backwardsAllowed", d.backwardsAllowed());
        o.put("reopenAllowed", d.reopenAllowed());
        if (d.lostReasonRequired()) {
            ArrayNode reasons = o.putArray("lostReasons");
            d.lostReasons().forEach(reasons::add);
        }
        ArrayNode stages = o.putArray("stages");
        for (Stage s : d.stages()) {
            ObjectNode stage = stages.addObject();
            stage.put("name", s.name());
            stage.put("kind", s.kind().name().toLowerCase(Locale.ROOT));
            stage.put("probability", s.probability());
            stage.put("category", s.category().name().toLowerCase(Locale.ROOT));
            stage.put("rottingDays", s.rottingDays());
            ArrayNode ruleArray = stage.putArray("rules");
            s.rules().forEach(r -> ruleArray.add(typed("rule", r, r.name(), rules)));
            ArrayNode actionArray = stage.putArray("actions");
            s.actions().forEach(a -> actionArray.add(typed("action", a, a.name(), actions)));
        }
        return o;
    }

    private static ObjectNode typed(String discriminator, Object value, String type,
                                    Map<String, ? extends Class<?>> known) {
        if (known.get(type) != value.getClass()) {
            throw new IllegalArgumentException("no JSON type is registered for " + value.getClass().getName()
                    + " (named " + type + "): register it with PipelineJson.builder().rule/action");
        }
        ObjectNode node = MAPPER.createObjectNode();
        node.put(discriminator, type);
        node.setAll((ObjectNode) MAPPER.valueToTree(value));
        return node;
    }

    /** Reads the pipelines of a document; validates each definition unless {@code customFieldKeys} is null. */
    private List<PipelineDefinition> read(JsonNode root, Set<String> customFieldKeys) {
        List<Violation> problems = new ArrayList<>();
        List<JsonNode> nodes = new ArrayList<>();
        String prefix;
        if (root == null || root.isMissingNode()) {
            throw ValidationException.of("json", "required", "the document is empty");
        } else if (root.isArray()) {
            root.forEach(nodes::add);
            prefix = "pipelines";
        } else if (root.isObject() && root.has("pipelines") && root.size() == 1) {
            if (!root.get("pipelines").isArray()) {
                throw ValidationException.of("pipelines", "type", "must be an array of pipelines");
            }
            root.get("pipelines").forEach(nodes::add);
            prefix = "pipelines";
        } else {
            nodes.add(root);
            prefix = null;
        }
        List<PipelineDefinition> out = new ArrayList<>();
        Map<String, String> named = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            String path = prefix == null ? "" : prefix + "[" + i + "]";
            int before = problems.size();
            PipelineDefinition d = pipeline(nodes.get(i), path, problems);
            if (d != null) {
                String first = named.putIfAbsent(d.name().strip().toLowerCase(Locale.ROOT), path);
                if (first != null) {
                    problems.add(new Violation(at(path, "name"), "unique", "pipeline name "
                            + BadValue.quote(d.name()) + " is taken by " + first + "; each pipeline needs its own"));
                }
            }
            if (d != null && problems.size() == before && customFieldKeys != null) {
                for (Violation v : d.validate(customFieldKeys)) {
                    problems.add(path.isEmpty() ? v : v.under(path));
                }
            }
            out.add(d);
        }
        if (nodes.isEmpty()) {
            problems.add(new Violation("pipelines", "required", "the document holds no pipeline"));
        }
        ValidationException.throwIfAny(problems);
        return List.copyOf(out);
    }

    private PipelineDefinition pipeline(JsonNode node, String path, List<Violation> problems) {
        if (!node.isObject()) {
            problems.add(new Violation(at(path, "name"), "type", "a pipeline must be a JSON object"));
            return null;
        }
        unknownKeys(node, PIPELINE_KEYS, path, problems);
        String name = text(node, "name", path, problems, null);
        boolean skipping = bool(node, "skippingAllowed", path, problems);
        boolean backwards = bool(node, "backwardsAllowed", path, problems);
        boolean reopen = bool(node, "reopenAllowed", path, problems);
        List<String> reasons = strings(node, "lostReasons", path, problems);
        List<Stage> stages = new ArrayList<>();
        JsonNode stageArray = node.get("stages");
        if (isNull(stageArray, path, "stages", problems)) {
            stageArray = MAPPER.createArrayNode();
        } else if (stageArray == null || !stageArray.isArray()) {
            problems.add(new Violation(at(path, "stages"), "required", "must be an array of stages"));
        } else {
            for (int i = 0; i < stageArray.size(); i++) {
                Stage s = stage(stageArray.get(i), at(path, "stages[" + i + "]"), problems);
                if (s != null) {
                    stages.add(s);
                }
            }
        }
        if (name == null) {
            return null;
        }
        return new PipelineDefinition(name, stages, skipping, backwards, reopen, !reasons.isEmpty(), reasons);
    }

    private Stage stage(JsonNode node, String path, List<Violation> problems) {
        if (!node.isObject()) {
            problems.add(new Violation(path, "type", "a stage must be a JSON object"));
            return null;
        }
        int before = problems.size();
        unknownKeys(node, STAGE_KEYS, path, problems);
        String name = text(node, "name", path, problems, null);
        StageKind kind = constant(node, "kind", StageKind.class, StageKind.OPEN, path, problems);
        ForecastCategory category = constant(node, "category", ForecastCategory.class, ForecastCategory.PIPELINE,
                path, problems);
        int probability = integer(node, "probability", kind == StageKind.WON ? 100 : 0, path, problems);
        int rotting = integer(node, "rottingDays", 0, path, problems);
        List<StageRule> stageRules = typedList(node, "rules", "rule", rules, path, problems);
        List<EntryAction> stageActions = typedList(node, "actions", "action", actions, path, problems);
        if (problems.size() != before) {
            return null;
        }
        return new Stage(name, kind, probability, category, rotting, stageRules, stageActions);
    }

    private static <T> List<T> typedList(JsonNode node, String key, String discriminator,
                                         Map<String, Class<? extends T>> known, String path,
                                         List<Violation> problems) {
        JsonNode array = node.get(key);
        List<T> out = new ArrayList<>();
        if (array == null || isNull(array, path, key, problems)) {
            return out;
        }
        if (!array.isArray()) {
            problems.add(new Violation(at(path, key), "type", "must be an array"));
            return out;
        }
        for (int i = 0; i < array.size(); i++) {
            String item = at(path, key + "[" + i + "]");
            JsonNode element = array.get(i);
            JsonNode type = element.get(discriminator);
            if (!element.isObject() || type == null || !type.isTextual()) {
                problems.add(new Violation(item + "." + discriminator, "required", "each entry names its "
                        + discriminator + " type"));
                continue;
            }
            Class<? extends T> target = known.get(type.asText());
            if (target == null) {
                problems.add(new Violation(item + "." + discriminator, "known", "unknown " + discriminator + " \""
                        + type.asText()
                        + "\"; known: " + String.join(", ", new TreeSet<>(known.keySet()))));
                continue;
            }
            ObjectNode properties = ((ObjectNode) element).deepCopy();
            properties.remove(discriminator);
            try {
                out.add(MAPPER.treeToValue(properties, target));
            } catch (UnrecognizedPropertyException e) {
                problems.add(new Violation(item + "." + e.getPropertyName(), "known", "unknown property of "
                        + type.asText()));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                ValidationException invalid = cause(e);
                if (invalid != null) {
                    invalid.violations().forEach(v -> problems.add(v.under(item)));
                } else {
                    problems.add(new Violation(item, "format", oneLine(e.getMessage())));
                }
            }
        }
        return out;
    }

    private static ValidationException cause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ValidationException v) {
                return v;
            }
        }
        return null;
    }

    private static void unknownKeys(JsonNode node, Set<String> allowed, String path, List<Violation> problems) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                problems.add(new Violation(at(path, key), "known", "unknown property; known: "
                        + String.join(", ", new TreeSet<>(allowed))));
            }
        }
    }

    private static String text(JsonNode node, String key, String path, List<Violation> problems, String fallback) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            if (fallback == null) {
                problems.add(new Violation(at(path, key), "required", "is required"));
            }
            return fallback;
        }
        if (!value.isTextual()) {
            problems.add(new Violation(at(path, key), "type", "must be a string"));
            return fallback;
        }
        return value.asText();
    }

    /** Whether the property is given as {@code null}, which is refused: leaving it out is how to take its default. */
    private static boolean isNull(JsonNode value, String path, String key, List<Violation> problems) {
        if (value != null && value.isNull()) {
            problems.add(new Violation(at(path, key), "not-null", "must not be null; leave the property out for "
                    + "its default"));
            return true;
        }
        return false;
    }

    private static boolean bool(JsonNode node, String key, String path, List<Violation> problems) {
        JsonNode value = node.get(key);
        if (value == null || isNull(value, path, key, problems)) {
            return true; // the builder's defaults: everything allowed
        }
        if (!value.isBoolean()) {
            problems.add(new Violation(at(path, key), "type", "must be true or false"));
            return true;
        }
        return value.asBoolean();
    }

    private static int integer(JsonNode node, String key, int fallback, String path, List<Violation> problems) {
        JsonNode value = node.get(key);
        if (value == null || isNull(value, path, key, problems)) {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            problems.add(new Violation(at(path, key), "type", "must be a whole number from " + Integer.MIN_VALUE
                    + " to " + Integer.MAX_VALUE));
            return fallback;
        }
        return value.asInt();
    }

    private static List<String> strings(JsonNode node, String key, String path, List<Violation> problems) {
        JsonNode value = node.get(key);
        List<String> out = new ArrayList<>();
        if (value == null || isNull(value, path, key, problems)) {
            return out;
        }
        if (!value.isArray()) {
            problems.add(new Violation(at(path, key), "type", "must be an array of strings"));
            return out;
        }
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual()) {
                problems.add(new Violation(at(path, key + "[" + i + "]"), "type", "must be a string"));
            } else {
                out.add(value.get(i).asText().strip());
            }
        }
        return out;
    }

    private static <E extends Enum<E>> E constant(JsonNode node, String key, Class<E> type, E fallback, String path,
                                                  List<Violation> problems) {
        JsonNode value = node.get(key);
        if (value == null || isNull(value, path, key, problems)) {
            return fallback;
        }
        String text = value.isTextual() ? value.asText().strip().toUpperCase(Locale.ROOT).replace('-', '_') : "";
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(text)) {
                return e;
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name().toLowerCase(Locale.ROOT));
        }
        problems.add(new Violation(at(path, key), "known", "must be one of " + String.join(", ", names)));
        return fallback;
    }

    private static String at(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String oneLine(String message) {
        return message == null ? "invalid" : message.replaceAll("\\s+", " ").strip();
    }

    private static ValidationException syntax(JsonProcessingException e) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr();
        String path = "";
        String message = e.getOriginalMessage();
        String rule = "syntax";
        if (message != null && message.startsWith("Duplicate ")) {
            rule = "unique";
            message = "the key is given twice in one object";
            path = e.getProcessor() instanceof JsonParser parser ? path(parser.getParsingContext()) : "";
        } else if (message != null && message.startsWith("Trailing token")) {
            rule = "trailing";
            message = "the document goes on after its end (only white space may follow)";
        }
        return ValidationException.of(path.isEmpty() ? "json" : path, rule, "is not valid JSON" + where + ": "
                + message);
    }

    /** The JSON path of where a parser is, in this format's terms ({@code pipelines[0].stages[1].name}). */
    private static String path(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.add(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                parts.add(0, "." + c.getCurrentName());
            }
        }
        String path = String.join("", parts);
        if (path.startsWith("[")) {
            path = "pipelines" + path; // a top-level array of pipelines
        }
        return path.startsWith(".") ? path.substring(1) : path;
    }

    /** Registers an embedder's own rules and actions. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Class<? extends StageRule>> rules = new LinkedHashMap<>();
        private final Map<String, Class<? extends EntryAction>> actions = new LinkedHashMap<>();

        private Builder() {
            rules.put("required-fields", Rules.RequiredFields.class);
            rules.put("required-documents", Rules.RequiredDocuments.class);
            rules.put("required-activity", Rules.RequiredActivity.class);
            rules.put("amount-positive", Rules.AmountPositive.class);
            rules.put("allowed-movers", Rules.AllowedMovers.class);
            rules.put("no-skipping", Rules.NoSkipping.class);
            rules.put("no-backwards", Rules.NoMovingBackwards.class);
            rules.put("no-reopening", Rules.NoReopening.class);
            rules.put("approval-required", Rules.ApprovalRequired.class);
            rules.put("lost-reason", Rules.LostReason.class);
            actions.put("create-owner-task", Actions.OwnerTask.class);
            actions.put("set-probability", Actions.SetProbability.class);
            actions.put("publish-event", Actions.Publish.class);
        }

        /**
         * Registers a rule type: a record whose components are its JSON properties, and whose
         * {@link StageRule#name()} is {@code type}.
         *
         * @throws IllegalArgumentException if the type is taken or the class is not a record
         */
        public <R extends Record & StageRule> Builder rule(String type, Class<R> record) {
            register(rules, type, record);
            return this;
        }

        /** Registers an action type, as {@link #rule} does. */
        public <A extends Record & EntryAction> Builder action(String type, Class<A> record) {
            register(actions, type, record);
            return this;
        }

        private static <T> void register(Map<String, Class<? extends T>> map, String type, Class<? extends T> c) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(c, "record");
            if (map.containsKey(type)) {
                throw new IllegalArgumentException("type " + type + " is already registered to "
                        + map.get(type).getName());
            }
            map.put(type, c);
        }

        /** The format. */
        public PipelineJson build() {
            return new PipelineJson(this);
        }
    }
}
