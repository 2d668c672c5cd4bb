package io.kibly.engine.serverconfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * A secret generated once and kept in a file only its owner can read (the launcher's account): the vault key,
 * the Payara administrator's and the broker accounts' passwords. Never printed; callers say where it is.
 */
final class KeptSecret {

    private static final SecureRandom RANDOM = new SecureRandom();

    private KeptSecret() {
    }

    /** The secret in {@code file}, made by {@code generator} the first time. */
    static String ensure(Path file, Supplier<String> generator) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Path partial = file.resolveSibling(file.getFileName() + ".partial");
                Files.deleteIfExists(partial);
                Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(partial, generator.get());
                Files.move(partial, file);
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new LauncherException("Cannot create or read the secret in " + file, e);
        }
    }

    /** A random password of 32 hex digits (no characters that asadmin or imqusermgr would read specially). */
    static String ensurePassword(Path file) {
        return ensure(file, KeptSecret::newPassword);
    }

    /** Whether the secret exists already (a first start prints the new ones). */
    static boolean exists(Path file) {
        return Files.exists(file);
    }

    static String newPassword() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
