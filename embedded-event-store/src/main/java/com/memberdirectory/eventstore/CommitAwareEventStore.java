package com.memberdirectory.eventstore;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;

/**
 * Axon's embedded event store, waking its reader only once new events can be read.
 * <p>
 * The store has one reader thread that feeds every tracking processor. After events are published it is woken
 * by the publishing unit of work's commit; otherwise it looks for new events only every second (its fetch
 * delay). Inside a {@link GroupCommitCommandBus} batch a command's unit of work commits only a savepoint: the
 * events reach the database when the whole batch commits, a little later. Woken at the savepoint, the reader
 * found nothing yet and went back to sleep for a second — and when the callers of that batch were all waiting
 * for the read model (read-your-writes), nothing else woke it: the projections, and every one of those callers,
 * stalled for up to a second. Here, while a Spring transaction is active, the wake-up waits for that
 * transaction to complete (committed or not: a needless wake-up costs one query); without one, it happens at
 * once, as in Axon. One wake-up per transaction, not one per command of a batch: each further wake-up while
 * the reader is busy makes it look for events once more, for nothing.
 */
public class CommitAwareEventStore extends EmbeddedEventStore {

    public CommitAwareEventStore(Builder builder) {
        super(builder);
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            super.afterCommit(events);
            return;
        }
        if (TransactionSynchronizationManager.hasResource(this)) {
            return; // this transaction wakes the reader already
        }
        // Spring's own pattern for per-transaction state (as DataSourceUtils does for connections): a marker bound
        // to the transaction, released when it completes or is suspended.
        TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void suspend() {
                TransactionSynchronizationManager.unbindResourceIfPossible(CommitAwareEventStore.this);
            }

            @Override
            public void resume() {
                TransactionSynchronizationManager.bindResource(CommitAwareEventStore.this, Boolean.TRUE);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(CommitAwareEventStore.this);
                CommitAwareEventStore.super.afterCommit(events);
            }
        });
    }
}
