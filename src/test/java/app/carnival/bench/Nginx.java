package app.carnival.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx serving the feed folder (and the intake scenario's blogs) as static files (real
 * ETag, Last-Modified and 304), run as a child process with its own config, pid and logs in a temp
 * prefix. It listens on several loopback addresses (127.0.0.2 …) so that the feeds live on many
 * "hosts", as real blogs do, and the per-host limit of the poller applies the way it does in production.
 */
final class Nginx implements AutoCloseable {

    final int port;
    final int hosts;
    private final Process process;

    private Nginx(int port, int hosts, Process process) {
        this.port = port;
        this.hosts = hosts;
        this.process = process;
    }

    static String version() {
        try {
            Process p =
                    new ProcessBuilder("nginx", "-v").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return out.replace("nginx version: nginx/", "");
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }

    /** Host (IP literal) of the {@code i}-th feed. */
    String host(int feed) {
        return "127.0.0." + (2 + feed % hosts);
    }

    String url(int feed, String file) {
        return "http://" + host(feed) + ":" + port + "/" + file;
    }

    static Nginx start(Path prefix, Path root, int hosts, int workers) throws IOException, InterruptedException {
        Files.createDirectories(prefix.resolve("logs"));
        Files.createDirectories(prefix.resolve("tmp"));
        // Started by root, nginx workers would switch to 'nobody' and could not read a private temp folder.
        String user = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
        int port = Ports.free();
        StringBuilder listen = new StringBuilder();
        for (int h = 0; h < hosts; h++) {
            listen.append("    listen 127.0.0.")
                    .append(2 + h)
                    .append(':')
                    .append(port)
                    .append(" backlog=4096;\n");
        }
        String conf =
                user + """
                worker_processes %d;
                daemon off;
                pid %s/nginx.pid;
                error_log %s/logs/error.log warn;
                events { worker_connections 8192; }
                http {
                  types { application/rss+xml xml; text/html html; }
                  # Blog-style addresses: /b1/2024/06/03/post/ is a page, /b1/feed/ the feed (intake scenario).
                  index index.html index.xml;
                  default_type application/octet-stream;
                  access_log off;
                  sendfile on;
                  tcp_nopush on;
                  tcp_nodelay on;
                  keepalive_timeout 120s;
                  keepalive_requests 1000000;
                  etag on;
                  client_body_temp_path %s/tmp/body;
                  proxy_temp_path %s/tmp/proxy;
                  fastcgi_temp_path %s/tmp/fastcgi;
                  uwsgi_temp_path %s/tmp/uwsgi;
                  scgi_temp_path %s/tmp/scgi;
                  server {
                %s    root %s;
                  }
                }
                """.formatted(workers, prefix, prefix, prefix, prefix, prefix, prefix, prefix, listen, root);
        Path confFile = prefix.resolve("nginx.conf");
        Files.writeString(confFile, conf);
        Process p = new ProcessBuilder(
                        "nginx",
                        "-c",
                        confFile.toString(),
                        "-p",
                        prefix.toString(),
                        "-e",
                        prefix.resolve("logs/error.log").toString())
                .redirectErrorStream(true)
                .redirectOutput(prefix.resolve("logs/stdout.log").toFile())
                .start();
        Nginx nginx = new Nginx(port, hosts, p);
        Bench.onExit(nginx);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IOException("nginx exited: " + Files.readString(prefix.resolve("logs/error.log")));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0." + (1 + hosts), port), 200);
                return nginx;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IOException("nginx did not start listening on port " + port);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy(); // SIGTERM: fast shutdown
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
            }
        }
    }
}
