package dev.crmkit.core.idempotency;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The recorded text of an outcome: a kind and ids (or short texts), separated by spaces, which a command writes with
 * {@link #of} and reads back with {@link #parse}. Immutable and thread-safe.
 *
 * @param kind  the outcome's kind, for example {@code new-contact}
 * @param parts its ids or texts, none blank or containing a space or a control character; {@code -} for an absent one
 */
public record OutcomeText(String kind, List<String> parts) {

    /** Copies the parts. */
    public OutcomeText {
        parts = List.copyOf(parts);
    }

    /** An outcome text of a kind and parts; an empty optional part is written as {@code -}. */
    public static OutcomeText of(String kind, Object... parts) {
        List<String> texts = new ArrayList<>();
        for (Object part : parts) {
            String text = part instanceof Optional<?> o ? o.map(String::valueOf).orElse("-") : String.valueOf(part);
            if (text.isEmpty() || text.chars().anyMatch(c -> c == ' ' || Character.isISOControl(c))) {
                throw new IllegalArgumentException("an outcome part must be non-empty, without spaces: '" + text + "'");
            }
            texts.add(text);
        }
        return new OutcomeText(kind, texts);
    }

    /** Reads a text written by {@link #text()}. */
    public static OutcomeText parse(String text) {
        String[] words = text.split(" ");
        return new OutcomeText(words[0], Arrays.asList(words).subList(1, words.length));
    }

    /** The text to record. */
    public String text() {
        return parts.isEmpty() ? kind : kind + " " + String.join(" ", parts);
    }

    /** Any text as one part: {@code ~} and its URL encoding, so it holds no space and is never empty. */
    public static String encode(String text) {
        return "~" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Any optional text as one part: {@code -} when absent, else {@link #encode}d. */
    public static String encode(Optional<String> text) {
        return text.map(OutcomeText::encode).orElse("-");
    }

    /** A part written by {@link #encode(String)}. */
    public String text(int index) {
        return URLDecoder.decode(parts.get(index).substring(1), StandardCharsets.UTF_8);
    }

    /** A part written by {@link #encode(Optional)}. */
    public Optional<String> optionalText(int index) {
        return parts.get(index).equals("-") ? Optional.empty() : Optional.of(text(index));
    }

    /** A part as a UUID. */
    public UUID id(int index) {
        return UUID.fromString(parts.get(index));
    }

    /** An optional part mapped from its UUID; empty when written as {@code -}. */
    public <T> Optional<T> optionalId(int index, Function<UUID, T> map) {
        String part = parts.get(index);
        return part.equals("-") ? Optional.empty() : Optional.of(map.apply(UUID.fromString(part)));
    }

    /** The record a replay needs, or a clear error if it is no longer stored (deleted since, for example). */
    public static <T> T stored(Optional<T> found, String what, Object id) {
        return found.orElseThrow(() -> new IllegalStateException("the first call with this idempotency key "
                + "created or changed " + what + " " + id + ", which is no longer stored"));
    }
}
