package dev.crmkit.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crmkit.core.assignment.Member;
import dev.crmkit.core.assignment.Routing;
import dev.crmkit.core.assignment.RoutingAttribute;
import dev.crmkit.core.assignment.RoutingRule;
import dev.crmkit.core.assignment.Team;
import dev.crmkit.core.kernel.UserId;
import dev.crmkit.core.kernel.ValidationException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads a sales team from a JSON file for {@code crm assign --team}:
 *
 * <pre>{@code
 * {"members": [{"id": "anna", "weight": 2, "monthlyCapacity": 90,
 *               "languages": ["de"], "regions": ["DE", "AT", "CH"], "skills": ["enterprise"]}, ...],
 *  "rules": [{"name": "German speakers", "when": {"language": ["de"]}, "team": "DACH",
 *             "members": ["anna", "david"]}, ...],
 *  "fallback": {"team": "Inside sales", "members": ["dana"]}}
 * }</pre>
 *
 * Only {@code members[].id} is required of a member (weight 1 and no capacity limit by default). A rule needs a
 * {@code name} and {@code when} (attributes {@code region}, {@code product}, {@code language}, {@code stage},
 * {@code skill}, {@code territory}, each a list of values); its team is named {@code team} (default: the rule's name)
 * and is made of the listed {@code members}, or, without a list, of the members whose {@code languages},
 * {@code regions} and {@code skills} include a value of each of the rule's {@code language}, {@code region} and
 * {@code skill} criteria. Without {@code fallback}, leads no rule matches go to a team {@code Sales} of every member.
 * A bad file is refused with a {@link ValidationException} naming the field, such as {@code members[1].weight}.
 */
final class TeamFile {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<RoutingAttribute, String> MEMBER_LISTS = Map.of(RoutingAttribute.LANGUAGE, "languages",
            RoutingAttribute.REGION, "regions", RoutingAttribute.SKILL, "skills");

    private final Map<String, Member> members = new LinkedHashMap<>();
    private final Map<String, JsonNode> memberNodes = new LinkedHashMap<>();

    private TeamFile() {
    }

    /**
     * Reads the file.
     *
     * @throws ValidationException  if the file is not a valid team, naming the field
     * @throws UncheckedIOException if it cannot be read
     */
    static SalesTeam read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw ValidationException.of("team", "json", file + " is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the team file " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw ValidationException.of("team", "object", file + " must hold one JSON object");
        }
        return new SalesTeam(file.getFileName().toString(), new TeamFile().routing(root));
    }

    private Routing routing(JsonNode root) {
        JsonNode list = root.path("members");
        if (!list.isArray() || list.isEmpty()) {
            throw ValidationException.of("members", "required", "the team file lists no members");
        }
        for (int i = 0; i < list.size(); i++) {
            String field = "members[" + i + "]";
            Member member = member(list.get(i), field);
            if (members.putIfAbsent(member.user().value(), member) != null) {
                throw ValidationException.of(field + ".id", "unique", member.user() + " is listed twice");
            }
            memberNodes.put(member.user().value(), list.get(i));
        }
        List<RoutingRule> rules = new ArrayList<>();
        JsonNode ruleList = root.path("rules");
        if (!ruleList.isMissingNode() && !ruleList.isArray()) {
            throw ValidationException.of("rules", "list", "rules must be a list");
        }
        for (int i = 0; i < ruleList.size(); i++) {
            rules.add(rule(ruleList.get(i), "rules[" + i + "]"));
        }
        JsonNode fallback = root.path("fallback");
        Team team = fallback.isMissingNode() ? new Team("Sales", List.copyOf(members.values()))
                : new Team(text(fallback, "team", "fallback.team", "Sales"),
                        listed(fallback.path("members"), "fallback.members"));
        return new Routing(rules, team);
    }

    private static Member member(JsonNode node, String field) {
        if (!node.isObject()) {
            throw ValidationException.of(field, "object", field + " must be an object with an id");
        }
        String id = text(node, "id", field + ".id", "");
        if (id.isBlank()) {
            throw ValidationException.of(field + ".id", "required", field + " has no id");
        }
        int weight = number(node, "weight", field + ".weight").orElse(1);
        OptionalInt capacity = number(node, "monthlyCapacity", field + ".monthlyCapacity");
        try {
            return new Member(UserId.of(id), weight, capacity);
        } catch (ValidationException e) {
            throw ValidationException.of(field + "." + e.violations().get(0).field(), e.violations().get(0).rule(),
                    e.violations().get(0).message());
        }
    }

    private RoutingRule rule(JsonNode node, String field) {
        String name = text(node, "name", field + ".name", "");
        if (name.isBlank()) {
            throw ValidationException.of(field + ".name", "required", field + " has no name");
        }
        JsonNode when = node.path("when");
        if (!when.isObject() || when.isEmpty()) {
            throw ValidationException.of(field + ".when", "required", "rule " + name + " names no attribute");
        }
        Map<RoutingAttribute, Set<String>> criteria = new EnumMap<>(RoutingAttribute.class);
        when.fields().forEachRemaining(e -> criteria.put(attribute(e.getKey(), field + ".when"),
                strings(e.getValue(), field + ".when." + e.getKey())));
        String teamName = text(node, "team", field + ".team", name);
        List<Member> team = node.has("members") ? listed(node.get("members"), field + ".members")
                : qualified(criteria, field);
        return new RoutingRule(name, criteria, new Team(teamName, team));
    }

    private List<Member> qualified(Map<RoutingAttribute, Set<String>> criteria, String field) {
        List<Member> found = new ArrayList<>();
        for (Map.Entry<String, Member> m : members.entrySet()) {
            boolean fits = criteria.entrySet().stream().filter(c -> MEMBER_LISTS.containsKey(c.getKey()))
                    .allMatch(c -> strings(memberNodes.get(m.getKey()).path(MEMBER_LISTS.get(c.getKey())),
                            "members." + MEMBER_LISTS.get(c.getKey())).stream().anyMatch(c.getValue()::contains));
            if (fits) {
                found.add(m.getValue());
            }
        }
        if (found.isEmpty()) {
            throw ValidationException.of(field + ".members", "required", "no member's languages, regions and "
                    + "skills fit " + field + ", and it lists no members");
        }
        return found;
    }

    private List<Member> listed(JsonNode ids, String field) {
        if (!ids.isArray() || ids.isEmpty()) {
            throw ValidationException.of(field, "required", field + " must list member ids");
        }
        List<Member> team = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Member member = members.get(ids.get(i).asText());
            if (member == null) {
                throw ValidationException.of(field + "[" + i + "]", "member", "'" + ids.get(i).asText()
                        + "' is not in members");
            }
            team.add(member);
        }
        return team;
    }

    private static RoutingAttribute attribute(String key, String field) {
        for (RoutingAttribute a : RoutingAttribute.values()) {
            if (a.fieldKey().equals(key.strip().toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        throw ValidationException.of(field + "." + key, "attribute", "'" + key + "' is not a routing attribute: "
                + "region, product, language, stage, skill or territory");
    }

    private static Set<String> strings(JsonNode node, String field) {
        if (node.isMissingNode()) {
            return Set.of();
        }
        if (!node.isArray()) {
            throw ValidationException.of(field, "list", field + " must be a list of strings");
        }
        Set<String> values = new LinkedHashSet<>();
        node.forEach(v -> values.add(v.asText().strip().toLowerCase(Locale.ROOT)));
        return values;
    }

    private static String text(JsonNode node, String key, String field, String absent) {
        JsonNode value = node.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return absent;
        }
        if (!value.isTextual()) {
            throw ValidationException.of(field, "text", field + " must be a string");
        }
        return value.asText();
    }

    private static OptionalInt number(JsonNode node, String key, String field) {
        JsonNode value = node.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return OptionalInt.empty();
        }
        if (!value.isInt()) {
            throw ValidationException.of(field, "integer", field + " must be a whole number, got " + value);
        }
        return OptionalInt.of(value.asInt());
    }
}
