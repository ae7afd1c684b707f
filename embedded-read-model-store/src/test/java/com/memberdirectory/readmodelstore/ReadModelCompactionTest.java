package com.memberdirectory.readmodelstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a clean stop the read-model file is rewritten with its live pages only, and what a compaction interrupted by
 * a crash leaves behind is sorted out at the next start (see {@link ReadModelServer}).
 */
@ExtendWith(OutputCaptureExtension.class)
class ReadModelCompactionTest {

    private static final int MEMBERS = 2_000;

    @TempDir
    Path folder;

    private Path file() {
        return folder.resolve("readmodels.mv");
    }

    @Test
    void a_clean_stop_compacts_the_file_and_keeps_every_document(CapturedOutput output) throws IOException {
        ReadModelServer server = ReadModelServer.open(file());
        long whileRunning;
        try (MongoClient client = client(server)) {
            MongoCollection<Document> members = client.getDatabase("directory").getCollection("members");
            List<Document> created = new ArrayList<>();
            for (int i = 0; i < MEMBERS; i++) {
                created.add(new Document("_id", "m" + i).append("name", "Member " + i).append("version", 0));
            }
            members.insertMany(created);
            server.commit();
            for (int version = 1; version <= 5; version++) {
                members.updateMany(new Document(), Updates.set("version", version));
                server.commit();
            }
            whileRunning = Files.size(file());
        } finally {
            server.shutdownNow();
        }

        assertThat(Files.size(file())).as("the file after the clean stop").isLessThan(whileRunning);
        assertThat(output).contains("Compacted the read models from " + whileRunning + " to " + Files.size(file()));
        withServer(database -> {
            MongoCollection<Document> members = database.getCollection("members");
            assertThat(members.countDocuments()).isEqualTo(MEMBERS);
            assertThat(members.countDocuments(Filters.eq("version", 5))).isEqualTo(MEMBERS);
        });
    }

    @Test
    void a_compaction_interrupted_after_the_old_file_was_removed_is_completed_at_the_next_start() throws IOException {
        withServer(database -> database.getCollection("members").insertOne(new Document("_id", "m1").append("name", "Ada")));
        // The compacted copy written, the old file already gone, the copy not yet renamed.
        Files.move(file(), folder.resolve("readmodels.mv.newFile"));

        withServer(database -> assertThat(database.getCollection("members").find().first())
                .isEqualTo(new Document("_id", "m1").append("name", "Ada")));
        assertThat(folder.resolve("readmodels.mv.newFile")).doesNotExist();
    }

    @Test
    void a_half_written_copy_of_an_interrupted_compaction_is_removed_and_the_old_file_used() throws IOException {
        withServer(database -> database.getCollection("members").insertOne(new Document("_id", "m1")));
        Files.write(folder.resolve("readmodels.mv.tempFile"), new byte[]{1, 2, 3});

        withServer(database -> assertThat(database.getCollection("members").countDocuments()).isEqualTo(1));
        assertThat(folder.resolve("readmodels.mv.tempFile")).doesNotExist();
    }

    private void withServer(Consumer<MongoDatabase> work) {
        ReadModelServer server = ReadModelServer.open(file());
        try (MongoClient client = client(server)) {
            work.accept(client.getDatabase("directory"));
        } finally {
            server.shutdownNow();
        }
    }

    private static MongoClient client(ReadModelServer server) {
        InetSocketAddress address = server.bind();
        return MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }
}
