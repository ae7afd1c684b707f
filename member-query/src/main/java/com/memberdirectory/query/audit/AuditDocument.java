package com.memberdirectory.query.audit;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/** One change of one member (collection {@code audit}), owned by {@link AuditProjection}. */
@Document("audit")
class AuditDocument {

    @Id
    String id;
    String memberId;
    String type;
    Instant occurredAt;
    /** Orders changes recorded in the same millisecond: the member's event sequence. */
    long sequence;
    String actor;
    String source;
    String correlationId;
    List<String> fields;
    List<org.bson.Document> changes;
}
