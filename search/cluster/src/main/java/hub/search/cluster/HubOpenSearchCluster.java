package hub.search.cluster;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.opensearch.action.admin.cluster.health.ClusterHealthResponse;
import org.opensearch.cluster.health.ClusterHealthStatus;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.node.Node;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The hub's test search cluster: N OpenSearch nodes (default 3) in this one JVM, all bound to 127.0.0.1.
 *
 * <p>Node i (1-based) serves HTTP on HTTP_BASE+i (9201, 9202, 9203) and transport on TRANSPORT_BASE+i
 * (9301, 9302, 9303). Once the cluster has all its nodes and is at least yellow, one line
 * {@code HUB-OPENSEARCH-READY http://127.0.0.1:9201} is printed. It then runs until killed (SIGTERM/SIGINT
 * close the nodes and delete the data folder).
 *
 * <p>Admin endpoint on 127.0.0.1:ADMIN_PORT (default 9299), plain text:
 * {@code GET /status}, {@code GET /stop-node/N}, {@code GET /start-node/N}.
 *
 * <p>Configuration (environment variables, all optional): HUB_OS_CLUSTER_NAME (hub-test), HUB_OS_NODES (3),
 * HUB_OS_HTTP_BASE (9200), HUB_OS_TRANSPORT_BASE (9300), HUB_OS_ADMIN_PORT (9299, 0 disables),
 * HUB_OS_DATA_DIR (a new temp folder; deleted on exit either way), HUB_OS_READY_TIMEOUT (seconds, 150).
 */
public final class HubOpenSearchCluster {

    private static final String HOST = "127.0.0.1";

    /**
     * Where this class and all nodes log: a fresh descriptor on /dev/stdout (so, under start.sh, the log file).
     * OpenSearch redirects System.out to log4j, and log4j closes the stream of a console appender when the
     * next node reconfigures logging, which would close fd 1; a separately opened /dev/stdout avoids both.
     * Set HUB_OS_LOG to log to a file instead.
     */
    private static final String LOG_TARGET = env("HUB_OS_LOG", "/dev/stdout");

    private static final PrintStream OUT = openOut();

    private static PrintStream openOut() {
        try {
            return new PrintStream(new FileOutputStream(LOG_TARGET, true), true, StandardCharsets.UTF_8);
        } catch (final IOException | RuntimeException e) {
            return new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        }
    }

    /**
     * Log config written into each node's config folder (replaces the runner's, see LOG_TARGET).
     * The thread name shows the node, e.g. opensearch[hub-node-2][generic][T#1].
     */
    private static final String LOG4J2_PROPERTIES = String.join("\n",
            "status = error",
            "appender.out.type = File",
            "appender.out.name = out",
            "appender.out.fileName = " + LOG_TARGET,
            "appender.out.append = true",
            "appender.out.layout.type = PatternLayout",
            "appender.out.layout.pattern = [%d{ISO8601}][%-5p][%-25c{1.}][%t] %m%n",
            "rootLogger.level = info",
            "rootLogger.appenderRef.out.ref = out",
            "");
    private final String clusterName = env("HUB_OS_CLUSTER_NAME", "hub-test");
    private final int nodes = Integer.parseInt(env("HUB_OS_NODES", "3"));
    private final int httpBase = Integer.parseInt(env("HUB_OS_HTTP_BASE", "9200"));
    private final int transportBase = Integer.parseInt(env("HUB_OS_TRANSPORT_BASE", "9300"));
    private final int adminPort = Integer.parseInt(env("HUB_OS_ADMIN_PORT", "9299"));
    private final int readyTimeoutSeconds = Integer.parseInt(env("HUB_OS_READY_TIMEOUT", "150"));

    private final OpenSearchRunner runner = new OpenSearchRunner() {
        @Override
        public void print(final String line) {
            // The runner prints its own default names ("Node Name: Node 2"), not the node.name we set.
            if (!line.startsWith("Node Name:")) {
                OUT.println("runner: " + line);
            }
        }
    };
    private final CountDownLatch shutdown = new CountDownLatch(1);
    private Path basePath;
    private HttpServer admin;
    private volatile boolean closed;

    public static void main(final String[] args) {
        new HubOpenSearchCluster().run();
    }

    private static String env(final String name, final String def) {
        final String v = System.getenv(name);
        return v == null || v.isBlank() ? def : v.trim();
    }

    private static void say(final String line) {
        OUT.println(line);
        OUT.flush();
    }

    private String httpUrl(final int node) {
        return "http://" + HOST + ":" + (httpBase + node);
    }

    private void run() {
        final long t0 = System.nanoTime();
        try {
            final String dataDir = System.getenv("HUB_OS_DATA_DIR");
            basePath = dataDir == null || dataDir.isBlank()
                    ? Files.createTempDirectory("hub-opensearch-")
                    : Files.createDirectories(Paths.get(dataDir));
        } catch (final IOException e) {
            say("HUB-OPENSEARCH-FAILED cannot create data folder: " + e);
            System.exit(1);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "hub-opensearch-shutdown"));

        try {
            startAdmin();
            final List<String> seeds = new ArrayList<>();
            for (int i = 1; i <= nodes; i++) {
                seeds.add(HOST + ":" + (transportBase + i));
            }
            for (int i = 1; i <= nodes; i++) {
                final Path conf = Files.createDirectories(basePath.resolve("node_" + i).resolve("config"));
                Files.writeString(conf.resolve("log4j2.properties"), LOG4J2_PROPERTIES, StandardCharsets.UTF_8);
            }
            runner.setMaxHttpPort(-1); // use exactly the ports below; fail instead of picking another one
            runner.onBuild((index, settings) -> {
                settings.put("node.name", "hub-node-" + index);
                settings.put("network.host", HOST);
                settings.put("http.port", String.valueOf(httpBase + index));
                settings.put("transport.port", String.valueOf(transportBase + index));
                settings.putList("discovery.seed_hosts", seeds);
                // Node 1 bootstraps the cluster alone; nodes 2..N join it and the voting configuration
                // grows to all N cluster-manager-eligible nodes, so losing one of 3 keeps a quorum.
                settings.putList("cluster.initial_cluster_manager_nodes", "hub-node-1");
                // CI disks may be fuller than OpenSearch's watermarks; tests must not go read-only.
                settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
                // No mmap (no vm.max_map_count concerns); NIO file store instead.
                settings.put("node.store.allow_mmap", false);
                // All nodes share one heap: the real-memory breaker would see the sum of all three.
                settings.put("indices.breaker.total.use_real_memory", false);
            });
            runner.build(OpenSearchRunner.newConfigs()
                    .clusterName(clusterName)
                    .numOfNode(nodes)
                    .basePath(basePath.toString())
                    .baseHttpPort(httpBase));

            final ClusterHealthResponse health = runner.client().admin().cluster().prepareHealth()
                    .setWaitForNodes(String.valueOf(nodes))
                    .setWaitForYellowStatus()
                    .setTimeout(TimeValue.timeValueSeconds(readyTimeoutSeconds))
                    .get();
            if (health.isTimedOut() || health.getNumberOfNodes() < nodes
                    || health.getStatus() == ClusterHealthStatus.RED) {
                throw new IllegalStateException("cluster not ready: status=" + health.getStatus()
                        + " nodes=" + health.getNumberOfNodes() + "/" + nodes);
            }
            final long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            say("HUB-OPENSEARCH-NODES " + nodes + " status=" + health.getStatus() + " cluster=" + clusterName
                    + " startup_ms=" + ms + " data=" + basePath
                    + (admin != null ? " admin=http://" + HOST + ":" + adminPort : ""));
            say("HUB-OPENSEARCH-READY " + httpUrl(1));
        } catch (final Throwable e) {
            e.printStackTrace(OUT);
            say("HUB-OPENSEARCH-FAILED " + e);
            System.exit(1); // the shutdown hook closes what was started and deletes the data folder
        }

        try {
            shutdown.await(); // until SIGTERM/SIGINT
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void startAdmin() throws IOException {
        if (adminPort <= 0) {
            return;
        }
        admin = HttpServer.create(new InetSocketAddress(InetAddress.getByName(HOST), adminPort), 8);
        admin.setExecutor(Executors.newSingleThreadExecutor(r -> {
            final Thread t = new Thread(r, "hub-opensearch-admin");
            t.setDaemon(true);
            return t;
        }));
        admin.createContext("/", this::handleAdmin);
        admin.start();
    }

    private void handleAdmin(final HttpExchange ex) throws IOException {
        int code = 200;
        String body;
        try {
            final String[] parts = ex.getRequestURI().getPath().replaceAll("^/+|/+$", "").split("/");
            final String cmd = parts[0];
            if (cmd.isEmpty() || "status".equals(cmd)) {
                body = status();
            } else if (("stop-node".equals(cmd) || "start-node".equals(cmd)) && parts.length == 2) {
                final int n = Integer.parseInt(parts[1]);
                if (n < 1 || n > runner.getNodeSize()) {
                    code = 404;
                    body = "no node " + n + " (nodes are 1.." + runner.getNodeSize() + ")\n";
                } else if ("stop-node".equals(cmd)) {
                    final Node node = runner.getNode(n - 1);
                    if (node.isClosed()) {
                        code = 409;
                        body = "node " + n + " already stopped\n";
                    } else {
                        say("HUB-OPENSEARCH-ADMIN stopping node " + n);
                        node.close();
                        final boolean done = node.awaitClose(30, TimeUnit.SECONDS);
                        body = (done ? "stopped node " : "stopping node (still closing) ") + n + "\n";
                        say("HUB-OPENSEARCH-ADMIN " + body.trim());
                    }
                } else {
                    if (!runner.getNode(n - 1).isClosed()) {
                        code = 409;
                        body = "node " + n + " already running\n";
                    } else {
                        say("HUB-OPENSEARCH-ADMIN starting node " + n);
                        final boolean ok = runner.startNode(n - 1);
                        code = ok ? 200 : 500;
                        body = (ok ? "started node " : "failed to start node ") + n + " " + httpUrl(n) + "\n";
                        say("HUB-OPENSEARCH-ADMIN " + body.trim());
                    }
                }
            } else {
                code = 404;
                body = "usage: GET /status | /stop-node/N | /start-node/N\n";
            }
        } catch (final Exception e) {
            code = 500;
            body = "error: " + e + "\n";
        }
        final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        ex.sendResponseHeaders(code, bytes.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(bytes);
        }
    }

    private String status() {
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < runner.getNodeSize(); i++) {
            sb.append("node ").append(i + 1).append(' ').append(httpUrl(i + 1)).append(' ')
                    .append(runner.getNode(i).isClosed() ? "stopped" : "running").append('\n');
        }
        return sb.toString();
    }

    private synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (admin != null) {
            admin.stop(0);
        }
        try {
            runner.close();
        } catch (final Exception e) {
            OUT.println("HUB-OPENSEARCH close: " + e);
        }
        deleteTree(basePath);
        say("HUB-OPENSEARCH-STOPPED");
        shutdown.countDown();
    }

    private static void deleteTree(final Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (final IOException e) {
                    // best effort; stop.sh removes leftovers
                }
            });
        } catch (final IOException e) {
            // best effort
        }
    }
}
