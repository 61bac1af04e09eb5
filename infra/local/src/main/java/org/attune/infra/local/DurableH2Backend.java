package org.attune.infra.local;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerException;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend of mongo-java-server with MongoDB's promise for an acknowledged write: it is in the file (written and
 * synced) before the client hears "ok", so a {@code kill -9} of the process loses nothing that was acknowledged.
 *
 * <p>The stock backend lets MVStore commit in the background about once a second and acknowledges at once. Here the
 * store is opened without auto-commit; a command that may write runs, then waits for a {@link GroupCommit} run
 * (MVStore commit, then file sync) that began after it. Commits take the write side of a lock that every writing
 * command holds shared while it runs, so each version in the file is a state between commands, never half of one
 * (a document without its unique-index entry, say). Reads hold it shared as well (without waiting for a sync), so a
 * scan never spans a commit that frees the chunks it walks.
 */
final class DurableH2Backend extends IdNarrowingH2Backend {

    // Commands that never change data; lower case, as the wire protocol spells them in either case.
    private static final Set<String> READ_ONLY = Set.of(
            "find",
            "getmore",
            "count",
            "distinct",
            "listcollections",
            "listindexes",
            "listdatabases",
            "hello",
            "ismaster",
            "buildinfo",
            "ping",
            "serverstatus",
            "whatsmyuri",
            "killcursors",
            "endsessions",
            "dbstats",
            "collstats",
            "getlasterror",
            "getparameter",
            "hostinfo",
            "connectionstatus",
            "getcmdlineopts",
            "getlog",
            "explain");

    /*
     * Every commit writes a new chunk. MVStore keeps chunks without live data for a retention time (45 s by default)
     * in case the file system reorders unsynced writes; here every commit is synced, and MVStore never overwrites a
     * chunk the last two stored versions need, so dead chunks can be reused at once. With the default, a few hundred
     * commits a second made the file grow by hundreds of megabytes.
     */
    private static final int RETENTION_MILLIS = 0;

    /*
     * Without auto-commit MVStore runs no background housekeeping, and many small commits leave many chunks holding a
     * few live pages each. Every few commits the committer marks the live pages of the sparsest chunks (up to a
     * megabyte) for rewriting; the commit then moves them, and those chunks are free. Measured with 20,000 single
     * inserts, each committed: 10.6 MB file (6.5 MB with the stock once-a-second commit), against 42 MB and growing
     * without this.
     */
    private static final int COMMITS_BETWEEN_HOUSEKEEPING = 10;
    private static final int TARGET_FILL_RATE = 90;
    private static final int REWRITE_BYTES = 1024 * 1024;

    private final MVStore store;
    private final ReentrantReadWriteLock commandsVersusCommit = new ReentrantReadWriteLock();
    private final GroupCommit commits;
    private int commitsSinceHousekeeping;

    DurableH2Backend(MVStore store) {
        super(store);
        this.store = store;
        this.commits = new GroupCommit(this::commitAndSync, "mongo-store-commit");
    }

    /** Opens (or creates) the store file with auto-commit off: only this backend decides when a version is written. */
    static DurableH2Backend open(String fileName) {
        var store =
                new MVStore.Builder().fileName(fileName).autoCommitDisabled().open();
        store.setRetentionTime(RETENTION_MILLIS);
        return new DurableH2Backend(store);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if (readsOnly(command, query)) {
            // A read holds the lock too, so no commit falls inside it: with no retention a commit may free (and the
            // next reuse) a chunk of the version a long scan is still walking ("Chunk … not found", seen under the
            // fault test's load). It never waits for the file.
            commandsVersusCommit.readLock().lock();
            try {
                return super.handleCommand(channel, database, command, query);
            } finally {
                commandsVersusCommit.readLock().unlock();
            }
        }
        Document answer = null;
        RuntimeException failure = null;
        commandsVersusCommit.readLock().lock();
        try {
            answer = super.handleCommand(channel, database, command, query);
        } catch (RuntimeException e) {
            // A failed command may still have changed something (an ordered batch stops half-way): commit that too.
            failure = e;
        } finally {
            commandsVersusCommit.readLock().unlock();
        }
        try {
            commits.awaitDurable();
        } catch (IllegalStateException e) {
            throw new MongoServerException("the write could not be made durable", e);
        }
        if (failure != null) {
            throw failure;
        }
        return answer;
    }

    static boolean readsOnly(String command, Document query) {
        var name = command.toLowerCase(Locale.ROOT);
        if (name.equals("aggregate")) {
            return query.get("pipeline") instanceof List<?> stages
                    && stages.stream()
                            .noneMatch(stage -> stage instanceof Document document
                                    && (document.containsKey("$out") || document.containsKey("$merge")));
        }
        return READ_ONLY.contains(name);
    }

    private void commitAndSync() {
        commandsVersusCommit.writeLock().lock();
        try {
            if (++commitsSinceHousekeeping >= COMMITS_BETWEEN_HOUSEKEEPING) {
                commitsSinceHousekeeping = 0;
                // Under the lock as well: moving pages may commit, and so free chunks a running read still walks.
                store.compact(TARGET_FILL_RATE, REWRITE_BYTES);
            }
            store.commit();
        } finally {
            commandsVersusCommit.writeLock().unlock();
        }
        // The sync runs outside the lock: the next commands may change memory meanwhile, they wait for the next run.
        store.sync();
    }

    @Override
    public void close() {
        commits.close();
        super.close();
    }
}
