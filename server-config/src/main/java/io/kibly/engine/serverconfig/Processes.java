package io.kibly.engine.serverconfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs external commands (asadmin, pg_ctl) to completion, failing loudly with their output. */
final class Processes {

    private Processes() {
    }

    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    static Result run(List<String> command, Path workingDirectory, Map<String, String> environment, long timeoutSeconds) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
        }
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            // Read fully before waiting: a chatty child would otherwise block on a full pipe.
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new LauncherException("Timed out after " + timeoutSeconds + " s: " + String.join(" ", command));
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LauncherException("Cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("Interrupted while running " + command.get(0), e);
        }
    }

    static Result runOrFail(List<String> command, Path workingDirectory, Map<String, String> environment,
            long timeoutSeconds) {
        Result result = run(command, workingDirectory, environment, timeoutSeconds);
        if (!result.ok()) {
            throw new LauncherException("Failed (exit " + result.exitCode() + "): " + redact(command) + "\n"
                    + result.output());
        }
        return result;
    }

    /** Command lines may carry passwords (asadmin set ...password=...): never print those. */
    static String redact(List<String> command) {
        return String.join(" ", command).replaceAll("(?i)(password[^=\\s]*=)\\S+", "$1*****");
    }
}
