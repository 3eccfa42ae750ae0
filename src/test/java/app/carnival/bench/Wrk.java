package app.carnival.bench;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs Debian's wrk against a URL (a short warm-up run first) and reads req/s and latency percentiles from its output. */
final class Wrk {

    record Result(String url, double rps, double p50, double p99, long requests, long errors, String raw) {
        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%s %.0f req/s, p50 %.2f ms, p99 %.2f ms, %d requests, %d errors",
                    url,
                    rps,
                    p50,
                    p99,
                    requests,
                    errors);
        }
    }

    private final int threads;
    private final int connections;
    private final int seconds;

    Wrk(int threads, int connections, int seconds) {
        this.threads = threads;
        this.connections = connections;
        this.seconds = seconds;
    }

    Result run(String url) throws IOException, InterruptedException {
        exec(url, Math.max(2, seconds / 3)); // warm-up (JIT, pools)
        Result r = exec(url, seconds);
        Bench.log("wrk " + r);
        return r;
    }

    private Result exec(String url, int duration) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(
                        "wrk", "-t" + threads, "-c" + connections, "-d" + duration + "s", "--latency", url)
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException("wrk failed: " + out);
        }
        double rps = Double.parseDouble(find(out, "Requests/sec:\\s+([0-9.]+)"));
        long requests = Long.parseLong(find(out, "(\\d+) requests in"));
        long errors = 0;
        Matcher non2xx = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)").matcher(out);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        Matcher socket = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)")
                .matcher(out);
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Long.parseLong(socket.group(g));
            }
        }
        return new Result(
                url,
                rps,
                millis(find(out, "\\s50%\\s+(\\S+)")),
                millis(find(out, "\\s99%\\s+(\\S+)")),
                requests,
                errors,
                out);
    }

    private static String find(String text, String regex) throws IOException {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IOException("unexpected wrk output (" + regex + "): " + text);
        }
        return m.group(1);
    }

    static double millis(String v) {
        Matcher m = Pattern.compile("([0-9.]+)(us|ms|s|m)").matcher(v);
        if (!m.matches()) {
            return Double.NaN;
        }
        double x = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> x / 1000;
            case "ms" -> x;
            case "s" -> x * 1000;
            default -> x * 60_000;
        };
    }
}
