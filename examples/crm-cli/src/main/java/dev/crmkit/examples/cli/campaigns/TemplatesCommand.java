package dev.crmkit.examples.cli.campaigns;

import dev.crmkit.campaigns.template.EditableTemplates;
import dev.crmkit.campaigns.template.MessageTemplate;
import dev.crmkit.campaigns.template.RenderedMessage;
import dev.crmkit.campaigns.template.StandardTemplates;
import dev.crmkit.campaigns.template.StoredTemplate;
import dev.crmkit.campaigns.template.TemplateLibrary;
import dev.crmkit.campaigns.template.TemplateVariables;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.examples.cli.JsonOutput;
import dev.crmkit.examples.cli.OutputFormat;
import dev.crmkit.examples.cli.StoreAccess;
import dev.crmkit.examples.cli.StoreOptions;
import dev.crmkit.kit.CrmkitStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code crm campaigns templates}: the user-editable message templates of the store's campaigns (logic-less
 * Mustache over the standard variables): {@code save} checks a template and stores it as its next version,
 * {@code list} shows the templates in use (built-in or stored), {@code preview} renders one with the sample record.
 */
@Command(name = "templates", mixinStandardHelpOptions = true,
        description = {"Message templates of the campaigns, one per name and language with a fallback (no "
                + "language). Variables: {{first_name}}, {{last_name}}, {{email}}, {{phone}}, {{language}}, "
                + "{{birthday}}, {{campaign}}, {{step}}, {{occurrence}}, {{send_on}}, {{valid_until}}, "
                + "{{contact_id}}; sections {{#name}}...{{/name}}."},
        subcommands = {TemplatesCommand.Save.class, TemplatesCommand.ListTemplates.class,
                TemplatesCommand.Preview.class})
public final class TemplatesCommand implements Runnable {

    /** The longest body file read. */
    private static final long MAX_BODY_BYTES = 1_000_000;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required: save, list, preview");
    }

    /** The store's templates over the built-in ones, whose variables they are checked against. */
    static EditableTemplates editable(CrmkitStore store) {
        return new EditableTemplates(store.campaignStores().templates(), StandardTemplates.library());
    }

    /** {@code crm campaigns templates save NAME [--language TAG] --subject TEXT (--body TEXT | --body-file FILE)}. */
    @Command(name = "save", mixinStandardHelpOptions = true,
            description = "Checks the template (its variables and syntax) and stores it as the next version of its "
                    + "name and language; a template that does not pass is not stored.")
    static final class Save implements Callable<Integer> {
        @Spec
        private CommandSpec spec;
        @Mixin
        private StoreOptions store = new StoreOptions();
        @Parameters(index = "0", paramLabel = "NAME",
                description = "The template's name: lower-case letters, digits and single dashes (a campaign's "
                        + "name, or <campaign>-<variant> for an A/B test).")
        private String name;
        @Option(names = "--language", paramLabel = "TAG", defaultValue = "",
                description = "Its language (de, en-GB); none for the fallback used where no language matches.")
        private String language;
        @Option(names = "--subject", paramLabel = "TEXT", required = true, description = "The subject, one line.")
        private String subject;
        @ArgGroup(exclusive = true, multiplicity = "1")
        private Body body;
        @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
                description = "text (default) or json: {name, language, version}.")
        private OutputFormat format;

        @Override
        public Integer call() {
            MessageTemplate template;
            try {
                template = new MessageTemplate(name, language, subject, body.text(spec));
            } catch (ValidationException e) {
                throw invalid(spec, e);
            }
            return StoreAccess.readAll(store, spec, (crm, description) -> {
                EditableTemplates templates = editable(crm);
                String tag = template.language().isEmpty() ? ""
                        : Locale.forLanguageTag(template.language()).toLanguageTag();
                long current = templates.store().current(name, tag).map(StoredTemplate::version).orElse(0L);
                StoredTemplate stored;
                try {
                    stored = templates.save(template, current);
                } catch (ValidationException e) {
                    throw invalid(spec, e);
                }
                PrintWriter out = spec.commandLine().getOut();
                if (format == OutputFormat.JSON) {
                    JsonOutput.print(out, JsonOutput.object("name", stored.template().name(), "language",
                            stored.template().language(), "version", stored.version()));
                } else {
                    out.printf(Locale.ROOT, "saved template '%s' (%s) version %d in %s%n", stored.template().name(),
                            languageName(stored.template().language()), stored.version(), description);
                    out.flush();
                }
                return 0;
            });
        }
    }

    /** The body: given as text or read from a UTF-8 file. */
    static final class Body {
        @Option(names = "--body", paramLabel = "TEXT", required = true, description = "The body.")
        private String text;
        @Option(names = "--body-file", paramLabel = "FILE", required = true,
                description = "A UTF-8 file holding the body.")
        private Path file;

        String text(CommandSpec spec) {
            if (text != null) {
                return text;
            }
            try {
                if (!Files.isRegularFile(file) || Files.size(file) > MAX_BODY_BYTES) {
                    throw new ParameterException(spec.commandLine(), "--body-file must be a readable file of at most "
                            + MAX_BODY_BYTES + " bytes: " + file);
                }
                return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                        .toString();
            } catch (CharacterCodingException e) {
                throw new ParameterException(spec.commandLine(), "--body-file must be UTF-8 text: " + file);
            } catch (IOException e) {
                throw new ParameterException(spec.commandLine(), "--body-file cannot be read: " + file);
            }
        }
    }

    /** {@code crm campaigns templates list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists the templates in use, by name and language: the newest stored version, or the "
                    + "built-in one.")
    static final class ListTemplates implements Callable<Integer> {
        @Spec
        private CommandSpec spec;
        @Mixin
        private StoreOptions store = new StoreOptions();
        @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
                description = "text (default) or json: {templates: [{name, language, version, subject}]} (version "
                        + "0: built in).")
        private OutputFormat format;

        @Override
        public Integer call() {
            return StoreAccess.readAll(store, spec, (crm, description) -> {
                EditableTemplates templates = editable(crm);
                List<Map<String, Object>> rows = new ArrayList<>();
                for (MessageTemplate t : templates.library().templates()) {
                    long version = templates.store().current(t.name(), t.language()).map(StoredTemplate::version)
                            .orElse(0L);
                    rows.add(JsonOutput.object("name", t.name(), "language", t.language(), "version", version,
                            "subject", t.subject()));
                }
                PrintWriter out = spec.commandLine().getOut();
                if (format == OutputFormat.JSON) {
                    JsonOutput.print(out, JsonOutput.object("templates", rows));
                } else {
                    for (Map<String, Object> row : rows) {
                        long version = (Long) row.get("version");
                        out.printf(Locale.ROOT, "%-20s %-9s %-11s %s%n", row.get("name"),
                                languageName((String) row.get("language")),
                                version == 0 ? "built-in" : "version " + version, row.get("subject"));
                    }
                    out.flush();
                }
                return 0;
            });
        }
    }

    /** {@code crm campaigns templates preview NAME [--language TAG]}. */
    @Command(name = "preview", mixinStandardHelpOptions = true,
            description = "Renders the template a recipient of the language gets (its own, its primary language's, "
                    + "or the fallback) with a sample record, without sending anything.")
    static final class Preview implements Callable<Integer> {
        @Spec
        private CommandSpec spec;
        @Mixin
        private StoreOptions store = new StoreOptions();
        @Parameters(index = "0", paramLabel = "NAME", description = "The template's name.")
        private String name;
        @Option(names = "--language", paramLabel = "TAG", defaultValue = "",
                description = "The recipient's language (de-AT falls back to de, then to the fallback).")
        private String language;
        @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
                description = "text (default) or json: {name, asked, language, subject, body, sample}.")
        private OutputFormat format;

        @Override
        public Integer call() {
            return StoreAccess.readAll(store, spec, (crm, description) -> {
                TemplateLibrary library = editable(crm).library();
                Optional<MessageTemplate> found = library.find(name, language);
                if (found.isEmpty()) {
                    throw new ParameterException(spec.commandLine(), "NAME: no template '" + name
                            + "' for language '" + language + "' and no fallback in " + description);
                }
                RenderedMessage rendered = library.preview(found.get());
                PrintWriter out = spec.commandLine().getOut();
                Map<String, String> sample = TemplateVariables.standard().sample();
                if (format == OutputFormat.JSON) {
                    JsonOutput.print(out, JsonOutput.object("name", rendered.template(), "asked", language,
                            "language", rendered.language(), "subject", rendered.subject(), "body", rendered.body(),
                            "sample", sample));
                } else {
                    out.printf(Locale.ROOT, "template '%s' (%s) for language '%s', with the sample record of %s %s%n",
                            rendered.template(), languageName(rendered.language()), language,
                            sample.get("first_name"), sample.get("last_name"));
                    out.println("Subject: " + rendered.subject());
                    out.println();
                    out.println(rendered.body());
                    out.flush();
                }
                return 0;
            });
        }
    }

    private static String languageName(String language) {
        return language.isEmpty() ? "fallback" : language;
    }

    /** A refused template as a usage error naming the option, the rule and every problem. */
    private static ParameterException invalid(CommandSpec spec, ValidationException e) {
        String field = e.violations().get(0).field();
        String option = switch (field) {
            case "name" -> "NAME";
            case "language" -> "--language";
            case "subject" -> "--subject";
            case "body" -> "--body";
            default -> field;
        };
        // the first problem in full, the others by field and rule: one line that stays readable
        dev.crmkit.core.kernel.Violation first = e.violations().get(0);
        String others = String.join(", ", e.violations().stream().skip(1).map(v -> v.field() + " breaks rule "
                + v.rule()).toList());
        return new ParameterException(spec.commandLine(), option + ": the template is not valid, nothing stored: "
                + first.field() + " breaks rule " + first.rule() + ": " + first.message()
                + (others.isEmpty() ? "" : "; also " + others));
    }
}
