package io.kibly.engine.batch;

import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Finds the EJB module's implementation of a port declared by a batch job.
 *
 * <p>Classes in the EAR's {@code lib/} are loaded by a parent of the EJB module's class loader, so CDI cannot
 * inject EJB-module beans here. By convention the implementing session bean is named after the port's simple
 * name ({@code @Stateless(name = "IntegrationStatusSource")}) and is found in the application's JNDI namespace.
 */
public final class BatchPorts {

    /** Name of the EJB module inside the EAR (the ejb-jar's file name without extension). */
    static final String EJB_MODULE = "kibly-ejb";

    private BatchPorts() {
    }

    public static <T> T lookup(Class<T> port) {
        String name = "java:app/" + EJB_MODULE + "/" + port.getSimpleName() + "!" + port.getName();
        try {
            return port.cast(InitialContext.doLookup(name));
        } catch (NamingException e) {
            throw new IllegalStateException("No implementation of batch port " + port.getName() + " at " + name, e);
        }
    }
}
