package dev.crmkit.adapters.json;

import dev.crmkit.core.company.WebDomain;
import dev.crmkit.core.idempotency.IdempotencyKey;
import dev.crmkit.core.kernel.EmailAddress;
import dev.crmkit.core.kernel.Money;
import dev.crmkit.core.kernel.PhoneNumber;
import dev.crmkit.pipeline.definition.Actions;
import dev.crmkit.pipeline.definition.EntryAction;
import dev.crmkit.pipeline.definition.Rules;
import dev.crmkit.pipeline.definition.StageRule;
import dev.crmkit.pipeline.forecast.MoneyTotals;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Builds a sample instance of any record of crmkit from its components, so a round-trip test covers every record
 * without a hand-written fixture that a new component could slip past. Values are fixed (no clock, no randomness).
 * The full sample has one element in each container, every optional present and the last constant of each enum, so
 * every component is written; a record whose invariants refuse that (a lead with a disqualification reason must be
 * disqualified) gets the sparse sample instead: optionals empty and the first constants.
 */
final class Samples {

    private static final Instant AT = Instant.parse("2026-03-04T05:06:07.123456Z");

    private final boolean full;
    private final int constant;

    private Samples(boolean full, int constant) {
        this.full = full;
        this.constant = constant;
    }

    /** A sample of a type, or an exception naming the type that has no sample. */
    static Object of(Type type) {
        try {
            return new Samples(true, -1).sample(type, "");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("no sample for " + type.getTypeName() + ": " + e.getMessage(), e);
        }
    }

    private Object sample(Type type, String name) {
        if (type instanceof java.lang.reflect.TypeVariable<?>) {
            return "label";
        }
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (raw == Optional.class) {
                return full ? Optional.of(sample(args[0], name)) : Optional.empty();
            }
            if (raw == List.class) {
                return List.of(sample(args[0], name));
            }
            if (raw == Set.class) {
                Set<Object> set = new LinkedHashSet<>();
                set.add(sample(args[0], name));
                return Set.copyOf(set);
            }
            if (raw == Map.class) {
                Map<Object, Object> map = new LinkedHashMap<>();
                map.put(sample(args[0], name), sample(args[1], name));
                return Map.copyOf(map);
            }
            return sample(raw, name);
        }
        Class<?> c = (Class<?>) type;
        Object simple = simple(c, name.toLowerCase(java.util.Locale.ROOT));
        if (simple != null) {
            return simple;
        }
        if (c.isEnum()) {
            Object[] constants = c.getEnumConstants();
            return constant < 0 ? constants[constants.length - 1] : constants[Math.min(constant, constants.length - 1)];
        }
        if (c == dev.crmkit.core.access.FieldRef.class) { // a role names only fields its record type has
            return new dev.crmkit.core.access.FieldRef(dev.crmkit.core.kernel.RecordType.LEAD, "customFields.label");
        }
        if (c.isRecord()) {
            return record(c);
        }
        if (c.isSealed()) {
            return sample(c.getPermittedSubclasses()[0], name);
        }
        if (c == StageRule.class) {
            return sample(Rules.LostReason.class, name);
        }
        if (c == EntryAction.class) {
            return sample(Actions.OwnerTask.class, name);
        }
        throw new IllegalArgumentException("no sample for " + c.getName());
    }

    private Object simple(Class<?> c, String name) {
        if (c == String.class) {
            if (name.contains("country") || name.contains("region")) {
                return "DE";
            }
            if (name.contains("currency")) {
                return "EUR";
            }
            return "label";
        }
        if (c == java.util.OptionalInt.class) {
            return full ? java.util.OptionalInt.of(3) : java.util.OptionalInt.empty();
        }
        if (c == java.util.OptionalLong.class) {
            return full ? java.util.OptionalLong.of(7L) : java.util.OptionalLong.empty();
        }
        if (c == java.time.YearMonth.class) {
            return java.time.YearMonth.of(2026, 3);
        }
        if (c == java.util.Locale.class) {
            return java.util.Locale.GERMANY;
        }
        if (c == int.class || c == Integer.class) {
            return 3;
        }
        if (c == long.class || c == Long.class) {
            return 7L;
        }
        if (c == double.class || c == Double.class) {
            return 0.25;
        }
        if (c == boolean.class || c == Boolean.class) {
            return true;
        }
        if (c == BigDecimal.class) {
            return new BigDecimal("0.50");
        }
        if (c == UUID.class) {
            return UUID.fromString("00000000-0000-4000-8000-00000000000a");
        }
        if (c == Instant.class) {
            return AT;
        }
        if (c == LocalDate.class) {
            return LocalDate.of(2026, 3, 4);
        }
        if (c == LocalTime.class) {
            return LocalTime.of(9, 30);
        }
        if (c == Duration.class) {
            return Duration.ofHours(36);
        }
        if (c == ZoneId.class) {
            return ZoneId.of("Europe/Berlin");
        }
        if (c == Currency.class) {
            return Currency.getInstance("EUR");
        }
        if (c == Money.class) {
            return Money.of("12.50", "EUR");
        }
        if (c == MoneyTotals.class) {
            return MoneyTotals.none().plus(Money.of("12.50", "EUR")).plus(Money.of("3.00", "USD"));
        }
        if (c == PhoneNumber.class) {
            return PhoneNumber.of("+4930901820;ext=12");
        }
        if (c == IdempotencyKey.class) {
            return IdempotencyKey.of("request-42");
        }
        if (c == EmailAddress.class) {
            return EmailAddress.parse("anna@example.com");
        }
        if (c == WebDomain.class) {
            return WebDomain.parse("example.com");
        }
        return null;
    }

    /**
     * A record from samples of its components: the full sample with the last constant of each enum first, then with
     * each constant in turn (a disqualified lead needs its reason), then the sparse sample (a deal is not won and lost
     * at once).
     */
    private Object record(Class<?> c) {
        IllegalArgumentException refused = null;
        for (int i = -1; i < 8; i++) {
            try {
                return new Samples(true, i).construct(c);
            } catch (IllegalArgumentException e) {
                refused = e;
            }
        }
        try {
            return new Samples(false, 0).construct(c);
        } catch (IllegalArgumentException e) {
            e.addSuppressed(refused);
            throw e;
        }
    }

    private Object construct(Class<?> c) {
        RecordComponent[] components = c.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = sample(components[i].getGenericType(), components[i].getName());
        }
        try {
            Constructor<?> canonical = c.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(c.getName() + " refused its sample: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
