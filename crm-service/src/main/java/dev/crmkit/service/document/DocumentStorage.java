package dev.crmkit.service.document;

import java.io.InputStream;

/**
 * The port through which the host stores documents' bytes (a file system, an object store): crmkit passes the bytes
 * through once, to count and checksum them, and keeps only the returned key with the metadata. Implementations are
 * thread-safe.
 */
public interface DocumentStorage {

    /**
     * Stores the bytes and returns the key to find them by.
     *
     * @param fileName  the document's name
     * @param mediaType its media type
     * @param bytes     its content, read to the end by the storage
     * @throws java.io.UncheckedIOException if the bytes cannot be stored
     */
    String store(String fileName, String mediaType, InputStream bytes);
}
