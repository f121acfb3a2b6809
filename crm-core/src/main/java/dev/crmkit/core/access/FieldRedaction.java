package dev.crmkit.core.access;

import dev.crmkit.core.contact.MarketingConsent;
import dev.crmkit.core.contact.PersonName;
import dev.crmkit.core.customfield.CustomFields;
import dev.crmkit.core.kernel.RecordType;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Field-level security for one actor: what a record looks like to them, and whether a change touched a field they may
 * not change. A record shown to the actor is a copy with every field their role has {@link FieldAccess#HIDDEN}
 * blanked: an optional value empty, a text empty, a list, set or map empty, a hidden custom field left out of the
 * custom values (all of them for {@code customFields}), a name empty, consent unknown. It works on any record type of
 * {@link RecordFields} whose Java record's components carry the field names, deals included:
 * {@code FieldRedaction.of(policy, actor).redact(RecordType.DEAL, deal)}. Immutable and thread-safe.
 */
public final class FieldRedaction {

    private final Map<RecordType, Map<String, FieldAccess>> restricted;

    private FieldRedaction(Map<RecordType, Map<String, FieldAccess>> restricted) {
        this.restricted = restricted;
    }

    /** The field permissions of an actor on the policy's organization ({@link AccessPolicy#restrictedFields}). */
    public static FieldRedaction of(AccessPolicy policy, Actor actor) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(actor, "actor");
        Map<RecordType, Map<String, FieldAccess>> out = new EnumMap<>(RecordType.class);
        for (RecordType type : RecordType.values()) {
            out.put(type, policy.restrictedFields(actor, type));
        }
        return new FieldRedaction(out);
    }

    /** Whether the actor sees every field of the record type. */
    public boolean showsEverything(RecordType type) {
        return restricted.get(type).values().stream().noneMatch(FieldAccess.HIDDEN::equals);
    }

    /** The fields of a record type the actor does not see, by name ({@code lostReason}, {@code customFields.margin}). */
    public Set<String> hidden(RecordType type) {
        Set<String> out = new TreeSet<>();
        restricted.get(type).forEach((f, a) -> {
            if (a == FieldAccess.HIDDEN) {
                out.add(f);
            }
        });
        return out;
    }

    /**
     * Whether the actor does not see one field of a record type: the field is hidden itself, or it is a custom field
     * ({@code customFields.margin}) and the role hides every custom field ({@code customFields}). The one test of a
     * field by name, so that a text naming fields (a {@code required-fields} refusal) leaves out exactly what
     * {@link #redact} blanks.
     *
     * @param field a field's name as {@link RecordFields} names it ({@code lostReason}, {@code customFields.margin})
     */
    public boolean hides(RecordType type, String field) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(field, "field");
        Map<String, FieldAccess> limits = restricted.get(type);
        return limits.get(field) == FieldAccess.HIDDEN || (field.startsWith(RecordFields.CUSTOM + ".")
                && limits.get(RecordFields.CUSTOM) == FieldAccess.HIDDEN);
    }

    /**
     * The record as the actor sees it: the same record when they see every field, else a copy with the hidden fields
     * blanked.
     *
     * @param type   the record's type in {@link RecordFields}
     * @param record a Java record whose components are named as the type's fields
     * @throws IllegalArgumentException if the record does not have a field the actor's role hides
     */
    public <R extends Record> R redact(RecordType type, R record) {
        Objects.requireNonNull(record, "record");
        if (showsEverything(type)) {
            return record;
        }
        Set<String> hidden = hidden(type);
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        boolean changed = false;
        Set<String> unseen = new TreeSet<>(hidden);
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            types[i] = components[i].getType();
            values[i] = value(components[i], record);
            if (hidden.contains(name)) {
                values[i] = blank(type, name, values[i]);
                unseen.remove(name);
            } else if (name.equals(RecordFields.CUSTOM) && values[i] instanceof CustomFields custom) {
                CustomFields kept = custom;
                for (String f : hidden) {
                    if (f.startsWith(RecordFields.CUSTOM + ".")) {
                        kept = kept.without(f.substring(RecordFields.CUSTOM.length() + 1));
                        unseen.remove(f);
                    }
                }
                values[i] = kept;
            }
            changed |= !Objects.equals(values[i], value(components[i], record));
        }
        if (!unseen.isEmpty()) {
            throw new IllegalArgumentException("record: " + record.getClass().getSimpleName() + " has no field "
                    + unseen + " of " + type);
        }
        if (!changed) {
            return record;
        }
        try {
            Constructor<?> canonical = record.getClass().getDeclaredConstructor(types);
            @SuppressWarnings("unchecked")
            R copy = (R) canonical.newInstance(values);
            return copy;
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("a " + type + " without " + hidden + " is not valid: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + record.getClass().getName(), e);
        }
    }

    /**
     * The fields of a record that changed between two versions and that the actor may not change (their role has them
     * {@link FieldAccess#READ} or {@link FieldAccess#HIDDEN}), in the order of the record's components, custom fields
     * by key; empty when the actor may have made the change.
     */
    public <R extends Record> List<FieldRef> lockedChanges(RecordType type, R before, R after) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Map<String, FieldAccess> limits = restricted.get(type);
        List<FieldRef> out = new ArrayList<>();
        if (limits.isEmpty()) {
            return out;
        }
        for (RecordComponent component : before.getClass().getRecordComponents()) {
            String name = component.getName();
            Object was = value(component, before);
            Object now = value(component, after);
            if (limits.containsKey(name)) {
                if (!Objects.equals(was, now)) {
                    out.add(new FieldRef(type, name));
                }
            } else if (name.equals(RecordFields.CUSTOM) && was instanceof CustomFields a
                    && now instanceof CustomFields b) {
                for (String f : new TreeSet<>(limits.keySet())) {
                    if (f.startsWith(RecordFields.CUSTOM + ".")) {
                        String key = f.substring(RecordFields.CUSTOM.length() + 1);
                        if (!a.get(key).equals(b.get(key))) {
                            out.add(new FieldRef(type, f));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** What stands in a text for a value withheld from the actor ({@link #withheld}). */
    public static final String WITHHELD = "[hidden]";

    /**
     * A text about a record (a refusal, a timeline entry) as the actor may read it: every value of a field their role
     * hides that the text quotes is replaced by {@value #WITHHELD}, where it stands as a whole word (not inside a
     * longer word or number). The values looked for are the record's values of the hidden fields ({@link
     * #hiddenTexts}); the text is returned as it is when the actor sees every field.
     *
     * <p>Limits: a value is found only as crmkit writes it ({@link #hiddenTexts}: money as {@code EUR 12000.00} and
     * {@code 12000.00}, a date as {@code 2026-12-01}, a number in plain digits), case-sensitively, so a text that a
     * host formats its own way ({@code "12,000 €"}, {@code "12.000,00"}, {@code "01.12.2026"}, a lost reason in
     * lower case) keeps the value. Only the record's current values are looked for: a text quoting an earlier value
     * (an entry written before the amount changed, "amount 900.00 -> 1200.00") keeps that earlier value. A short
     * value stands as a word more often (a probability {@code 5} is withheld from "5 days" too). Blank values,
     * yes/no values and named constants are never withheld.
     */
    public <R extends Record> String withheld(RecordType type, R record, String text) {
        return withhold(Objects.requireNonNull(text, "text"), hiddenTexts(type, record));
    }

    /**
     * The values of the fields of a record that the actor's role hides, as a text may quote them: a text as it is, a
     * number and a date as written, money as written ({@code EUR 12.50}) and as its amount ({@code 12.50}), every
     * element of a list or set, every key and value of a map, the parts of a value made of parts (a name, an address,
     * a custom value), the hidden custom values; blank ones, yes/no values and named constants are not values a text
     * gives away. Empty when the actor sees every field.
     */
    public <R extends Record> Set<String> hiddenTexts(RecordType type, R record) {
        Objects.requireNonNull(record, "record");
        Set<String> out = new TreeSet<>();
        if (showsEverything(type)) {
            return out;
        }
        Set<String> hidden = hidden(type);
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            String name = component.getName();
            Object value = value(component, record);
            if (hidden.contains(name)) {
                texts(value, out);
            } else if (name.equals(RecordFields.CUSTOM) && value instanceof CustomFields custom) {
                hidden.stream().filter(f -> f.startsWith(RecordFields.CUSTOM + "."))
                        .forEach(f -> texts(custom.get(f.substring(RecordFields.CUSTOM.length() + 1)), out));
            }
        }
        return out;
    }

    /**
     * A text with every one of the values replaced by {@value #WITHHELD} where it stands as a whole word, longer
     * values first (so that {@code EUR 12.50} goes whole before {@code 12.50}).
     */
    public static String withhold(String text, java.util.Collection<String> values) {
        Objects.requireNonNull(text, "text");
        List<String> longestFirst = values.stream().filter(v -> !v.isBlank()).distinct()
                .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
        String out = text;
        for (String v : longestFirst) {
            out = out.replaceAll("(?<![\\p{L}\\p{N}])" + java.util.regex.Pattern.quote(v) + "(?![\\p{L}\\p{N}])",
                    java.util.regex.Matcher.quoteReplacement(WITHHELD));
        }
        return out;
    }

    private static void texts(Object value, Set<String> out) {
        if (value == null || value instanceof Boolean || value instanceof Enum<?>) {
            return;
        }
        if (value instanceof Optional<?> optional) {
            optional.ifPresent(v -> texts(v, out));
        } else if (value instanceof java.util.Collection<?> many) {
            many.forEach(v -> texts(v, out));
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                texts(k, out);
                texts(v, out);
            });
        } else if (value instanceof CustomFields custom) {
            texts(custom.values(), out);
        } else if (value instanceof dev.crmkit.core.kernel.Money money) {
            out.add(money.toString());
            out.add(money.amount().toPlainString());
        } else if (value instanceof java.math.BigDecimal number) {
            out.add(number.toPlainString());
        } else if (value instanceof Record parts) {
            for (RecordComponent component : parts.getClass().getRecordComponents()) {
                texts(value(component, parts), out);
            }
            if (value instanceof dev.crmkit.core.customfield.FieldValue field) {
                out.add(field.asText());
            }
        } else {
            String text = value.toString().strip();
            if (!text.isEmpty()) {
                out.add(text);
            }
        }
    }

    private static Object value(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of "
                    + record.getClass().getName(), e);
        }
    }

    private static Object blank(RecordType type, String field, Object value) {
        if (value instanceof Optional) {
            return Optional.empty();
        } else if (value instanceof String) {
            return "";
        } else if (value instanceof List) {
            return List.of();
        } else if (value instanceof Set) {
            return Set.of();
        } else if (value instanceof Map) {
            return Map.of();
        } else if (value instanceof CustomFields) {
            return CustomFields.empty();
        } else if (value instanceof PersonName) {
            return PersonName.empty();
        } else if (value instanceof MarketingConsent) {
            return MarketingConsent.unknown();
        }
        throw new IllegalStateException(type + "." + field + " of type " + value.getClass().getName()
                + " has no blank value");
    }
}
