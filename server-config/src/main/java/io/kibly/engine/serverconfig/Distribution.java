package io.kibly.engine.serverconfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** What the Maven build resolved for the launcher: where Payara Server and Payara Micro are, and the versions. */
record Distribution(Path payaraZip, Path payaraMicroJar, String payaraVersion, String postgresVersion) {

    static Distribution fromBuild() {
        Properties properties = new Properties();
        try (InputStream in = Distribution.class.getResourceAsStream("distribution.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path zip = Path.of(properties.getProperty("payara.zip"));
        if (!Files.isRegularFile(zip)) {
            throw new LauncherException("The Payara distribution is missing at " + zip + ": rebuild with Maven");
        }
        return new Distribution(zip, Path.of(properties.getProperty("payara.micro.jar")),
                properties.getProperty("payara.version"), properties.getProperty("postgres.version"));
    }
}
