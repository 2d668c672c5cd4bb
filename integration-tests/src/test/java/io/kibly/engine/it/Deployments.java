package io.kibly.engine.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The archive every test class deploys: the EAR exactly as the build produced it. */
final class Deployments {

    private Deployments() {
    }

    static EnterpriseArchive engine() {
        File ear = new File(System.getProperty("kibly.it.ear", "target/deployments/kibly.ear"));
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }
}
