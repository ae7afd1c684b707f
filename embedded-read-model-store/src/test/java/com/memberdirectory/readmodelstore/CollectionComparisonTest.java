package com.memberdirectory.readmodelstore;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The store's own comparison of two collections names exactly the documents that differ or that one side lacks, in
 * id order, up to a limit, without reading them through the protocol.
 */
class CollectionComparisonTest {

    @TempDir
    Path folder;
    private ReadModelServer server;
    private MongoClient client;
    private MongoDatabase database;

    @BeforeEach
    void start() {
        server = ReadModelServer.open(folder.resolve("readmodels.mv"));
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        database = client.getDatabase("directory");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void names_the_documents_that_differ_or_that_one_side_lacks_in_id_order() {
        List<Document> live = new ArrayList<>();
        List<Document> rebuilt = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            String id = String.format("e%05d", i);
            live.add(new Document("_id", id).append("city", "City " + i).append("n", i));
            if (i == 100) { // the same contents in another field order: different bytes, for the caller to compare
                rebuilt.add(new Document("_id", id).append("n", i).append("city", "City " + i));
            } else if (i % 1_000 != 7) { // e00007, e01007, e02007: only live
                rebuilt.add(new Document("_id", id).append("city", i % 500 == 3 ? "Changed" : "City " + i).append("n", i));
            }
        }
        rebuilt.add(new Document("_id", "e99999").append("city", "only rebuilt"));
        database.getCollection("audit").insertMany(live);
        database.getCollection("audit_rebuild").insertMany(rebuilt);

        Document answer = database.runCommand(new Document("directoryCompareCollections", "audit")
                .append("with", "audit_rebuild").append("limit", 100));

        assertThat(answer.getBoolean("complete")).isTrue();
        assertThat(answer.getList("differing", Object.class)).containsExactly("e00003", "e00007", "e00100", "e00503",
                "e01003", "e01007", "e01503", "e02003", "e02007", "e02503", "e99999");
    }

    @Test
    void stops_at_the_limit_and_says_so_and_a_collection_that_does_not_exist_is_empty() {
        for (int i = 0; i < 20; i++) {
            database.getCollection("fields").insertOne(new Document("_id", "f" + (char) ('a' + i)));
        }

        Document limited = database.runCommand(new Document("directoryCompareCollections", "fields")
                .append("with", "fields_rebuild").append("limit", 5));

        assertThat(limited.getBoolean("complete")).isFalse();
        assertThat(limited.getList("differing", Object.class)).containsExactly("fa", "fb", "fc", "fd", "fe");
        Document none = database.runCommand(new Document("directoryCompareCollections", "nothing").append("with", "neither"));
        assertThat(none.getList("differing", Object.class)).isEmpty();
        assertThat(database.listCollectionNames().into(new ArrayList<>())).containsExactly("fields");
    }

    @Test
    void a_command_without_two_names_is_refused() {
        assertThatThrownBy(() -> database.runCommand(new Document("directoryCompareCollections", 1)))
                .isInstanceOf(MongoCommandException.class);
    }
}
