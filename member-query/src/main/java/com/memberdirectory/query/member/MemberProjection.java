package com.memberdirectory.query.member;

import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.member.ContactEmailChanged;
import com.memberdirectory.kernel.member.DepartmentsChanged;
import com.memberdirectory.kernel.member.LoginEmailChanged;
import com.memberdirectory.kernel.member.MemberCreated;
import com.memberdirectory.kernel.member.MemberEvent;
import com.memberdirectory.kernel.member.MemberNameChanged;
import com.memberdirectory.kernel.member.MemberStatus;
import com.memberdirectory.kernel.member.MemberView;
import com.memberdirectory.kernel.member.PhoneNumberChanged;
import com.memberdirectory.kernel.member.UserIdChanged;
import com.memberdirectory.query.support.DocumentBatch;
import com.memberdirectory.query.support.ProjectionWaiters;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The member list. Idempotent: each document remembers the version (event sequence + 1) it reflects and
 * ignores events it has already seen, so re-delivery after a crash changes nothing.
 */
@Component
@ProcessingGroup(MemberProjection.PROCESSING_GROUP)
class MemberProjection {

    static final String PROCESSING_GROUP = "members";

    private final MongoTemplate mongo;
    private final ProjectionWaiters<MemberView> waiters;

    MemberProjection(MongoTemplate mongo, ProjectionWaiters<MemberView> memberWaiters) {
        this.mongo = mongo;
        this.waiters = memberWaiters;
    }

    @EventHandler
    void on(MemberCreated event, @SequenceNumber long sequence) {
        DocumentBatch<MemberDocument> batch = batch();
        MemberDocument existing = batch.find(event.memberId().value());
        if (existing != null && existing.version > sequence) {
            return;
        }
        MemberDocument document = new MemberDocument();
        document.id = event.memberId().value();
        document.version = sequence + 1;
        document.status = MemberStatus.INACTIVE;
        document.name = event.name();
        document.userId = event.userId();
        document.workEmail = event.workEmail();
        document.phone = event.phone();
        document.departmentIds = ids(event.departmentIds());
        document.loginEmailType = event.loginEmailType();
        document.loginEmail = event.loginEmail();
        batch.save(document);
    }

    @EventHandler
    void on(MemberEvent event, @SequenceNumber long sequence) {
        if (event instanceof MemberCreated) {
            return;
        }
        DocumentBatch<MemberDocument> batch = batch();
        MemberDocument document = batch.find(event.memberId().value());
        if (document == null || document.version > sequence) {
            return;
        }
        if (event instanceof MemberNameChanged e) {
            document.name = e.after();
        } else if (event instanceof UserIdChanged e) {
            document.userId = e.after();
        } else if (event instanceof ContactEmailChanged e) {
            document.workEmail = e.after();
        } else if (event instanceof LoginEmailChanged e) {
            document.loginEmail = e.after();
        } else if (event instanceof PhoneNumberChanged e) {
            document.phone = e.after();
        } else if (event instanceof DepartmentsChanged e) {
            document.departmentIds = ids(e.after());
        }
        document.version = sequence + 1;
        batch.save(document);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(MemberDocument.class);
    }

    private DocumentBatch<MemberDocument> batch() {
        return DocumentBatch.current(mongo, MemberDocument.class, d -> d.id,
                event -> event.getPayload() instanceof MemberEvent member ? member.memberId().value() : null,
                written -> {
                    Map<String, MemberView> views = new HashMap<>();
                    written.forEach((id, document) -> views.put(id, document.toView()));
                    waiters.projected(views);
                });
    }

    private static List<String> ids(List<DepartmentId> departmentIds) {
        return departmentIds.stream().map(DepartmentId::value).toList();
    }
}
