package com.memberdirectory.app.storage;

import com.memberdirectory.app.storage.mongo.MongoStorageConfiguration;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.InetSocketAddress;

/**
 * The MongoDB mode against the in-process stand-in (mongo-java-server, memory backend: no files). The stand-in
 * has no transactions, so this run uses {@code directory.mongo.transactions=false}: claims are compensated through
 * the unit of work instead of committed in the events' transaction ({@link MongoUniqueValues}). The transactional
 * path is covered by {@link MongoModeRealMongoTest} where Docker is available.
 * <p>
 * The server lives as long as the test JVM, like the cached Spring context that uses it.
 */
class MongoModeStandInTest extends MongoModeScenario {

    private static MongoServer server;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", MongoModeStandInTest::uri);
        registry.add(MongoStorageConfiguration.TRANSACTIONS_PROPERTY, () -> "false");
        registry.add("directory.search.path", () -> "target/search-" + java.util.UUID.randomUUID());
    }

    private static synchronized String uri() {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
        }
        InetSocketAddress address = server.getLocalAddress();
        return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/directory";
    }
}
