package com.memberdirectory.app.notification;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * {@link NotificationRestartScenario} in MongoDB mode: deadlines in MongoDB ({@code MongoDeadlineManager}), on an
 * in-process stand-in that outlives the processes of the test (so without transactions, as in
 * {@code MongoModeStandInTest}).
 */
class MongoModeNotificationRestartTest extends NotificationRestartScenario {

    private static final String SEARCH = "target/search-" + java.util.UUID.randomUUID();
    private static MongoServer server;

    @BeforeAll
    static void startServer() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
    }

    @AfterAll
    static void stopServer() {
        server.shutdownNow();
    }

    @Override
    List<String> storeProperties() {
        InetSocketAddress address = server.getLocalAddress();
        return List.of("spring.data.mongodb.uri=mongodb://" + address.getHostString() + ":" + address.getPort()
                        + "/directory",
                "directory.mongo.transactions=false",
                // this instance's search index, kept across its restarts
                "directory.search.path=" + SEARCH);
    }
}
