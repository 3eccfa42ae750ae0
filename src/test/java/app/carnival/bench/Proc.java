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
        return Stat.of(Path.of("/proc/" + pid + "/stat")).cpuJiffies() / 100.0;
    }

    /**
     * CPU seconds the JIT compiler threads of a process have used ("C1 CompilerThre…", "C2 CompilerThre…"): while
     * they work, the JVM is not at its steady state, and on two cores they take CPU from everything else. A compiler
     * thread the JVM retires takes its count with it, so a difference may come out lower than the work done.
     */
    static double jitCpuSeconds(long pid) {
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            return tasks.map(task -> Stat.of(task.resolve("stat")))
                            .filter(t -> t.name().startsWith("C1 Compiler")
                                    || t.name().startsWith("C2 Compiler"))
                            .mapToLong(Stat::cpuJiffies)
                            .sum()
                    / 100.0;
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
        Stat server = Stat.of(Path.of("/proc/" + pid + "/stat"));
        long jiffies = server.cpuJiffies() + server.field(13) + server.field(14);
        try (var all = Files.list(Path.of("/proc"))) {
            jiffies += all.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .map(p -> Stat.of(p.resolve("stat")))
                    .filter(child -> child.field(1) == pid)
                    .mapToLong(Stat::cpuJiffies)
                    .sum();
        } catch (IOException e) {
            // only the server's own
        }
        return jiffies / 100.0;
    }

    /**
     * One read of a /proc/…/stat file: the command name and the fields after it, counted from the state (index 0);
     * a process or thread that is gone reads as a nameless one with every field 0.
     */
    private record Stat(String name, String[] fields) {

        static Stat of(Path file) {
            try {
                String stat = Files.readString(file);
                int close = stat.lastIndexOf(')');
                return new Stat(
                        stat.substring(stat.indexOf('(') + 1, close),
                        stat.substring(close + 2).split(" "));
            } catch (IOException | RuntimeException e) {
                return new Stat("", new String[0]);
            }
        }

        long field(int index) {
            try {
                return Long.parseLong(fields[index]);
            } catch (RuntimeException e) {
                return 0;
            }
        }

        /** utime + stime, in clock ticks. */
        long cpuJiffies() {
            return field(11) + field(12);
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
