package com.memberdirectory.app.storage;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * The MongoDB mode against a real MongoDB 7 (a single-node replica set, as Testcontainers starts it), with
 * transactions: claims commit with the events. Skipped on machines without Docker.
 * <p>
 * The container is started on first use and left to Testcontainers' reaper at the end of the JVM, so it outlives
 * the cached Spring context that uses it (stopping it after the class would pull the database away under that
 * context).
 */
@Testcontainers(disabledWithoutDocker = true)
class MongoModeRealMongoTest extends MongoModeScenario {

    private static MongoDBContainer mongo;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", MongoModeRealMongoTest::uri);
        registry.add("directory.search.path", () -> "target/search-" + java.util.UUID.randomUUID());
    }

    private static synchronized String uri() {
        if (mongo == null) {
            mongo = new MongoDBContainer(DockerImageName.parse("mongo:7"));
            mongo.start();
        }
        return mongo.getReplicaSetUrl("directory");
    }
}
