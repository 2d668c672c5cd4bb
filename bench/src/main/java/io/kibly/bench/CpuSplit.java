package io.kibly.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU seconds used by Payara, the sandbox and PostgreSQL (all its processes) between {@link #start} and
 * {@link #stop}, read from /proc: where a run's time went on the shared cores. Linux only; elsewhere empty.
 */
final class CpuSplit {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux
    private final long payaraPid;
    private Map<String, Long> before;

    CpuSplit(long payaraPid) {
        this.payaraPid = payaraPid;
    }

    CpuSplit start() {
        before = ticks();
        return this;
    }

    /** Seconds of CPU per process group since {@link #start}, and their share of {@code wallSeconds} × cores. */
    Map<String, Object> stop(double wallSeconds) {
        Map<String, Long> after = ticks();
        Map<String, Object> split = new LinkedHashMap<>();
        double total = 0;
        for (Map.Entry<String, Long> entry : after.entrySet()) {
            double seconds = (entry.getValue() - before.getOrDefault(entry.getKey(), 0L)) / TICKS_PER_SECOND;
            split.put(entry.getKey() + "CpuSeconds", Figures.round(seconds));
            total += seconds;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        split.put("cpuBusyPercent", Figures.round(100 * total / (wallSeconds * cores)));
        return split;
    }

    private Map<String, Long> ticks() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        ticks.put("payara", 0L);
        ticks.put("postgres", 0L);
        ticks.put("sandbox", 0L);
        ticks.put("other", 0L);
        try (var processes = Files.list(Path.of("/proc"))) {
            processes.filter(p -> p.getFileName().toString().matches("\\d+")).forEach(process -> {
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long used = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime + stime
                    String command = Files.readString(process.resolve("cmdline")).replace('\0', ' ');
                    String group = Long.parseLong(process.getFileName().toString()) == payaraPid ? "payara"
                            : command.contains("postgres") ? "postgres"
                            : command.contains("kibly-sandbox") || command.contains("payara-micro") ? "sandbox"
                            : "other";
                    ticks.merge(group, used, Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // the process ended while being read
                }
            });
        } catch (IOException e) {
            return Map.of();
        }
        return ticks;
    }
}
