package com.memberdirectory.app.storage.embedded;

import com.memberdirectory.readmodelstore.ReadModelBackend;
import com.memberdirectory.eventstore.EmbeddedSchema;
import com.memberdirectory.query.files.FileStore.PendingFile;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.BsonObjectId;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files that earlier versions kept in GridFS of the read-model store move into the event store's database at start,
 * under their ids, with their content, type, owner and pending mark; a second run finds nothing to move.
 */
class ReadModelFilesMigrationTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @TempDir
    Path folder;

    private MongoServer readModels;
    private MongoClient client;
    private GridFsTemplate gridFs;
    private SingleConnectionDataSource dataSource;
    private JdbcFileStore files;

    @BeforeEach
    void open() throws Exception {
        readModels = new MongoServer(new ReadModelBackend(new MVStore.Builder().open()));
        InetSocketAddress address = readModels.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, new MongoMappingContext());
        converter.afterPropertiesSet();
        gridFs = new GridFsTemplate(new SimpleMongoClientDatabaseFactory(client, "directory"), converter);
        JDBCDataSource hsqldb = new JDBCDataSource();
        hsqldb.setUrl("jdbc:hsqldb:file:" + folder.resolve("directory"));
        hsqldb.setUser("SA");
        dataSource = new SingleConnectionDataSource(hsqldb.getConnection(), true);
        EmbeddedSchema.apply(new JdbcTemplate(dataSource));
        files = new JdbcFileStore(new JdbcTemplate(dataSource), new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    @AfterEach
    void close() {
        client.close();
        readModels.shutdownNow();
        new JdbcTemplate(dataSource).execute("SHUTDOWN");
        dataSource.destroy();
    }

    @Test
    void photos_uploads_and_exports_move_with_their_ids_content_and_marks() throws IOException {
        byte[] photo = random(1000);
        byte[] export = random(600_000);
        // As the earlier GridFS code stored them: a photo with its member and the unrecorded mark, files with their admin.
        String photoId = gridFs.store(new ByteArrayInputStream(photo), "photo", "image/png",
                new Document("kind", "photo").append("memberId", "m1").append("sha256", "x").append("unrecorded", true)).toHexString();
        String exportId = gridFs.store(new ByteArrayInputStream(export), "members.xlsx", XLSX,
                new Document("owner", "admin").append("kind", "export")).toHexString();

        assertThat(ReadModelFilesMigration.run(gridFs, files)).isEqualTo(2);

        assertThat(files.open(photoId).orElseThrow().stream().readAllBytes()).isEqualTo(photo);
        assertThat(files.open(photoId).orElseThrow().contentType()).isEqualTo("image/png");
        assertThat(files.open(exportId).orElseThrow().stream().readAllBytes()).isEqualTo(export);
        assertThat(files.open(exportId).orElseThrow().contentType()).isEqualTo(XLSX);
        assertThat(files.pendingBefore("photo", Instant.now().plusSeconds(60))).containsExactly(new PendingFile(photoId, "m1"));
        assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT owner FROM directory_files WHERE id = ?", String.class,
                exportId)).isEqualTo("admin");
        assertThat(gridFs.find(new Query()).into(new ArrayList<>())).as("nothing left in the read-model store").isEmpty();

        assertThat(ReadModelFilesMigration.run(gridFs, files)).as("a second start moves nothing").isZero();
    }

    @Test
    void a_file_already_copied_before_a_crash_is_only_removed_from_gridfs() throws IOException {
        byte[] upload = random(5000);
        String id = gridFs.store(new ByteArrayInputStream(upload), "import.xlsx", XLSX,
                new Document("owner", "admin").append("kind", "upload")).toHexString();
        ReadModelFilesMigration.run(gridFs, files);
        // As if the process had died after the copy's commit and before the removal from GridFS.
        GridFSBuckets.create(client.getDatabase("directory")).uploadFromStream(new BsonObjectId(new ObjectId(id)), "import.xlsx",
                new ByteArrayInputStream(upload), new GridFSUploadOptions().metadata(new Document("owner", "admin").append("kind", "upload")));
        assertThat(gridFs.find(new Query()).into(new ArrayList<>())).hasSize(1);

        assertThat(ReadModelFilesMigration.run(gridFs, files)).isEqualTo(1);

        assertThat(gridFs.find(new Query()).into(new ArrayList<>())).isEmpty();
        assertThat(files.open(id).orElseThrow().stream().readAllBytes()).isEqualTo(upload);
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
