package io.portcullis.ca.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A generated secret kept in a 0600 file, created at most once even when several server
 * instances start together on one data directory: the content is written to a private temporary
 * file and then hard-linked into place, which fails atomically if another process won the race.
 */
public final class SecretFile {

    private final Path path;

    public SecretFile(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    public boolean exists() {
        return Files.exists(path);
    }

    /** Reads the secret, generating 32 random bytes (base64url) if the file does not exist yet. */
    public String readOrCreate(SecureRandom random) {
        if (!Files.exists(path)) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            createOnce(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        }
        return read();
    }

    /** Writes {@code secret} unless the file already exists; returns whether this call created it. */
    public boolean createOnce(String secret) {
        Path temp = null;
        try {
            Files.createDirectories(path.getParent());
            temp = Files.createTempFile(path.getParent(), ".secret", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, secret + "\n", StandardCharsets.UTF_8);
            Files.createLink(path, temp);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write secret file " + path, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    public String read() {
        try {
            return Files.readString(path, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read secret file " + path, e);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // The secret itself is in place; a stray temporary file is only clutter.
            System.getLogger(SecretFile.class.getName()).log(System.Logger.Level.WARNING, "cannot delete " + temp, e);
        }
    }
}
