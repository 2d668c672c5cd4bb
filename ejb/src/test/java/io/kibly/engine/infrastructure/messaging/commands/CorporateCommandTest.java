package io.kibly.engine.infrastructure.messaging.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kibly.engine.domain.model.sync.SyncType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CorporateCommandTest {

    private static final String INTEGRATION = "3f1c2a9e-5d4b-4c1e-9a57-0b6f2d8e4a11";

    @Test
    void theDocumentedExamplesAreValidCommands() throws Exception {
        Path examples = Path.of("..", "docs", "jms", "commands");
        CorporateCommand trigger = CorporateCommand.parse(Files.readString(examples.resolve("TriggerSync.example.json")));
        CorporateCommand.TriggerSync sync = assertInstanceOf(CorporateCommand.TriggerSync.class, trigger);
        assertEquals(UUID.fromString(INTEGRATION), sync.integrationId());
        assertEquals(SyncType.FULL, sync.syncType());
        assertInstanceOf(CorporateCommand.CancelSync.class,
                CorporateCommand.parse(Files.readString(examples.resolve("CancelSync.example.json"))));
        assertInstanceOf(CorporateCommand.RetrySync.class,
                CorporateCommand.parse(Files.readString(examples.resolve("RetrySync.example.json"))));
    }

    @Test
    void triggerSyncDefaultsToAnIncrementalSyncAtPriorityFour() {
        CorporateCommand.TriggerSync sync = (CorporateCommand.TriggerSync) CorporateCommand.parse(
                "{\"type\":\"TriggerSync\",\"commandId\":\"c-1\",\"integrationId\":\"" + INTEGRATION
                        + "\",\"dateFrom\":\"2026-01-01\",\"dateTo\":\"2026-06-30\"}");
        assertEquals(SyncType.INCREMENTAL, sync.syncType());
        assertEquals(4, sync.priority());
        assertEquals(LocalDate.of(2026, 1, 1), sync.dateFrom());
        assertEquals("c-1", sync.commandId());
    }

    @Test
    void anythingElseIsRefusedWithTheReason() {
        assertRefused(null, "no body");
        assertRefused("not json", "not valid JSON");
        assertRefused("[1,2]", "JSON object");
        assertRefused("{\"a\":".repeat(1_500) + "1" + "}".repeat(1_500), "not valid JSON");
        assertRefused("{\"type\":\"DropTables\",\"commandId\":\"c\"}", "DropTables");
        assertRefused("{\"type\":\"CancelSync\",\"jobId\":\"" + INTEGRATION + "\"}", "commandId is required");
        assertRefused("{\"type\":\"CancelSync\",\"commandId\":\"has space\",\"jobId\":\"" + INTEGRATION + "\"}",
                "commandId must be");
        assertRefused("{\"type\":\"CancelSync\",\"commandId\":\"c\",\"jobId\":\"42\"}", "jobId must be a UUID");
        assertRefused("{\"type\":\"CancelSync\",\"commandId\":\"c\",\"jobId\":\"" + INTEGRATION + "\",\"force\":true}",
                "Unknown field 'force'");
        assertRefused(trigger(",\"syncType\":\"EVERYTHING\""), "syncType");
        assertRefused(trigger(",\"priority\":10"), "priority");
        assertRefused(trigger(",\"priority\":1.5"), "priority");
        assertRefused(trigger(",\"dateFrom\":\"2026-02-30\""), "dateFrom");
        assertRefused(trigger(",\"dateFrom\":\"2026-03-01\",\"dateTo\":\"2026-02-01\""), "not be after");
        assertRefused("{\"type\":\"TriggerSync\",\"commandId\":\"c\"}", "integrationId is required");
        assertRefused("{\"type\":\"TriggerSync\",\"commandId\":\"" + "x".repeat(20_000) + "\"}", "larger than");
    }

    @Test
    void aPriorityBeyondTheLongRangeIsRefusedNotWrapped() {
        // 2^64 + 9: longValue() wraps it to 9
        assertRefused(trigger(",\"priority\":18446744073709551625"), "priority");
        assertRefused(trigger(",\"priority\":-18446744073709551616"), "priority");
        assertRefused(trigger(",\"priority\":1e40"), "priority");
    }

    @Test
    void aDateOfAYearTheDatabaseCannotStoreIsRefused() {
        assertRefused(trigger(",\"dateFrom\":\"+999999999-12-31\""), "dateFrom must be in the years 1 to 9999");
        assertRefused(trigger(",\"dateTo\":\"0000-01-01\""), "dateTo must be in the years");
    }

    @Test
    void textPostgresqlCannotStoreIsRefusedWithoutEchoingIt() {
        assertRefused("{\"type\":\"Drop\\u0000\",\"commandId\":\"c\"}", "type must not contain the character U+0000");
        assertRefused(trigger(",\"x\\u0000\":1"), "a field name must not contain");
        assertRefused(trigger(",\"syncType\":\"\\ud800\""), "syncType must not contain");
        InvalidCommandException refused = assertThrows(InvalidCommandException.class,
                () -> CorporateCommand.parse(trigger(",\"bad\\u0000\":1")));
        assertTrue(refused.getMessage().indexOf('\u0000') < 0, refused.getMessage());
    }

    private static String trigger(String extra) {
        return "{\"type\":\"TriggerSync\",\"commandId\":\"c\",\"integrationId\":\"" + INTEGRATION + "\"" + extra + "}";
    }

    private static void assertRefused(String body, String reason) {
        InvalidCommandException refused = assertThrows(InvalidCommandException.class, () -> CorporateCommand.parse(body));
        assertTrue(refused.getMessage().contains(reason), refused.getMessage() + " should mention " + reason);
    }
}
