package org.attune.infra.local;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** The persistent store alone in a process of its own, so a test can {@code kill -9} it. */
final class StoreProcess {

    static final String READY = "store ready";

    private StoreProcess() {}

    public static void main(String[] args) throws Exception {
        var mongo = EmbeddedMongo.startPersistent(Path.of(args[0]), Integer.parseInt(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(mongo::close));
        // The parent reads this line from the pipe; the architecture rule against console output is for main code.
        System.out.println(READY);
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
