package com.memberdirectory.query.support;

/**
 * A read-your-writes wait that cannot end: an event of the awaited document was dead-lettered by its projection,
 * so the document stays behind until an administrator retries or evicts the dead letter.
 */
public class ProjectionFailedException extends RuntimeException {

    private final transient DeadLetteredSequences.Blocked blocked;

    public ProjectionFailedException(DeadLetteredSequences.Blocked blocked) {
        super("The change was stored, but the " + blocked.processingGroup() + " read model could not apply an event of "
                + blocked.sequenceId() + " (" + blocked.eventType() + ": " + blocked.cause() + "); it is kept as a dead"
                + " letter of processing group '" + blocked.processingGroup() + "', sequence '" + blocked.sequenceId()
                + "', and this entry's later changes wait behind it until it is retried or evicted.");
        this.blocked = blocked;
    }

    public DeadLetteredSequences.Blocked blocked() {
        return blocked;
    }
}
