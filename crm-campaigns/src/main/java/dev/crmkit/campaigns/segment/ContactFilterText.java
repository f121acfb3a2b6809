package dev.crmkit.campaigns.segment;

import dev.crmkit.core.contact.MarketingConsent;
import dev.crmkit.core.kernel.ValidationException;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.scoring.LifecycleStage;
import dev.crmkit.core.scoring.Temperature;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link ContactFilter} as one line of text and back, how segment stores keep a definition:
 * {@code all(consent(GRANTED), not(owner-team("sales")), interacted-since("2026-01-01T00:00:00Z"))}. Conditions:
 * {@code consent(STATUS)}, {@code language("tag")}, {@code owner("user")}, {@code no-owner()},
 * {@code created-before("instant")}, {@code lead-status(STATUS, ...)}, {@code score-at-least(N)},
 * {@code temperature(T)}, {@code stage(S)}, {@code owner-team("team")}, {@code interacted-since("instant")},
 * {@code field-present("key")}, {@code field-text("key", "text")}, {@code field-contains("key", "text")},
 * {@code field-number("key", COMPARISON, "decimal")}, {@code field-date("key", COMPARISON, "2026-01-31")},
 * {@code field-date-relative("key", COMPARISON, days)}, {@code rfm-segment(SEGMENT, ...)},
 * {@code ordered-within(days)}, {@code no-order-for(days)}, {@code never-ordered()}, {@code birthday-within(days)},
 * {@code birthday-from("2026-03-01", days)}, {@code all(...)}, {@code any(...)}, {@code not(f)}. Strings are in double quotes with {@code \"} and {@code \\}
 * escaped; enum sets are written in their declaration order, so {@code read(write(f))} equals {@code f} and
 * {@code write} is canonical. Thread-safe.
 */
public final class ContactFilterText {

    private ContactFilterText() {
    }

    /** The filter as text. */
    public static String write(ContactFilter filter) {
        StringBuilder out = new StringBuilder();
        write(Objects.requireNonNull(filter, "filter"), out);
        return out.toString();
    }

    private static void write(ContactFilter filter, StringBuilder out) {
        if (filter instanceof ContactFilter.ConsentIs f) {
            out.append("consent(").append(f.status().name()).append(')');
        } else if (filter instanceof ContactFilter.LanguageIs f) {
            call(out, "language", f.tag());
        } else if (filter instanceof ContactFilter.OwnerIs f) {
            call(out, "owner", f.userId());
        } else if (filter instanceof ContactFilter.NoOwner) {
            out.append("no-owner()");
        } else if (filter instanceof ContactFilter.CreatedBefore f) {
            call(out, "created-before", f.at().toString());
        } else if (filter instanceof ContactFilter.LeadStatusIn f) {
            out.append("lead-status(").append(String.join(", ", f.statuses().stream()
                    .sorted(Comparator.naturalOrder()).map(Enum::name).toList())).append(')');
        } else if (filter instanceof ContactFilter.ScoreAtLeast f) {
            out.append("score-at-least(").append(f.points()).append(')');
        } else if (filter instanceof ContactFilter.TemperatureIs f) {
            out.append("temperature(").append(f.temperature().name()).append(')');
        } else if (filter instanceof ContactFilter.StageIs f) {
            out.append("stage(").append(f.stage().name()).append(')');
        } else if (filter instanceof ContactFilter.OwnerTeamIs f) {
            call(out, "owner-team", f.teamId());
        } else if (filter instanceof ContactFilter.InteractedSince f) {
            call(out, "interacted-since", f.at().toString());
        } else if (filter instanceof ContactFilter.FieldPresent f) {
            call(out, "field-present", f.key());
        } else if (filter instanceof ContactFilter.FieldTextIs f) {
            field(out, "field-text", f.key()).append(", ");
            quoted(out, f.text()).append(')');
        } else if (filter instanceof ContactFilter.FieldTextContains f) {
            field(out, "field-contains", f.key()).append(", ");
            quoted(out, f.text()).append(')');
        } else if (filter instanceof ContactFilter.FieldNumber f) {
            field(out, "field-number", f.key()).append(", ").append(f.comparison().name()).append(", ");
            quoted(out, f.value().toPlainString()).append(')');
        } else if (filter instanceof ContactFilter.FieldDate f) {
            field(out, "field-date", f.key()).append(", ").append(f.comparison().name()).append(", ");
            quoted(out, f.day().toString()).append(')');
        } else if (filter instanceof ContactFilter.FieldDateRelative f) {
            field(out, "field-date-relative", f.key()).append(", ").append(f.comparison().name()).append(", ")
                    .append(f.days()).append(')');
        } else if (filter instanceof ContactFilter.RfmSegmentIn f) {
            out.append("rfm-segment(").append(String.join(", ", f.segments().stream()
                    .sorted(Comparator.naturalOrder()).map(Enum::name).toList())).append(')');
        } else if (filter instanceof ContactFilter.OrderedWithin f) {
            out.append("ordered-within(").append(f.days()).append(')');
        } else if (filter instanceof ContactFilter.NoOrderFor f) {
            out.append("no-order-for(").append(f.days()).append(')');
        } else if (filter instanceof ContactFilter.NeverOrdered) {
            out.append("never-ordered()");
        } else if (filter instanceof ContactFilter.BirthdayWithin f) {
            out.append("birthday-within(").append(f.days()).append(')');
        } else if (filter instanceof ContactFilter.BirthdayFrom f) {
            quoted(out.append("birthday-from("), f.day().toString()).append(", ").append(f.days()).append(')');
        } else if (filter instanceof ContactFilter.AllOf f) {
            list(out, "all", f.filters());
        } else if (filter instanceof ContactFilter.AnyOf f) {
            list(out, "any", f.filters());
        } else if (filter instanceof ContactFilter.Not f) {
            list(out, "not", List.of(f.filter()));
        } else {
            throw new IllegalArgumentException("unknown filter " + filter);
        }
    }

    private static StringBuilder field(StringBuilder out, String name, String key) {
        return quoted(out.append(name).append('('), key);
    }

    private static StringBuilder quoted(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '"' || ch == '\\') {
                out.append('\\');
            }
            out.append(ch);
        }
        return out.append('"');
    }

    private static void call(StringBuilder out, String name, String value) {
        quoted(out.append(name).append('('), value).append(')');
    }

    private static void list(StringBuilder out, String name, List<ContactFilter> filters) {
        out.append(name).append('(');
        for (int i = 0; i < filters.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            write(filters.get(i), out);
        }
        out.append(')');
    }

    /**
     * The filter the text describes.
     *
     * @throws ValidationException naming {@code filter} with the rule {@code syntax} and the position when the text is
     *                             not a filter or nests conditions deeper than {@value #MAX_DEPTH}, or the rule
     *                             of the condition whose value is refused
     */
    public static ContactFilter read(String text) {
        Parser p = new Parser(Objects.requireNonNull(text, "text"));
        ContactFilter f = p.filter();
        p.blanks();
        if (p.at < text.length()) {
            throw p.error("unexpected text after the filter");
        }
        return f;
    }

    /** How deep conditions may nest in a filter's text (all, any, not inside each other). */
    public static final int MAX_DEPTH = 64;

    private static final class Parser {
        private final String text;
        private int at;
        private int depth;

        Parser(String text) {
            this.text = text;
        }

        ContactFilter filter() {
            blanks();
            int start = at;
            while (at < text.length() && (Character.isLetter(text.charAt(at)) || text.charAt(at) == '-')) {
                at++;
            }
            String name = text.substring(start, at);
            expect('(');
            if (++depth > MAX_DEPTH) {
                throw error("conditions nested deeper than " + MAX_DEPTH);
            }
            ContactFilter f = switch (name) {
                case "consent" -> new ContactFilter.ConsentIs(constant(MarketingConsent.Status.class));
                case "language" -> new ContactFilter.LanguageIs(string());
                case "owner" -> new ContactFilter.OwnerIs(string());
                case "no-owner" -> new ContactFilter.NoOwner();
                case "created-before" -> new ContactFilter.CreatedBefore(instant());
                case "lead-status" -> new ContactFilter.LeadStatusIn(constants(LeadStatus.class));
                case "score-at-least" -> new ContactFilter.ScoreAtLeast(number());
                case "temperature" -> new ContactFilter.TemperatureIs(constant(Temperature.class));
                case "stage" -> new ContactFilter.StageIs(constant(LifecycleStage.class));
                case "owner-team" -> new ContactFilter.OwnerTeamIs(string());
                case "interacted-since" -> new ContactFilter.InteractedSince(instant());
                case "field-present" -> new ContactFilter.FieldPresent(string());
                case "field-text" -> new ContactFilter.FieldTextIs(string(), comma().string());
                case "field-contains" -> new ContactFilter.FieldTextContains(string(), comma().string());
                case "field-number" -> new ContactFilter.FieldNumber(string(),
                        comma().constant(ContactFilter.Comparison.class), comma().decimal());
                case "field-date" -> new ContactFilter.FieldDate(string(),
                        comma().constant(ContactFilter.Comparison.class), comma().day());
                case "field-date-relative" -> new ContactFilter.FieldDateRelative(string(),
                        comma().constant(ContactFilter.Comparison.class), comma().number());
                case "rfm-segment" -> new ContactFilter.RfmSegmentIn(constants(dev.crmkit.metrics.rfm.Segment.class));
                case "ordered-within" -> new ContactFilter.OrderedWithin(number());
                case "no-order-for" -> new ContactFilter.NoOrderFor(number());
                case "never-ordered" -> new ContactFilter.NeverOrdered();
                case "birthday-within" -> new ContactFilter.BirthdayWithin(number());
                case "birthday-from" -> new ContactFilter.BirthdayFrom(day(), comma().number());
                case "all" -> new ContactFilter.AllOf(filters());
                case "any" -> new ContactFilter.AnyOf(filters());
                case "not" -> new ContactFilter.Not(filter());
                default -> throw error("unknown condition '" + name + "'");
            };
            expect(')');
            depth--;
            return f;
        }

        private List<ContactFilter> filters() {
            List<ContactFilter> out = new ArrayList<>();
            blanks();
            if (peek(')')) {
                return out;
            }
            out.add(filter());
            while (true) {
                blanks();
                if (!peek(',')) {
                    return out;
                }
                at++;
                out.add(filter());
            }
        }

        private <E extends Enum<E>> E constant(Class<E> type) {
            String word = word();
            try {
                return Enum.valueOf(type, word);
            } catch (IllegalArgumentException e) {
                throw error("'" + word + "' is not one of " + EnumSet.allOf(type));
            }
        }

        private <E extends Enum<E>> Set<E> constants(Class<E> type) {
            Set<E> out = EnumSet.noneOf(type);
            blanks();
            if (peek(')')) {
                return out;
            }
            out.add(constant(type));
            while (true) {
                blanks();
                if (!peek(',')) {
                    return out;
                }
                at++;
                out.add(constant(type));
            }
        }

        private int number() {
            String word = word();
            try {
                return Integer.parseInt(word);
            } catch (NumberFormatException e) {
                throw error("'" + word + "' is not a whole number");
            }
        }

        private Parser comma() {
            expect(',');
            return this;
        }

        private java.math.BigDecimal decimal() {
            int start = at;
            String value = string();
            try {
                return new java.math.BigDecimal(value);
            } catch (NumberFormatException e) {
                at = start;
                throw error("'" + value + "' is not a decimal number such as 12.5");
            }
        }

        private java.time.LocalDate day() {
            int start = at;
            String value = string();
            try {
                return java.time.LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                at = start;
                throw error("'" + value + "' is not a day such as 2026-01-31");
            }
        }

        private Instant instant() {
            int start = at;
            String value = string();
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                at = start;
                throw error("'" + value + "' is not an instant such as 2026-01-01T00:00:00Z");
            }
        }

        private String word() {
            blanks();
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_'
                    || text.charAt(at) == '-')) {
                at++;
            }
            if (start == at) {
                throw error("a value is missing");
            }
            return text.substring(start, at);
        }

        private String string() {
            blanks();
            expect('"');
            StringBuilder out = new StringBuilder();
            while (at < text.length() && text.charAt(at) != '"') {
                char ch = text.charAt(at++);
                if (ch == '\\' && at < text.length()) {
                    ch = text.charAt(at++);
                }
                out.append(ch);
            }
            expect('"');
            return out.toString();
        }

        private void expect(char ch) {
            if (ch != '"') {
                blanks();
            }
            if (!peek(ch)) {
                throw error("'" + ch + "' expected");
            }
            at++;
        }

        private boolean peek(char ch) {
            return at < text.length() && text.charAt(at) == ch;
        }

        void blanks() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        ValidationException error(String message) {
            return ValidationException.of("filter", "syntax", message + " at position " + at + " of: " + text);
        }
    }
}
