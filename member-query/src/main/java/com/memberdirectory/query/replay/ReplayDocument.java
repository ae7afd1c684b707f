package com.memberdirectory.query.replay;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** One rebuild of a read model and how it went (collection {@code replays}). */
@Document("replays")
public class ReplayDocument {

    @Id
    String id;
    String projection;
    String status;
    long processedEvents;
    long documents;
    long mismatches;
    long inFlight;
    Boolean equal;
    Instant startedAt;
    Instant finishedAt;
    String message;
    /** The process running it and until when it has claimed it (see {@code JobLeases}). */
    String runner;
    Instant leaseUntil;

    public String id() {
        return id;
    }

    public String projection() {
        return projection;
    }

    public String status() {
        return status;
    }

    public long processedEvents() {
        return processedEvents;
    }

    public long documents() {
        return documents;
    }

    public long mismatches() {
        return mismatches;
    }

    public long inFlight() {
        return inFlight;
    }

    public Boolean equal() {
        return equal;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public String message() {
        return message;
    }
}
