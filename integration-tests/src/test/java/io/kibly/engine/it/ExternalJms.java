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

    /** As the broker account corporate systems are given (not OpenMQ's defaults). */
    static ExternalJms asCorporateClient() throws Exception {
        return new ExternalJms(System.getProperty("kibly.it.brokerUser"), System.getProperty("kibly.it.brokerPassword"));
    }

    /** As OpenMQ's default administrator, which only a test may use: to inject what no client could send. */
    static ExternalJms asBrokerAdministrator() throws Exception {
        return new ExternalJms("admin", "admin");
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
