package dev.crmkit.adapters.memory;

import dev.crmkit.kit.CrmkitStore;
import dev.crmkit.kit.privacy.PersonalDataContract;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Collections;

/**
 * The in-memory store passes the {@link PersonalDataContract}; its dump is a walk of every object the store reaches
 * (its own classes field by field, collections, maps and optionals by their contents), collecting every text and
 * every other value's {@code toString()}.
 */
class InMemoryPersonalDataTest extends PersonalDataContract {

    @Override
    protected CrmkitStore newStore() {
        return InMemoryCrmStore.create();
    }

    @Override
    protected String dump(CrmkitStore store) {
        return walk(store);
    }

    /** Every text and value the store reaches, as one string. */
    static String walk(CrmkitStore store) {
        StringBuilder out = new StringBuilder();
        walk(store, out, Collections.newSetFromMap(new IdentityHashMap<>()));
        return out.toString();
    }

    private static void walk(Object o, StringBuilder out, Set<Object> seen) {
        if (o == null || !seen.add(o)) {
            return;
        }
        if (o instanceof CharSequence || o instanceof Number || o instanceof Enum<?> || o instanceof Boolean
                || o.getClass().getName().startsWith("java.time.") || o instanceof java.util.UUID
                || o instanceof java.util.Locale || o instanceof java.util.Currency) {
            out.append(o).append('\n');
        } else if (o instanceof Map<?, ?> map) {
            synchronized (map) {
                for (Map.Entry<?, ?> e : Map.copyOf(nonNull(map)).entrySet()) {
                    walk(e.getKey(), out, seen);
                    walk(e.getValue(), out, seen);
                }
            }
        } else if (o instanceof Collection<?> c) {
            for (Object e : c.toArray()) {
                walk(e, out, seen);
            }
        } else if (o instanceof Optional<?> opt) {
            opt.ifPresent(v -> walk(v, out, seen));
        } else if (o instanceof byte[] bytes) {
            // packed rows (PackedContacts) hold their text as Latin-1 or UTF-16 bytes: read them as text both ways
            out.append(new String(bytes, StandardCharsets.ISO_8859_1)).append('\n');
            out.append(new String(bytes, StandardCharsets.UTF_16BE)).append('\n');
            if (bytes.length > 1) {
                out.append(new String(bytes, 1, bytes.length - 1, StandardCharsets.UTF_16BE)).append('\n');
            }
        } else if (o.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(o); i++) {
                walk(Array.get(o, i), out, seen);
            }
        } else if (o.getClass().getName().startsWith("dev.crmkit.")) {
            for (Class<?> k = o.getClass(); k != null && k != Object.class; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                        continue;
                    }
                    try {
                        f.setAccessible(true);
                        walk(f.get(o), out, seen);
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        throw new IllegalStateException("cannot read " + f, e);
                    }
                }
            }
        }
    }

    private static Map<?, ?> nonNull(Map<?, ?> map) {
        Map<Object, Object> copy = new java.util.HashMap<>();
        map.forEach((k, v) -> {
            if (k != null && v != null) {
                copy.put(k, v);
            }
        });
        return copy;
    }
}
