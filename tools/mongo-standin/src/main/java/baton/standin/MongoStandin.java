package baton.standin;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Offline MongoDB stand-in for machines that cannot download a real mongod
 * (see docs/mongodb-offline.md). Started by src/db/engine.ts.
 *
 * <pre>
 *   java -cp '.cache/mongo-standin/lib/*' baton.standin.MongoStandin --port 0 [--file data.mv] [--ignore-stdin]
 * </pre>
 *
 * Prints exactly one line {@code LISTENING <port>} on stdout once bound, then runs until stdin
 * reaches EOF (the parent process died or closed the pipe) or SIGTERM/SIGINT arrives.
 */
public final class MongoStandin {

    /**
     * The stock ServerVersion enum stops at 5.0 and the default reports wire 8, which driver 7
     * (mongoose 9) refuses ("requires at least 9"). MongoVersion is a public interface, so we
     * advertise MongoDB 7.0 = wire version 21 ourselves.
     */
    private static final MongoVersion MONGO_7_0 = new MongoVersion() {
        @Override
        public List<Integer> getVersionArray() {
            return List.of(7, 0, 0);
        }

        @Override
        public int getWireVersion() {
            return 21;
        }
    };

    public static void main(String[] args) throws IOException {
        int port = 0;
        String file = null;
        boolean watchStdin = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(requireValue(args, ++i));
                case "--file" -> file = requireValue(args, ++i);
                // For running it by hand in the background (`... &`), where stdin is not ours.
                case "--ignore-stdin" -> watchStdin = false;
                default -> fail("unknown argument: " + args[i]);
            }
        }

        MongoBackend backend;
        if (file != null) {
            Path parent = Path.of(file).toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            backend = new H2Backend(file); // MVStore file; auto-commits about every second
        } else {
            backend = new MemoryBackend();
        }
        backend.version(MONGO_7_0);

        MongoServer server = new MongoServer(backend);
        try {
            server.bind("127.0.0.1", port); // loopback only: no auth on this server
        } catch (RuntimeException e) {
            fail("cannot bind 127.0.0.1:" + port + ": " + e);
        }

        // Runs on SIGTERM/SIGINT and on System.exit below. shutdown() also closes the backend,
        // which for H2 writes the last changes and closes the file cleanly.
        AtomicBoolean stopped = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (stopped.compareAndSet(false, true)) {
                server.shutdownNow();
            }
        }, "mongo-standin-shutdown"));

        System.out.println("LISTENING " + server.getLocalAddress().getPort());
        System.out.flush();

        if (!watchStdin) {
            return; // netty's non-daemon threads keep the JVM alive until a signal
        }
        // Block until EOF: when the parent node process dies, its end of the pipe closes and we
        // exit too, so no orphaned JVM keeps the port or the H2 file lock.
        try {
            while (System.in.read() != -1) {
                // ignore anything written to us
            }
        } catch (IOException ignored) {
            // a broken stdin means the parent is gone as well
        }
        System.exit(0);
    }

    private static String requireValue(String[] args, int i) {
        if (i >= args.length) {
            fail("missing value for " + args[i - 1]);
        }
        return args[i];
    }

    private static void fail(String message) {
        System.err.println("mongo-standin: " + message);
        System.exit(2);
    }
}
