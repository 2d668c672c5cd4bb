package io.kibly.engine.interfaces.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the broker accepts a connection and lets us browse the sync queue (saying whether requests are pending). */
@Readiness
@ApplicationScoped
public class MessageBrokerReadiness implements HealthCheck {

    @Resource(lookup = "jms/kibly/ConnectionFactory")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/kibly/sync-integration")
    Queue syncIntegration;

    @Override
    public HealthCheckResponse call() {
        try (JMSContext context = connectionFactory.createContext();
                var browser = context.createBrowser(syncIntegration)) {
            boolean pending = browser.getEnumeration().hasMoreElements();
            return HealthCheckResponse.named("jms-broker").up().withData("sync-integration.pending", pending).build();
        } catch (JMSRuntimeException | jakarta.jms.JMSException e) {
            return HealthCheckResponse.named("jms-broker").down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
