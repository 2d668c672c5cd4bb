package io.kibly.engine.serverconfig;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The provider sandbox (the {@code sandbox} WAR, playing Xero and QuickBooks Online) on Payara Micro, as a
 * background process of its own with its pid in {@code sandbox.pid} and its log in {@code sandbox.log}.
 */
public final class ProviderSandbox {

    private static final Logger LOG = Logger.getLogger(ProviderSandbox.class.getName());

    private final Path directory;
    private final Path payaraMicroJar;
    private final int port;

    public ProviderSandbox(Path directory, Path payaraMicroJar, int port) {
        this.directory = directory.toAbsolutePath();
        this.payaraMicroJar = payaraMicroJar;
        this.port = port;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public Path log() {
        return directory.resolve("sandbox.log");
    }

    private Path pidFile() {
        return directory.resolve("sandbox.pid");
    }

    /**
     * Starts the sandbox with these settings (system properties, see the sandbox's README) unless it runs
     * already, and waits until it answers.
     */
    public void start(Path war, Map<String, String> settings) {
        if (process().isPresent()) {
            LOG.info(() -> "The provider sandbox runs already at " + url());
            return;
        }
        if (!Files.isRegularFile(war)) {
            throw new LauncherException("No sandbox WAR at " + war + ": build it first (mvn -DskipTests install)");
        }
        LOG.info(() -> "Starting the provider sandbox on Payara Micro at " + url());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m"));
        settings.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(List.of("-jar", payaraMicroJar.toString(), "--deploy", war.toAbsolutePath().toString(),
                "--contextroot", "/", "--port", String.valueOf(port), "--nocluster", "--disablephonehome",
                "--rootdir", directory.resolve("micro-root").toString()));
        try {
            Files.createDirectories(directory);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log().toFile()).start();
            Files.writeString(pidFile(), String.valueOf(process.pid()));
        } catch (IOException e) {
            throw new LauncherException("Cannot start the provider sandbox: " + e.getMessage(), e);
        }
        PayaraServer.awaitHttp(URI.create(url() + "/sandbox/admin/stats"), Duration.ofSeconds(180), true);
    }

    public void stop() {
        process().ifPresent(process -> {
            process.destroy();
            process.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).exceptionally(e -> {
                process.destroyForcibly();
                return process;
            }).join();
        });
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException e) {
            throw new LauncherException("Cannot remove " + pidFile(), e);
        }
    }

    public boolean isRunning() {
        return process().isPresent();
    }

    private Optional<ProcessHandle> process() {
        try {
            if (!Files.exists(pidFile())) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile()).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().map(c -> c.contains("payara-micro")).orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
