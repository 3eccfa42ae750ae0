package app.carnival.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/** Readings from /proc: resident memory and CPU time of a process, busy time of the machine. */
final class Proc {
    private Proc() {}

    /** A status field in kB (VmRSS, VmHWM), or -1. */
    static long statusKb(long pid, String field) {
        return statusKbFile("/proc/" + pid + "/status", field);
    }

    /** A "Field:   123 kB" line of a /proc file, in kB, or -1. */
    static long statusKbFile(String file, String field) {
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(
                            line.substring(field.length() + 1).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return -1;
    }

    /** utime + stime of a process in seconds (clock ticks of 1/100 s). */
    static double cpuSeconds(long pid) {
        return (stat(pid, 11) + stat(pid, 12)) / 100.0;
    }

    /**
     * CPU seconds the JIT compiler threads of a process have used ("C1 CompilerThre…", "C2 CompilerThre…"): while
     * they work, the JVM is not at its steady state, and on two cores they take CPU from everything else. A compiler
     * thread the JVM retires takes its count with it, so a difference may come out lower than the work done.
     */
    static double jitCpuSeconds(long pid) {
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            return tasks.mapToDouble(task -> {
                        try {
                            String stat = Files.readString(task.resolve("stat"));
                            String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                            if (!comm.startsWith("C1 Compiler") && !comm.startsWith("C2 Compiler")) {
                                return 0;
                            }
                            String[] f =
                                    stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
                        } catch (IOException | RuntimeException e) {
                            return 0; // the thread ended
                        }
                    })
                    .sum();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The server process of a PostgreSQL data folder (the first line of its postmaster.pid), or -1. */
    static long postmasterPid(Path dataFolder) {
        try {
            return Long.parseLong(Files.readAllLines(dataFolder.resolve("postmaster.pid"))
                    .get(0)
                    .trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * CPU seconds of a process, of the children it has waited for, and of its children still running: for
     * PostgreSQL's server, its backends (each connection's process) and background workers.
     */
    static double treeCpuSeconds(long pid) {
        long jiffies = stat(pid, 11) + stat(pid, 12) + stat(pid, 13) + stat(pid, 14);
        try (var all = Files.list(Path.of("/proc"))) {
            jiffies += all.map(p -> p.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit))
                    .mapToLong(Long::parseLong)
                    .filter(child -> stat(child, 1) == pid)
                    .map(child -> stat(child, 11) + stat(child, 12))
                    .sum();
        } catch (IOException e) {
            // only the server's own
        }
        return jiffies / 100.0;
    }

    /** Field {@code index} of /proc/pid/stat counted from the state (index 0), as a number; 0 when gone. */
    private static long stat(long pid, int index) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[index]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** {busy, total} jiffies of the whole machine. */
    static long[] machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 1};
        }
    }

    /** Samples VmRSS of a process every 100 ms in a daemon thread until closed; keeps the peak. */
    static final class RssSampler implements AutoCloseable {
        final AtomicLong peakKb = new AtomicLong();
        private final Thread thread;
        private volatile boolean running = true;

        RssSampler(long pid) {
            thread = new Thread(
                    () -> {
                        while (running) {
                            long kb = statusKb(pid, "VmRSS");
                            peakKb.accumulateAndGet(kb, Math::max);
                            try {
                                Thread.sleep(100);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "rss-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() {
            running = false;
            thread.interrupt();
        }
    }
}
