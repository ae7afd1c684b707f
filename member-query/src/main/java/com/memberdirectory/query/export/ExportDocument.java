package com.memberdirectory.query.export;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** One export and its file (collection {@code exports}), owned by {@link MemberExports}. */
@Document("exports")
public class ExportDocument {

    @Id
    String id;
    String admin;
    String fileName;
    String status;
    long rowCount;
    String fileId;
    String message;
    Instant createdAt;
    Instant expiresAt;
    /** The process running it and until when it has claimed it (see {@code JobLeases}). */
    String runner;
    Instant leaseUntil;
    /** How many times it was started: once, and once more if a restart interrupted it. */
    int runs;

    public String id() {
        return id;
    }

    public String admin() {
        return admin;
    }

    public String fileName() {
        return fileName;
    }

    public String status() {
        return status;
    }

    public long rowCount() {
        return rowCount;
    }

    public String fileId() {
        return fileId;
    }

    public String message() {
        return message;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
