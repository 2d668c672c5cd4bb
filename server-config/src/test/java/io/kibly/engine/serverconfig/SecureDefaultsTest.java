package io.kibly.engine.serverconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecureDefaultsTest {

    @Test
    void tenantsNeverShareAnEventsTopic() {
        assertEquals("kibly_events_acme", BrokerSecurity.eventsTopic("acme"));
        assertEquals("kibly_events_acme_heu", BrokerSecurity.eventsTopic("acme-eu"));
        assertNotEquals(BrokerSecurity.eventsTopic("a-b"), BrokerSecurity.eventsTopic("a_hb"));
        assertNotEquals(BrokerSecurity.eventsTopic("a_b"), BrokerSecurity.eventsTopic("a-b"));
        assertTrue(BrokerSecurity.eventsTopic("x-y_z").matches("[A-Za-z0-9_]+"), "an OpenMQ name");
    }

    @Test
    void theAccessControlGivesEachTenantItsOwnTopicAndTheCommandQueueOnly() {
        String acl = BrokerSecurity.accessControl(List.of("acme", "beta-co"));
        List<String> lines = acl.lines().toList();
        assertTrue(lines.contains("topic.kibly_events_acme.consume.allow.user=kibly-tenant-acme"), acl);
        assertTrue(lines.contains("topic.kibly_events_beta_hco.consume.allow.user=kibly-tenant-beta-co"), acl);
        assertTrue(lines.contains("queue.kibly_commands.produce.allow.user=kibly-server,kibly-tenant-acme,kibly-tenant-beta-co"), acl);
        assertTrue(lines.contains("queue.*.consume.allow.user=kibly-server"), acl);
        assertTrue(lines.contains("topic.create.allow.user=kibly-server,kibly-tenant-acme,kibly-tenant-beta-co"), acl);
        assertTrue(lines.contains("queue.create.allow.user=kibly-server"), acl);
        assertFalse(acl.contains("=*"), "no grant to everyone: " + acl);
        assertFalse(acl.contains("anonymous"), acl);
    }

    @Test
    void theLauncherRefusesTheSandboxSecretsWhenARealProviderIsConfigured() {
        KiblyEnvironment.refuseSandboxSecretsForRealProviders(Map.of()); // the sandbox: fine
        LauncherException refused = assertThrows(LauncherException.class, () -> KiblyEnvironment
                .refuseSandboxSecretsForRealProviders(Map.of("KIBLY_XERO_API_URL", "https://api.xero.com",
                        "KIBLY_XERO_CLIENT_SECRET", "real-secret")));
        assertTrue(refused.getMessage().contains("KIBLY_WEBHOOKS_XERO_KEY"), refused.getMessage());
        KiblyEnvironment.refuseSandboxSecretsForRealProviders(Map.of("KIBLY_XERO_API_URL", "https://api.xero.com",
                "KIBLY_XERO_CLIENT_SECRET", "s", "KIBLY_WEBHOOKS_XERO_KEY", "k"));
        assertThrows(LauncherException.class, () -> KiblyEnvironment.refuseSandboxSecretsForRealProviders(Map.of(
                "KIBLY_QUICKBOOKS_API_URL", "https://quickbooks.api.intuit.com")));
        assertThrows(LauncherException.class, () -> KiblyEnvironment.refuseSandboxSecretsForRealProviders(Map.of(
                "KIBLY_XERO_API_URL", "https://api.xero.com", "KIBLY_XERO_CLIENT_SECRET", "kibly-sandbox-secret",
                "KIBLY_WEBHOOKS_XERO_KEY", "k")), "the published secret, set explicitly");
    }

    @Test
    void brokerUsersAreWrittenAsImqusermgrWritesThem() {
        // lines as imqusermgr writes them (a password it set; OpenMQ's own admin/admin, inactive here)
        assertEquals("kibly-tenant-corporate-refused-b400272f:-4ea657da5cc4e203692d81293a80e05f:user:1",
                BrokerSecurity.userLine("kibly-tenant-corporate-refused-b400272f", "214bf0618dcbbaf4173b33aebe714600",
                        "user", true));
        assertEquals("admin:-2d5455c8583c24eec82c7a1e273ea02e:admin:0", BrokerSecurity.userLine("admin", "admin", "admin",
                false));
    }
}
