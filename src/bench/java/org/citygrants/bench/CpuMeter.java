package org.citygrants.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How busy the machine's cores were during a phase: the whole machine from {@code /proc/stat}
 * (this JVM, PostgreSQL and anything else) and this JVM alone from its process CPU time. A
 * cohort that keeps both cores busy with one client thread cannot go much faster with four;
 * these figures show how close each run came to that ceiling. Empty where /proc is missing.
 */
final class CpuMeter {

  private static final Path PROC_STAT = Path.of("/proc/stat");
  private final long[] machineStart;
  private final long jvmStartNanos;
  private final long wallStartNanos;

  private CpuMeter() {
    this.machineStart = machineJiffies();
    this.jvmStartNanos = jvmCpuNanos();
    this.wallStartNanos = System.nanoTime();
  }

  static CpuMeter start() {
    return new CpuMeter();
  }

  /** {machineCoresBusy, jvmCoresBusy, cores} over the time since {@link #start()}. */
  Map<String, Object> stop() {
    long[] machineEnd = machineJiffies();
    double wallNanos = System.nanoTime() - wallStartNanos;
    int cores = Runtime.getRuntime().availableProcessors();
    Map<String, Object> figures = new LinkedHashMap<>();
    if (machineStart != null && machineEnd != null && machineEnd[1] > machineStart[1]) {
      double busyShare = (double) (machineEnd[0] - machineStart[0]) / (machineEnd[1] - machineStart[1]);
      figures.put("machineCoresBusy", GrantsBenchmark.round(busyShare * cores));
    }
    long jvmEnd = jvmCpuNanos();
    if (jvmStartNanos >= 0 && jvmEnd >= 0 && wallNanos > 0) {
      figures.put("jvmCoresBusy", GrantsBenchmark.round((jvmEnd - jvmStartNanos) / wallNanos));
    }
    figures.put("cores", cores);
    return figures;
  }

  /** {busy, total} jiffies of all cores; busy excludes idle and iowait. */
  private static long[] machineJiffies() {
    try {
      String[] fields = Files.readAllLines(PROC_STAT).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < fields.length && i <= 8; i++) {
        total += Long.parseLong(fields[i]);
      }
      long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
      return new long[] {total - idle, total};
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static long jvmCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : -1;
  }
}
