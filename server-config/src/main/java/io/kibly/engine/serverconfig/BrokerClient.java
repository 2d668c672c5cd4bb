package io.kibly.engine.serverconfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * The broker account corporate systems connect with over TCP (commands in, events out): not OpenMQ's default
 * admin/admin or guest/guest. The name and password come from {@code KIBLY_BROKER_CLIENT_USER} and
 * {@code KIBLY_BROKER_CLIENT_PASSWORD}; without them the password is generated once and kept, readable by its
 * owner only, in the work directory.
 */
public record BrokerClient(String user, String password, Path passwordFile) {

    static final String DEFAULT_USER = "kibly-corporate";

    public static BrokerClient of(Map<String, String> environment, Path workDirectory) {
        String user = environment.getOrDefault("KIBLY_BROKER_CLIENT_USER", DEFAULT_USER);
        Path file = workDirectory.resolve("broker/client.password");
        String configured = environment.get("KIBLY_BROKER_CLIENT_PASSWORD");
        if (configured != null && !configured.isBlank()) {
            return new BrokerClient(user, configured, null);
        }
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, HexFormat.of().formatHex(new SecureRandom().generateSeed(16)));
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return new BrokerClient(user, Files.readString(file).strip(), file);
        } catch (IOException e) {
            throw new LauncherException("Cannot create or read the broker client password in " + file, e);
        }
    }

    @Override
    public String toString() {
        return user + (passwordFile == null ? " (password from KIBLY_BROKER_CLIENT_PASSWORD)"
                : " (password in " + passwordFile + ")");
    }
}
