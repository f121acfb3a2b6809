package dev.crmkit.service.document;

import dev.crmkit.core.kernel.ValidationException;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What crmkit keeps of a document: where the host stored it, what it is, its size and its SHA-256 checksum (64
 * lower-case hex digits), never its bytes. The checksum lets anyone holding the bytes later prove they are the ones
 * recorded. Immutable and thread-safe.
 *
 * @param storageKey where the host's {@link DocumentStorage} keeps the bytes
 * @param kind       what it is
 * @param fileName   the name it was given
 * @param mediaType  its media type ({@code image/jpeg})
 * @param size       its length in bytes
 * @param sha256     its SHA-256 checksum in lower-case hex
 */
public record DocumentRef(String storageKey, DocumentKind kind, String fileName, String mediaType, long size,
                          String sha256) {

    private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");

    /**
     * Checks the parts.
     *
     * @throws ValidationException if the checksum is not 64 lower-case hex digits or the size negative
     */
    public DocumentRef {
        Objects.requireNonNull(storageKey, "storageKey");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(sha256, "sha256");
        if (!HEX_64.matcher(sha256).matches()) {
            throw ValidationException.of("sha256", "pattern", "must be 64 lower-case hex digits");
        }
        if (size < 0) {
            throw ValidationException.of("size", "min", "must be greater than or equal to 0");
        }
    }
}
