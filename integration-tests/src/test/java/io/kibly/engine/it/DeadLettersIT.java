package io.kibly.engine.it;

import static io.kibly.engine.it.WorkersIT.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.JMSContext;
import jakarta.jms.MapMessage;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A message no worker can process is redelivered a bounded number of times, then parked on the broker's dead
 * message queue, where operators see it with its reason (and only its own tenant sees it). The poison message is
 * sent from outside the server, with the OpenMQ client over TCP.
 */
@ExtendWith(ArquillianExtension.class)
class DeadLettersIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.engine();
    }

    @Test
    void aPoisonMessageIsParkedAfterItsRedeliveriesAndShownToItsTenantWithTheReason() throws Exception {
        EngineClient operator = EngineClient.forNewTenant("poison");
        String jobId = UUID.randomUUID().toString();
        try (ExternalJms client = ExternalJms.asServer()) {
            JMSContext context = client.context();
            MapMessage poison = context.createMapMessage();
            poison.setString("tenantId", operator.tenant());
            poison.setString("jobId", jobId); // and no step: no worker can read it
            context.createProducer().send(context.createQueue("kibly_import_transactions"), poison);
        }

        JsonArray parked = await(() -> operator.get("/api/dead-letters").jsonArray(), list -> !list.isEmpty(),
                Duration.ofSeconds(60));
        JsonObject letter = parked.getJsonObject(0);
        assertEquals(jobId, letter.getString("jobId"));
        assertTrue(letter.getString("queue", "").contains("kibly_import_transactions"), letter.toString());
        assertTrue(letter.getString("reason").length() > 0, letter.toString());
        assertEquals(1, parked.size(), "parked once, not looping");
        assertEquals(0, EngineClient.forNewTenant("not-poison").get("/api/dead-letters").jsonArray().size());
        IntegrationsApiIT.assertProblem(operator.withRoles("VIEWER").get("/api/dead-letters"), 403);

        // and the console shows it, with the reason
        org.openqa.selenium.WebDriver browser = ConsoleBrowser.start();
        try {
            browser.get(System.getProperty("kibly.it.baseUrl") + "/admin/index.html");
            browser.findElement(org.openqa.selenium.By.id("token")).sendKeys(operator.token());
            browser.findElement(org.openqa.selenium.By.id("use-token")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(30)).until(
                    org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(
                            org.openqa.selenium.By.id("dead-letters"), "kibly_import_transactions"));
            ConsoleBrowser.screenshot(browser, "7-parked-message");
        } finally {
            browser.quit();
        }
    }
}
