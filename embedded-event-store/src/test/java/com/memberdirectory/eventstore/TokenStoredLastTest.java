package com.memberdirectory.eventstore;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TokenStoredLastTest {

    @Test
    void aTokenStoredInPrepareCommitIsWrittenAfterTheHandlersRegisteredLater() throws Exception {
        List<String> writes = new ArrayList<>();
        TokenStoredLast store = new TokenStoredLast(new InMemoryTokenStore() {
            @Override
            public void storeToken(TrackingToken token, String processorName, int segment) {
                writes.add("token");
            }
        });
        BatchingUnitOfWork<?> unitOfWork = new BatchingUnitOfWork<>(List.of(GenericEventMessage.asEventMessage("e")));
        unitOfWork.executeWithResult(() -> {
            // as the tracking processor: registered before the event handlers run
            unitOfWork.onPrepareCommit(u -> store.storeToken(new GlobalSequenceTrackingToken(1), "members", 0));
            // as DocumentBatch: registered by the first event handler
            unitOfWork.onPrepareCommit(u -> writes.add("documents"));
            return null;
        });

        assertThat(writes).containsExactly("documents", "token");
    }

    @Test
    void outsideAUnitOfWorkTheTokenIsStoredAtOnce() {
        List<String> writes = new ArrayList<>();
        TokenStoredLast store = new TokenStoredLast(new InMemoryTokenStore() {
            @Override
            public void storeToken(TrackingToken token, String processorName, int segment) {
                writes.add("token");
            }
        });
        store.storeToken(new GlobalSequenceTrackingToken(1), "members", 0);
        assertThat(writes).containsExactly("token");
    }
}
