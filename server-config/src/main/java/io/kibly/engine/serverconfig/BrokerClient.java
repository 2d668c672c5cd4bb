package io.kibly.engine.serverconfig;

import java.nio.file.Path;

/**
 * A broker account for one tenant's corporate systems (commands in, that tenant's events out): it may send to
 * the command queue and read only its own tenant's events topic; the broker enforces both
 * ({@link BrokerSecurity}). Its password is generated once and kept, readable by its owner only, in the work
 * directory.
 */
public record BrokerClient(String tenant, String user, String password, Path passwordFile, String eventsTopic) {

    @Override
    public String toString() {
        return user + " (password in " + passwordFile + "; events on topic " + eventsTopic + ")";
    }
}
