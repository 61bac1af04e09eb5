package org.attune.infra.local;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB-wire-protocol server (mongo-java-server) with the oplog on, so change streams work.
 *
 * <p>Its limits shape the services' design: no multi-document transactions, TTL indexes never expire, non-unique
 * secondary indexes are accepted but ignored.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final int WORKER_THREADS = 16;

    private final MongoServer server;
    private final MongoBackend backend;

    private EmbeddedMongo(MongoServer server, MongoBackend backend) {
        this.server = server;
        this.backend = backend;
    }

    /**
     * Persists into an H2 MVStore file, so a restart keeps every document; a write is in the file before it is
     * acknowledged, so even a {@code kill -9} of this process keeps every acknowledged write.
     */
    public static EmbeddedMongo startPersistent(Path storeFile, int port) throws IOException {
        Files.createDirectories(storeFile.toAbsolutePath().getParent());
        return start(DurableH2Backend.open(storeFile.toAbsolutePath().toString()), port);
    }

    /** Keeps everything in memory; {@code port} 0 picks a free port. */
    public static EmbeddedMongo startInMemory(int port) {
        return start(IdNarrowingH2Backend.inMemoryStore(), port);
    }

    private static EmbeddedMongo start(MongoBackend backend, int port) {
        var server = new MongoServer(backend);
        server.enableOplog();
        // A worker thread waits while its write is synced; more of them let more writes share one sync.
        server.bind(new InetSocketAddress("127.0.0.1", port), 1, WORKER_THREADS);
        return new EmbeddedMongo(server, backend);
    }

    /** A connection string without database, e.g. {@code mongodb://127.0.0.1:27017}. */
    public String connectionString() {
        var address = server.getLocalAddress();
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
        backend.close();
    }
}
