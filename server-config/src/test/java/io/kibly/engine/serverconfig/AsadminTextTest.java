package io.kibly.engine.serverconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class AsadminTextTest {

    @Test
    void propertyValuesAreEscapedForAsadmin() {
        assertEquals("p\\:a\\=ss\\\\", PayaraServer.escape("p:a=ss\\"));
    }

    @Test
    void passwordsOnACommandLineAreRedacted() {
        String shown = Processes.redact(List.of("asadmin", "set",
                "resources.jdbc-connection-pool.kibly-pool.property.password=hunter2", "--port", "8048"));

        assertFalse(shown.contains("hunter2"), shown);
        assertEquals("asadmin set resources.jdbc-connection-pool.kibly-pool.property.password=***** --port 8048", shown);
    }
}
