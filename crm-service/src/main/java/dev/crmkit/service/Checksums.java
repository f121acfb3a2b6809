package dev.crmkit.service;

import dev.crmkit.service.document.DocumentKind;
import dev.crmkit.service.document.DocumentRef;
import dev.crmkit.service.document.DocumentStorage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/** Passes a document's bytes to the host's storage once, counting and checksumming them (SHA-256) on the way. */
final class Checksums {

    private Checksums() {
    }

    static DocumentRef store(DocumentStorage storage, DocumentKind kind, String fileName, String mediaType,
                             InputStream bytes) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        MessageDigest sha256 = sha256();
        Counting counting = new Counting(new DigestInputStream(Objects.requireNonNull(bytes, "bytes"), sha256));
        String key = storage.store(fileName, mediaType, counting);
        try {
            counting.transferTo(java.io.OutputStream.nullOutputStream()); // what the storage left unread still counts
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the document " + fileName, e);
        }
        return new DocumentRef(key, kind, fileName, mediaType, counting.count,
                HexFormat.of().formatHex(sha256.digest()));
    }

    /** The SHA-256 of bytes, in lower-case hex: to check bytes against a {@link DocumentRef}. */
    static String sha256Of(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buffer = new byte[8192];
            long skipped = 0;
            while (skipped < n) {
                int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
                if (r < 0) {
                    break;
                }
                skipped += r;
            }
            return skipped;
        }
    }
}
