package com.memberdirectory.app.storage.mongo;

import com.memberdirectory.readmodelstore.ReadModelBackend;
import com.memberdirectory.query.files.FileStore.Content;
import com.memberdirectory.query.files.FileStore.NewFile;
import com.memberdirectory.query.files.FileStore.PendingFile;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Date;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The file store of MongoDB mode, on GridFS: the same contract as on the embedded default. */
class GridFsFileStoreTest {

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private GridFsTemplate gridFs;
    private GridFsFileStore files;

    @BeforeEach
    void open() {
        server = new MongoServer(new ReadModelBackend(new MVStore.Builder().open()));
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        SimpleMongoClientDatabaseFactory database = new SimpleMongoClientDatabaseFactory(client, "directory");
        mongo = new MongoTemplate(database);
        gridFs = new GridFsTemplate(database, mongo.getConverter());
        files = new GridFsFileStore(gridFs, mongo);
    }

    @AfterEach
    void close() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void a_file_comes_back_byte_for_byte_with_its_type_and_size() throws IOException {
        byte[] bytes = random(700_000);
        String id = files.store(new NewFile("members.xlsx", "application/x-test", "export", "admin", false), new ByteArrayInputStream(bytes));

        Content content = files.open(id).orElseThrow();
        assertThat(content.contentType()).isEqualTo("application/x-test");
        assertThat(content.size()).isEqualTo(bytes.length);
        try (InputStream in = content.stream()) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        files.delete(id);
        assertThat(files.open(id)).isEmpty();
    }

    @Test
    void pending_photos_are_found_until_confirmed_including_those_stored_by_earlier_versions() throws IOException {
        String pending = files.store(new NewFile("photo", "image/png", "photo", "m1", true), new ByteArrayInputStream(random(10)));
        String confirmed = files.store(new NewFile("photo", "image/png", "photo", "m2", true), new ByteArrayInputStream(random(10)));
        files.confirm(confirmed);
        // As GridFsPhotoStore stored them: the member under memberId.
        String earlier = gridFs.store(new ByteArrayInputStream(random(10)), "photo", "image/png",
                new Document("kind", "photo").append("memberId", "m3").append("unrecorded", true)).toHexString();

        assertThat(files.pendingBefore("photo", Instant.now().plusSeconds(60)))
                .containsExactlyInAnyOrder(new PendingFile(pending, "m1"), new PendingFile(earlier, "m3"));
        assertThat(files.pendingBefore("export", Instant.now().plusSeconds(60))).isEmpty();
    }

    @Test
    void files_of_a_kind_stored_before_a_time_are_deleted() throws IOException {
        String expired = files.store(new NewFile("a", "x/y", "export", "admin", false), new ByteArrayInputStream(random(10)));
        String fresh = files.store(new NewFile("b", "x/y", "export", "admin", false), new ByteArrayInputStream(random(10)));
        mongo.updateFirst(GridFsFileStore.byId(expired), Update.update("uploadDate", Date.from(Instant.now().minusSeconds(3600))),
                GridFsFileStore.FILES);

        assertThat(files.deleteBefore("export", Instant.now().minusSeconds(60))).isEqualTo(1);

        assertThat(files.open(expired)).isEmpty();
        assertThat(files.open(fresh)).isPresent();
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
