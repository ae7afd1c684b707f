package com.memberdirectory.query.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A batch tells a kept read model of its writes: before the first document is stored, and once it is over. */
class DocumentBatchWritesTest {

    static class Note {
        @Id
        String id;
        String text;
    }

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private final List<String> told = new ArrayList<>();

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        mongo = new MongoTemplate(client, "directory");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    /** Records what it was told, and whether the note was stored at that moment. */
    private final DocumentBatch.Writes writes = new DocumentBatch.Writes() {
        @Override
        public void writing() {
            told.add("writing, stored: " + (mongo.findById("n1", Note.class) != null));
        }

        @Override
        public void written() {
            told.add("written, stored: " + (mongo.findById("n1", Note.class) != null));
        }
    };

    private void save(String text) {
        Note note = new Note();
        note.id = "n1";
        note.text = text;
        DocumentBatch.current(mongo, Note.class, n -> n.id, writes, written -> told.add("after commit " + written.keySet()))
                .save(note);
    }

    @Test
    void it_is_told_before_the_documents_are_stored_and_once_everyone_waiting_was_told_they_are() {
        DefaultUnitOfWork.startAndGet(null).execute(() -> save("hello"));

        assertThat(told).containsExactly("writing, stored: false", "after commit [n1]", "written, stored: true");
        assertThat(mongo.findById("n1", Note.class).text).isEqualTo("hello");
    }

    @Test
    void a_batch_that_fails_after_its_write_still_ends_it() {
        assertThatThrownBy(() -> DefaultUnitOfWork.startAndGet(null).execute(() -> {
            save("hello");
            CurrentUnitOfWork.get()
                    .onPrepareCommit(u -> {
                        throw new IllegalStateException("the token could not be stored");
                    });
        })).hasMessageContaining("token");

        assertThat(told).containsExactly("writing, stored: false", "written, stored: true");
    }

    @Test
    void a_batch_that_writes_nothing_tells_nothing() {
        DefaultUnitOfWork.startAndGet(null).execute(() ->
                DocumentBatch.current(mongo, Note.class, n -> n.id, writes, written -> { }).find("n1"));

        assertThat(told).isEmpty();
    }

    @Test
    void a_write_outside_a_batch_is_told_of_as_one_also_when_it_fails() {
        writes.around(() -> told.add("dropped"));
        assertThatThrownBy(() -> writes.around(() -> {
            throw new IllegalStateException("cannot drop");
        })).hasMessage("cannot drop");

        assertThat(told).containsExactly("writing, stored: false", "dropped", "written, stored: false",
                "writing, stored: false", "written, stored: false");
    }
}
