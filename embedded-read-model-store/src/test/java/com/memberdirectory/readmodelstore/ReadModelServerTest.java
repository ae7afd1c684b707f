package com.memberdirectory.readmodelstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read-model file that cannot be read does not stop the start: it is moved aside, named in one warning, and the
 * store starts empty (the projections then rebuild it from the events). A missing file simply starts empty.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReadModelServerTest {

    @TempDir
    Path folder;

    private Path file() {
        return folder.resolve("readmodels.mv");
    }

    @Test
    void a_file_of_garbage_is_moved_aside_and_the_store_starts_empty(CapturedOutput output) throws IOException {
        byte[] garbage = new byte[200_000];
        new Random(7).nextBytes(garbage);
        Files.write(file(), garbage);

        assertThat(members()).isZero();

        assertThat(damagedCopies()).singleElement().satisfies(aside -> assertThat(Files.readAllBytes(aside)).isEqualTo(garbage));
        assertThat(output).contains("WARN").contains("The read-model file " + file())
                .contains("rebuilt from the events");
    }

    @Test
    void a_file_whose_headers_were_overwritten_is_moved_aside_and_the_store_starts_empty(CapturedOutput output) throws IOException {
        withServer(database -> database.getCollection("members").insertOne(new Document("_id", "m1").append("name", "Ada")));
        // Both of the MVStore's file headers (one alone damaged, it reads the other).
        try (RandomAccessFile raw = new RandomAccessFile(file().toFile(), "rw")) {
            raw.write(new byte[8192]);
        }

        assertThat(members()).isZero();
        assertThat(damagedCopies()).hasSize(1);
        assertThat(output).contains("cannot be read");

        withServer(database -> database.getCollection("members").insertOne(new Document("_id", "m2")));
        assertThat(members())
                .as("the new file works and survives a restart").isEqualTo(1);
    }

    @Test
    void a_missing_file_starts_an_empty_store_without_a_warning(CapturedOutput output) throws IOException {
        assertThat(members()).isZero();
        assertThat(damagedCopies()).isEmpty();
        assertThat(output).doesNotContain("cannot be read");
    }

    private Stream<Path> damagedCopies() throws IOException {
        return Files.list(folder).filter(p -> p.getFileName().toString().startsWith("readmodels.mv.damaged-")).toList().stream();
    }

    private long members() {
        Long count = withServer(database -> database.getCollection("members").countDocuments());
        return count;
    }

    private <T> T withServer(Function<MongoDatabase, T> work) {
        ReadModelServer server = ReadModelServer.open(file());
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            return work.apply(client.getDatabase("directory"));
        } finally {
            server.shutdownNow();
        }
    }
}
