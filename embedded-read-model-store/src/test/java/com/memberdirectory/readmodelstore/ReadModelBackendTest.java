package com.memberdirectory.readmodelstore;

import com.mongodb.MongoNamespace;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.RenameCollectionOptions;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The read-model store through a real MongoDB driver: what goes in comes back out exactly, unique indexes hold,
 * everything survives a restart, a renamed collection takes its indexes along, and files written by
 * mongo-java-server's own H2 backend (earlier versions of the service) are converted with nothing lost.
 */
class ReadModelBackendTest {

    @TempDir
    Path folder;

    private Path file() {
        return folder.resolve("readmodels.mv");
    }

    private static Document member(String id, String userId, String email) {
        return new Document("_id", id)
                .append("userId", userId)
                .append("workEmail", email)
                .append("name", "Ada " + id)
                .append("departments", List.of("d1", "d2"))
                .append("job", new Document("title", "Engineer").append("employedOn", new Date(1_700_000_000_000L)))
                .append("version", 7L)
                .append("seat", 12)
                .append("score", 1.5)
                .append("active", true)
                .append("photo", new Binary(new byte[]{1, 2, 3}))
                .append("externalId", UUID.fromString("3f0d7c8e-4f4e-4f6a-9a43-1d2b5c1e2f3a"))
                .append("ref", new ObjectId("65a1b2c3d4e5f60718293a4b"))
                .append("nothing", null);
    }

    private <T> T withServer(Function<MongoDatabase, T> work) {
        MVStore store = new MVStore.Builder().fileName(file().toString()).compress().open();
        return withServer(new MongoServer(new ReadModelBackend(store)), work);
    }

    private static <T> T withServer(MongoServer server, Function<MongoDatabase, T> work) {
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort() + "/?uuidRepresentation=standard")) {
            return work.apply(client.getDatabase("directory"));
        } finally {
            server.shutdownNow();
        }
    }

    private void withMembers(Consumer<MongoCollection<Document>> work) {
        withServer(database -> {
            work.accept(database.getCollection("members"));
            return null;
        });
    }

    @Test
    void aWalkInIdOrderByPagesSeesEveryDocumentOnceAndTheChangesMadeAheadOfIt() {
        withMembers(members -> {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 2_500; i++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                members.insertOne(new Document("_id", id).append("userId", "u" + i).append("name", "Member " + i));
            }
            ids.sort(null);
            List<String> walked = new ArrayList<>();
            String last = null;
            int pages = 0;
            while (true) {
                List<Document> page = members.find(last == null ? new Document() : Filters.gt("_id", last))
                        .sort(Sorts.ascending("_id")).limit(1_000).projection(new Document("userId", 1))
                        .into(new ArrayList<>());
                if (page.isEmpty()) {
                    break;
                }
                assertThat(page).hasSizeLessThanOrEqualTo(1_000).allSatisfy(document ->
                        assertThat(document.keySet()).containsExactly("_id", "userId"));
                page.forEach(document -> walked.add(document.getString("_id")));
                last = walked.get(walked.size() - 1);
                if (++pages == 1) {
                    // Between pages: one ahead of the walk is added, one ahead is removed, one behind it is added.
                    members.insertOne(new Document("_id", "~after-every-uuid").append("userId", "late"));
                    members.deleteOne(Filters.eq("_id", ids.get(2_000)));
                    members.insertOne(new Document("_id", "0-before-every-uuid").append("userId", "early"));
                }
            }
            List<String> expected = new ArrayList<>(ids);
            expected.remove(2_000);
            expected.add("~after-every-uuid");
            assertThat(walked).as("in id order, each once; what was added behind the walk is not seen")
                    .containsExactlyElementsOf(expected);
            assertThat(members.find(Filters.gt("_id", "~")).sort(Sorts.ascending("_id")).limit(5).into(new ArrayList<>()))
                    .extracting(document -> document.getString("_id")).containsExactly("~after-every-uuid");
        });
    }

    @Test
    void documentsComeBackExactlyAsStoredAndSurviveARestart() {
        withMembers(members -> {
            members.insertOne(member("m1", "ada", "ada@example.com"));
            members.insertOne(member("m2", "bob", "bob@example.com"));
            members.updateOne(Filters.eq("_id", "m2"), new Document("$set", new Document("name", "Bob")));
        });

        withMembers(members -> {
            assertThat(members.find(Filters.eq("_id", "m1")).first()).isEqualTo(member("m1", "ada", "ada@example.com"));
            assertThat(members.find(Filters.eq("_id", "m2")).first().getString("name")).isEqualTo("Bob");
            assertThat(members.countDocuments()).isEqualTo(2);
            assertThat(members.find(Filters.eq("job.title", "Engineer")).into(new ArrayList<>())).hasSize(2);
        });
    }

    @Test
    void uniqueIndexesRefuseDuplicatesBeforeAndAfterARestart() {
        withMembers(members -> {
            members.createIndex(Indexes.ascending("userId"), new IndexOptions().unique(true));
            members.insertOne(member("m1", "ada", "ada@example.com"));
            assertThatThrownBy(() -> members.insertOne(member("m2", "ada", "other@example.com")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> members.insertOne(member("m1", "zed", "zed@example.com")))
                    .as("the id is unique too").isInstanceOf(MongoWriteException.class);
        });

        withMembers(members -> {
            assertThatThrownBy(() -> members.insertOne(member("m2", "ada", "other@example.com")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            members.updateOne(Filters.eq("_id", "m1"), new Document("$set", new Document("userId", "ada2")));
            members.insertOne(member("m2", "ada", "other@example.com"));
            assertThat(members.find(Filters.eq("userId", "ada")).first().getString("_id")).isEqualTo("m2");
            members.deleteOne(Filters.eq("_id", "m2"));
            members.insertOne(member("m3", "ada", "third@example.com"));
            assertThat(members.countDocuments()).isEqualTo(2);
        });
    }

    @Test
    void queriesSortSkipAndLimitOverAllDocuments() {
        List<String> names = withServer(database -> {
            MongoCollection<Document> members = database.getCollection("members");
            for (int i = 0; i < 250; i++) {
                members.insertOne(new Document("_id", String.format("m%03d", i)).append("n", i).append("even", i % 2 == 0));
            }
            List<String> page = new ArrayList<>();
            members.find(Filters.eq("even", true)).sort(Sorts.descending("n")).skip(10).limit(3)
                    .forEach(document -> page.add(document.getString("_id")));
            return page;
        });
        assertThat(names).containsExactly("m228", "m226", "m224");
    }

    @Test
    void idInQueriesAnswerExactlyTheListedDocumentsThatExist() {
        List<String> found = withServer(database -> {
            MongoCollection<Document> members = database.getCollection("members");
            for (int i = 0; i < 3_000; i++) {
                members.insertOne(new Document("_id", "m" + i).append("n", i));
            }
            List<String> wanted = new ArrayList<>();
            for (int i = 0; i < 3_000; i += 3) {
                wanted.add("m" + i);
            }
            wanted.add("nobody");
            wanted.add("m0"); // listed twice
            List<String> ids = new ArrayList<>();
            members.find(Filters.in("_id", wanted)).projection(new Document("n", 1))
                    .forEach(document -> ids.add(document.getString("_id") + "=" + document.getInteger("n")));
            assertThat(members.countDocuments(Filters.and(Filters.in("_id", wanted), Filters.gte("n", 2_990))))
                    .as("with a further condition the documents are still matched").isEqualTo(3);
            return ids;
        });
        assertThat(found).hasSize(1_000).contains("m0=0", "m2997=2997").doesNotContain("m1=1").doesNotHaveDuplicates();
    }

    @Test
    void aRenamedCollectionTakesItsIndexesAlongAndItsOldNameStartsAfresh() {
        // what the member list's rebuild does: fill a new collection, then let it replace the live one
        withServer(database -> {
            database.getCollection("members").insertOne(member("old", "old", "old@example.com"));
            MongoCollection<Document> rebuild = database.getCollection("members_rebuild");
            rebuild.createIndex(Indexes.ascending("userId"), new IndexOptions().unique(true));
            rebuild.insertOne(member("m1", "ada", "ada@example.com"));
            rebuild.renameCollection(new MongoNamespace("directory", "members"), new RenameCollectionOptions().dropTarget(true));

            MongoCollection<Document> members = database.getCollection("members");
            assertThatThrownBy(() -> members.insertOne(member("m2", "ada", "x@example.com")))
                    .as("the unique index moved with the collection").isInstanceOf(MongoWriteException.class);
            // the next rebuild starts from a collection of the old name that knows nothing of the moved documents
            MongoCollection<Document> again = database.getCollection("members_rebuild");
            again.createIndex(Indexes.ascending("userId"), new IndexOptions().unique(true));
            again.insertOne(member("m1", "ada", "ada@example.com"));
            assertThat(again.countDocuments()).isEqualTo(1);
            return null;
        });

        withServer(database -> {
            MongoCollection<Document> members = database.getCollection("members");
            assertThat(members.find().map(document -> document.getString("_id")).into(new ArrayList<>())).containsExactly("m1");
            assertThatThrownBy(() -> members.insertOne(member("m2", "ada", "x@example.com")))
                    .as("after a restart too").isInstanceOf(MongoWriteException.class);
            assertThat(database.getCollection("members_rebuild").countDocuments()).isEqualTo(1);
            return null;
        });
    }

    @Test
    void aFileOfTheEarlierLayoutIsConvertedWithNothingLost() {
        List<Document> written = new ArrayList<>();
        for (int i = 0; i < 12_000; i++) { // more than one commit's worth
            written.add(member("m" + i, "user" + i, "user" + i + "@example.com"));
        }
        withServer(new MongoServer(new H2Backend(file().toString())), database -> {
            MongoCollection<Document> members = database.getCollection("members");
            members.createIndex(Indexes.ascending("userId"), new IndexOptions().unique(true));
            members.insertMany(written);
            database.getCollection("tokens").insertOne(new Document("_id", new ObjectId("65a1b2c3d4e5f60718293a4b"))
                    .append("processor", "members").append("token", new Binary(new byte[]{9, 8, 7})));
            return null;
        });

        assertThat(ReadModelStoreMigration.migrate(file()))
                .as("12,000 members, 1 token, and the server's own records: 2 collection names, 3 index descriptions")
                .isEqualTo(12_006);
        assertThat(ReadModelStoreMigration.migrate(file())).as("a converted file is left as it is").isZero();

        withServer(database -> {
            MongoCollection<Document> members = database.getCollection("members");
            assertThat(members.countDocuments()).isEqualTo(12_000);
            assertThat(members.find(Filters.eq("_id", "m11999")).first()).isEqualTo(written.get(11_999));
            assertThat(members.find(Filters.eq("userId", "user42")).first()).isEqualTo(written.get(42));
            assertThatThrownBy(() -> members.insertOne(member("new", "user7", "new@example.com")))
                    .as("the unique index is rebuilt").isInstanceOf(MongoWriteException.class);
            Document token = database.getCollection("tokens").find().first();
            assertThat(token.get("token", Binary.class).getData()).containsExactly(9, 8, 7);
            assertThat(database.listCollectionNames().into(new ArrayList<>())).contains("members", "tokens");
            return null;
        });
    }
}
