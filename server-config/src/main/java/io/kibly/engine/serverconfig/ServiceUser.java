package io.kibly.engine.serverconfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The unprivileged account the servers run as. PostgreSQL refuses root, and Payara must not have it: when the
 * launcher is root (CI, containers), servers run as {@code nobody} through {@code setpriv}, and the directories
 * they write are handed to that account. As any other user, everything runs as that user.
 */
final class ServiceUser {

    private static final int NOBODY = 65534;

    private ServiceUser() {
    }

    static boolean launcherIsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The command, run as the service account. */
    static List<String> wrap(List<String> command) {
        if (!launcherIsRoot()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY,
                "--clear-groups", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Gives {@code path} (recursively) to the service account. */
    static void handOver(Path path) {
        if (!launcherIsRoot()) {
            return;
        }
        Processes.runOrFail(List.of("chown", "-R", NOBODY + ":" + NOBODY, path.toString()), null, Map.of(), 300);
    }

    /**
     * Where a server's files can live under {@code preferred}: as root they must be reachable by the service
     * account, so a directory under a private one (e.g. {@code /root}) moves under {@code /var/tmp/<kind>}.
     */
    static Path homeFor(Path preferred, String kind) {
        Path absolute = preferred.toAbsolutePath().normalize();
        if (!launcherIsRoot() || traversableByOthers(absolute.getParent())) {
            return absolute;
        }
        return Path.of("/var/tmp", kind, Integer.toHexString(absolute.toString().hashCode()));
    }

    private static boolean traversableByOthers(Path directory) {
        for (Path p = directory; p != null; p = p.getParent()) {
            try {
                if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)
                        && !Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
