package com.memberdirectory.app.photo;

import com.memberdirectory.kernel.member.ProfilePhotoChanged;
import com.memberdirectory.query.files.FileStore;
import com.memberdirectory.query.files.FileStore.PendingFile;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * Removes stored photos that no member's history names: left behind when the process stopped between storing
 * a photo and recording the change (or could not tell whether the change was recorded). Only photos older than
 * {@link #GRACE} are looked at, so an upload still on its way to the member is never taken for one. The member's
 * own event stream decides, not the member list: the list may be in the middle of a rebuild.
 */
@Component
class PhotoSweep {

    static final Duration GRACE = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(PhotoSweep.class);

    private final FileStore store;
    private final EventStore events;

    PhotoSweep(FileStore store, EventStore events) {
        this.store = store;
        this.events = events;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT30M")
    void sweep() {
        sweep(Instant.now().minus(GRACE));
    }

    /** Looks at the photos stored before {@code cutoff} still pending; answers how many were removed. */
    int sweep(Instant cutoff) {
        int removed = 0;
        for (PendingFile photo : store.pendingBefore(PhotoUploads.KIND, cutoff)) {
            if (photo.owner() == null) {
                continue;
            }
            try {
                if (named(photo)) {
                    store.confirm(photo.id());
                } else {
                    store.delete(photo.id());
                    removed++;
                }
            } catch (RuntimeException e) {
                log.warn("Could not sweep photo {} of member {}; next time", photo.id(), photo.owner(), e);
            }
        }
        if (removed > 0) {
            log.info("Removed {} stored photos that no member's history names", removed);
        }
        return removed;
    }

    private boolean named(PendingFile photo) {
        // From the first event, not from a snapshot: the photo may have been set long before it.
        DomainEventStream stream = events.readEvents(photo.owner(), 0);
        while (stream.hasNext()) {
            if (stream.next().getPayload() instanceof ProfilePhotoChanged changed && photo.id().equals(changed.after())) {
                return true;
            }
        }
        return false;
    }
}
