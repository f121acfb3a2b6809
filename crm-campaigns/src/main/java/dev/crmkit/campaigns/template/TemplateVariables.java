package dev.crmkit.campaigns.template;

import dev.crmkit.core.kernel.ValidationException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The names a template may use, each with a sample value for previews. Immutable and thread-safe.
 */
public final class TemplateVariables {

    private final Map<String, String> samples;

    private TemplateVariables(Map<String, String> samples) {
        this.samples = Collections.unmodifiableMap(new LinkedHashMap<>(samples));
    }

    /** The names {@link MessageValues} fills in from a contact and a due message. */
    public static TemplateVariables standard() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("contact_id", "c-1001");
        s.put("first_name", "Anna");
        s.put("last_name", "Berg");
        s.put("email", "anna.berg@example.com");
        s.put("phone", "+49 30 1234567");
        s.put("language", "de");
        s.put("birthday", "1980-03-10");
        s.put("campaign", "birthday");
        s.put("step", "1");
        s.put("occurrence", "2026");
        s.put("send_on", "2026-03-03");
        s.put("valid_until", "2026-03-10");
        return new TemplateVariables(s);
    }

    /**
     * A copy with one more name (a custom field, a coupon code) and its sample value.
     *
     * @throws ValidationException naming {@code name} when it is not lower-case letters, digits and underscores
     */
    public TemplateVariables with(String name, String sample) {
        if (!Objects.requireNonNull(name, "name").matches("[a-z][a-z0-9_]*")) {
            throw ValidationException.of("name", "format", "a template variable is lower-case letters, digits and "
                    + "underscores, starting with a letter, was '" + name + "'");
        }
        Map<String, String> copy = new LinkedHashMap<>(samples);
        copy.put(name, Objects.requireNonNull(sample, "sample"));
        return new TemplateVariables(copy);
    }

    /** Whether a template may use the name. */
    public boolean contains(String name) {
        return samples.containsKey(name);
    }

    /** The sample record: every name with its sample value. */
    public Map<String, String> sample() {
        return samples;
    }
}
