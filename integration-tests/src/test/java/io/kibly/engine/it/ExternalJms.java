package io.kibly.engine.it;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * A JMS client outside the server, as a corporate system runs it: the OpenMQ client library from the Payara
 * installation (loaded from its jar, not from the test's class path), connecting over TCP to the broker's port.
 */
final class ExternalJms implements AutoCloseable {

    private final URLClassLoader openMq;
    private final JMSContext context;
    private final java.util.List<JMSConsumer> consumers = new java.util.ArrayList<>();

    private ExternalJms(String user, String password) throws Exception {
        openMq = new URLClassLoader(new URL[] {Path.of(System.getProperty("kibly.it.payaraHome"), "mq/lib/imq.jar")
                .toUri().toURL()}, ExternalJms.class.getClassLoader());
        ConnectionFactory factory = (ConnectionFactory) openMq.loadClass("com.sun.messaging.ConnectionFactory")
                .getDeclaredConstructor().newInstance();
        factory.getClass().getMethod("setProperty", String.class, String.class).invoke(factory, "imqAddressList",
                System.getProperty("kibly.it.brokerUrl"));
        context = factory.createContext(user, password);
    }

    /** As the corporate broker account of {@code tenant} (made for it by the launcher's BrokerSecurity). */
    static ExternalJms asTenant(String tenant) throws Exception {
        var account = KiblyTestEnvironment.current().brokerClient(tenant);
        return new ExternalJms(account.user(), account.password());
    }

    /** The topic {@code tenant}'s events are published on. */
    static String eventsTopic(String tenant) {
        return io.kibly.engine.serverconfig.BrokerSecurity.eventsTopic(tenant);
    }

    /**
     * As the server's own account, which only a test (or an operator) may use: to inject what no client could
     * send, and to look into the internal queues.
     */
    static ExternalJms asServer() throws Exception {
        return new ExternalJms(io.kibly.engine.serverconfig.BrokerSecurity.SERVER_USER,
                System.getProperty("kibly.it.brokerServerPassword"));
    }

    static ExternalJms as(String user, String password) throws Exception {
        return new ExternalJms(user, password);
    }

    JMSContext context() {
        return context;
    }

    /**
     * A consumer closed with the client. (OpenMQ's {@code JMSContext.close} iterates its consumers while closing
     * them and fails with a ConcurrentModificationException when several are open: they are closed first.)
     */
    JMSConsumer consumer(Destination destination, String selector) {
        JMSConsumer consumer = context.createConsumer(destination, selector);
        consumers.add(consumer);
        return consumer;
    }

    @Override
    public void close() throws Exception {
        try {
            consumers.forEach(JMSConsumer::close);
            context.close();
        } finally {
            openMq.close();
        }
    }
}
