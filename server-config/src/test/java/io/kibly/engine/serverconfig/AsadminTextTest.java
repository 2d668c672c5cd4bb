package io.kibly.engine.serverconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class AsadminTextTest {

    @Test
    void settingsThatAsadminWouldSplitOrUnquoteAreRefused() {
        assertEquals("file:/tmp/key.pem", PayaraServer.checked("key", "file:/tmp/key.pem"));
        assertThrows(LauncherException.class, () -> PayaraServer.checked("password", "two words"));
        assertThrows(LauncherException.class, () -> PayaraServer.checked("password", "quo\"te"));
        assertEquals("", PayaraServer.checked("password", ""));
    }

    @Test
    void passwordsOnACommandLineAreRedacted() {
        String shown = Processes.redact(List.of("asadmin", "set",
                "resources.jdbc-connection-pool.kibly-pool.property.password=hunter2", "--port", "8048"));

        assertFalse(shown.contains("hunter2"), shown);
        assertEquals("asadmin set resources.jdbc-connection-pool.kibly-pool.property.password=***** --port 8048", shown);
    }
}
