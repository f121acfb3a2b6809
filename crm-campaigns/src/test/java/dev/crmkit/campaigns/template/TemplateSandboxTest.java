package dev.crmkit.campaigns.template;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import dev.crmkit.core.kernel.ValidationException;
import org.junit.jupiter.api.Test;

import java.io.Writer;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A template reaches nothing but its map: no method, no field, no class, no lambda, no other template. */
class TemplateSandboxTest {

    /** A value a careless host might pass: its methods must stay out of reach. */
    public static final class Secret {
        public String password = "hunter2";

        public String getToken() {
            return "tok-123";
        }

        @Override
        public String toString() {
            return "secret";
        }
    }

    private static final List<String> PROBES = List.of("{{first_name.class}}", "{{first_name.class.name}}",
            "{{first_name.bytes}}", "{{first_name.length}}", "{{first_name.toUpperCase}}", "{{first_name.empty}}",
            "{{secret.password}}", "{{secret.token}}", "{{secret.getToken}}", "{{secret.class}}",
            "{{#first_name}}{{class}}{{/first_name}}", "{{#first_name}}{{length}}{{/first_name}}");

    @Test
    void engine_namesOnAValue_areNotResolved() {
        Map<String, Object> values = Map.of("first_name", "Anna", "secret", new Secret());
        for (String probe : PROBES) {
            Template template = TemplateEngine.compile(probe);
            String shown;
            try {
                shown = TemplateEngine.render(template, values);
            } catch (MustacheException e) {
                shown = "";
            }
            assertFalse(shown.contains("java") || shown.contains("hunter2") || shown.contains("tok-123")
                    || shown.contains("ANNA") || shown.matches(".*\\d.*") || shown.contains("false")
                    || shown.contains("true"), probe + " reached " + shown);
        }
    }

    @Test
    void engine_jMustachesOwnDefault_wouldReachThem() {
        // the control: the same probes through JMustache's default collector do reach methods and classes
        Mustache.Compiler open = Mustache.compiler();
        assertEquals("4", open.compile("{{first_name.length}}").execute(Map.of("first_name", "Anna")));
        assertEquals("tok-123", open.compile("{{secret.token}}").execute(Map.of("secret", new Secret())));
    }

    @Test
    void engine_aLambdaValue_isOnlyText() {
        Mustache.Lambda lambda = (Template.Fragment frag, Writer out) -> out.write("RAN");

        String shown = TemplateEngine.render(TemplateEngine.compile("{{#fn}}x{{/fn}}|{{fn}}"), Map.of("fn", lambda));

        assertFalse(shown.contains("RAN"), shown);
    }

    @Test
    void engine_anIncludeCannotLoadAnything() {
        MustacheException e = assertThrows(MustacheException.class,
                () -> TemplateEngine.render(TemplateEngine.compile("{{> /etc/passwd}}"), Map.of()));

        assertTrue(e.getMessage().contains("cannot include"), e.getMessage());
    }

    @Test
    void library_refusesProbesWhenSaved() {
        TemplateLibrary library = new TemplateLibrary(TemplateVariables.standard());
        for (String probe : PROBES) {
            assertThrows(ValidationException.class, () -> library.save(new MessageTemplate("probe", "", "Hi",
                    probe)), probe);
        }
    }
}
