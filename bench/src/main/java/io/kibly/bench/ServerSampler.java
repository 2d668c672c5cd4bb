package io.kibly.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Samples the server's resident memory (from /proc) and used heap (from MicroProfile Metrics) in the background. */
final class ServerSampler implements AutoCloseable {

    private static final Pattern HEAP = Pattern.compile("(?m)^\\w*memory_usedHeap_bytes(\\{[^}]*})?\\s+([0-9.eE+]+)");

    private final long pid;
    private final String metricsUrl;
    private final Thread thread;
    private volatile boolean running = true;
    volatile long peakRssBytes;
    volatile long peakHeapBytes;

    ServerSampler(long pid, String baseUrl) {
        this.pid = pid;
        this.metricsUrl = baseUrl + "/metrics?scope=base";
        this.thread = new Thread(this::run, "server-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                sample();
                Engine.sleep(500);
            }
        } catch (IllegalStateException interrupted) {
            // closed
        }
    }

    void sample() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    peakRssBytes = Math.max(peakRssBytes, Long.parseLong(line.replaceAll("\\D", "")) * 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process may be restarting: the next sample will tell
        }
        try {
            Matcher heap = HEAP.matcher(Http.send("GET", metricsUrl, null, null, "Accept", "text/plain").body());
            if (heap.find()) {
                peakHeapBytes = Math.max(peakHeapBytes, (long) Double.parseDouble(heap.group(2)));
            }
        } catch (RuntimeException e) {
            // metrics briefly unavailable
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
