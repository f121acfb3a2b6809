package dev.crmkit.examples.cli.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The secret salt of the suppression list as the {@code crm} program keeps it: 32 random bytes, hex, in a file
 * beside the default database ({@code .crm/privacy-salt}) unless {@code --salt-file} names another. Made by the first
 * erasure; every command that captures reads it, so an erased person is flagged. Hosts embedding crmkit pass their
 * own salt from their configuration ({@code Crm.Builder.suppressionSalt}).
 */
public final class PrivacySalt {

    /** Where the salt is kept by default, relative to the working directory. */
    public static final Path DEFAULT_FILE = Path.of(".crm", "privacy-salt");

    private PrivacySalt() {
    }

    /** The salt in the file, if the file exists. */
    public static Optional<byte[]> existing(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String hex = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return Optional.of(HexFormat.of().parseHex(hex));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the privacy salt " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the privacy salt " + file + " is not hex text: " + e.getMessage(), e);
        }
    }

    /** The salt in the file, made (32 random bytes) when the file does not exist yet. */
    public static byte[] getOrCreate(Path file) {
        Optional<byte[]> known = existing(file);
        if (known.isPresent()) {
            return known.get();
        }
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                // readable by its owner only: with the salt, the hashes of phone numbers can be guessed
                Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, HexFormat.of().formatHex(salt) + "\n", StandardCharsets.US_ASCII,
                        StandardOpenOption.WRITE);
            } else {
                Files.writeString(file, HexFormat.of().formatHex(salt) + "\n", StandardCharsets.US_ASCII,
                        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the privacy salt " + file, e);
        }
        return salt;
    }
}
