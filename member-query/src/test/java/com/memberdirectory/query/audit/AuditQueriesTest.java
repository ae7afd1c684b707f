package com.memberdirectory.query.audit;

import com.memberdirectory.kernel.audit.AuditPage;
import com.memberdirectory.kernel.audit.AuditQuery;
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;
import com.memberdirectory.query.field.FieldLabels;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * While the change list's index is being built (it has processed nothing of the events stored), questions are answered
 * from the change list's collection — up to a limit of entries (docs/limits.md). Beyond it the answer is
 * {@code index_building} (503), not a scan that would sort every entry in the heap. The limit is 3 here instead of
 * 50,000.
 */
class AuditQueriesTest {

    private static final long LIMIT = 3;

    @TempDir
    Path folder;
    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private ChangeListIndex index;
    private AuditQueries queries;

    @BeforeEach
    void start() throws IOException {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        mongo = new MongoTemplate(client, "directory");
        // an index that has processed no event, while the store holds some: it is being built
        index = ChangeListIndex.open(folder.resolve("changes"));
        EventStore events = mock(EventStore.class);
        when(events.createHeadToken()).thenReturn(new GlobalSequenceTrackingToken(40));
        queries = new AuditQueries(mongo, mock(FieldLabels.class), index, events, LIMIT);
    }

    @AfterEach
    void stop() throws IOException {
        index.close();
        client.close();
        server.shutdownNow();
    }

    @Test
    void up_to_the_limit_the_change_list_is_read_from_its_collection() throws InterruptedException {
        changes(LIMIT);

        AuditPage page = queries.audit(query());

        assertThat(page.total()).isEqualTo(LIMIT);
        assertThat(page.items()).extracting(entry -> entry.memberId()).containsExactly("m3", "m2", "m1");
    }

    @Test
    void beyond_the_limit_the_answer_is_index_building() {
        changes(LIMIT + 1);

        assertThatThrownBy(() -> queries.audit(query()))
                .isInstanceOfSatisfying(DomainRuleViolation.class, refused -> {
                    assertThat(refused.code()).isEqualTo(ErrorCode.INDEX_BUILDING);
                    assertThat(refused.code().status()).isEqualTo(503);
                    assertThat(refused.code().code()).isEqualTo("index_building");
                    assertThat(refused.getMessage()).contains("being built").contains("4 changes").contains("try again");
                });
    }

    /** {@code count} changes of a city, one per member, a minute apart. */
    private void changes(long count) {
        String collection = mongo.getCollectionName(AuditDocument.class);
        for (int i = 1; i <= count; i++) {
            mongo.getCollection(collection).insertOne(new Document("_id", "e" + i).append("memberId", "m" + i)
                    .append("type", "CityChanged").append("occurredAt", new Date(1_780_000_000_000L + i * 60_000L))
                    .append("sequence", 1L).append("actor", "admin").append("source", "API")
                    .append("fields", List.of("city"))
                    .append("changes", List.of(new Document("field", "city").append("before", null).append("after", "C" + i))));
        }
    }

    private static AuditQuery query() {
        return new AuditQuery(null, null, null, null, null, null, null, true, 0, 20);
    }
}
