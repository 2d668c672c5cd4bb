package io.kibly.engine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.logging.Logger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin console in a real browser (headless Chromium driven by Selenium): an operator connects an integration
 * through the sandbox's consent screen, runs a sync and watches it reach 100 %, and cancels another. Screenshots
 * are kept in {@code integration-tests/target/screenshots}.
 */
@ExtendWith(ArquillianExtension.class)
class AdminConsoleIT {

    private static final Logger LOG = Logger.getLogger(AdminConsoleIT.class.getName());
    private static final String CONSOLE = System.getProperty("kibly.it.baseUrl", "http://localhost:28080")
            + "/admin/index.html";
    private static final String QUICK = SandboxControl.organisation(2);
    private static final String SLOW = SandboxControl.organisation(6);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.engine();
    }

    @AfterEach
    void resetSandbox() {
        SandboxControl.reset();
    }

    @Test
    void anOperatorConnectsSyncsWatchesProgressAndCancelsInTheBrowser() throws Exception {
        SandboxControl.configure("{\"transactionCounts\":{\"" + QUICK + "\":4000,\"" + SLOW + "\":20000},"
                + "\"xeroLimits\":{\"perMinute\":1000}}");
        EngineClient admin = EngineClient.forNewTenant("console");
        String slowIntegration = ProviderConsent.connected(admin, "xero", "Slow books", SLOW);
        WebDriver browser = ConsoleBrowser.start();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            browser.get(CONSOLE);
            browser.findElement(By.id("token")).sendKeys(admin.token());
            browser.findElement(By.id("use-token")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("tr[data-integration-id='" + slowIntegration + "']")));

            // register and connect through the console and the provider's consent screen
            new Select(browser.findElement(By.id("register-provider"))).selectByValue("xero");
            browser.findElement(By.id("register-name")).sendKeys("Browser books");
            browser.findElement(By.id("register-button")).click();
            WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                    "//tbody[@id='integrations']/tr[td[contains(., 'Browser books')]]")));
            String integration = row.getAttribute("data-integration-id");
            row.findElement(By.cssSelector("button[data-action='connect']")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("organisation-form")));
            new Select(browser.findElement(By.id("organisation"))).selectByValue(QUICK);
            ConsoleBrowser.screenshot(browser, "1-choose-organisation");
            browser.findElement(By.id("choose-organisation")).click();
            wait.until(ExpectedConditions.urlContains("/admin/index.html"));
            WebElement connected = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("tr[data-integration-id='" + integration + "'][data-status='ACTIVE']")));
            ConsoleBrowser.screenshot(browser, "2-connected");

            // a full sync, watched live until 100 %
            connected.findElement(By.cssSelector("button[data-action='full-sync']")).click();
            WebElement job = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                    "//tbody[@id='jobs']/tr[contains(., 'Browser books') or @data-integration-id='" + integration + "']")));
            String jobId = job.getAttribute("data-job-id");
            new WebDriverWait(browser, Duration.ofSeconds(120)).until(ExpectedConditions.attributeToBe(
                    By.cssSelector("tr[data-job-id='" + jobId + "']"), "data-status", "COMPLETED"));
            WebElement done = browser.findElement(By.cssSelector("tr[data-job-id='" + jobId + "']"));
            assertEquals("100", done.findElement(By.cssSelector("[data-progress]")).getAttribute("data-progress"));
            ConsoleBrowser.screenshot(browser, "3-sync-completed");
            assertEquals(4000, admin.get("/api/sync-jobs/" + jobId).json().getJsonObject("counts").getInt("imported"));

            // another, slow sync: started and cancelled from the console
            SandboxControl.configure("{\"faults\":{\"slowRate\":1.0,\"slowMillis\":800}}");
            browser.findElement(By.cssSelector("tr[data-integration-id='" + slowIntegration + "']"
                    + " button[data-action='full-sync']")).click();
            WebElement running = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("tr[data-job-id][data-status='RUNNING']")));
            String runningId = running.getAttribute("data-job-id");
            ConsoleBrowser.screenshot(browser, "4-running");
            running.findElement(By.cssSelector("button[data-action='cancel']")).click();
            wait.until(ExpectedConditions.attributeToBe(By.cssSelector("tr[data-job-id='" + runningId + "']"),
                    "data-status", "CANCELLED"));
            ConsoleBrowser.screenshot(browser, "5-cancelled");
            assertEquals("CANCELLED", admin.get("/api/sync-jobs/" + runningId).json().getString("status"));
            assertTrue(browser.findElement(By.id("charts")).isDisplayed());

            // the API reference, rendered from the OpenAPI document
            browser.get(CONSOLE.replace("index.html", "api.html"));
            wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("details[data-path='/api/sync-jobs'][data-method='post']")));
            ConsoleBrowser.screenshot(browser, "6-api-reference");
            LOG.info(() -> "Console screenshots in " + ConsoleBrowser.SCREENSHOTS.toAbsolutePath());
        } finally {
            ConsoleBrowser.screenshot(browser, "last");
            browser.quit();
        }
    }
}
