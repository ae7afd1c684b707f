package com.memberdirectory.query.member;

import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.member.ContactEmailChanged;
import com.memberdirectory.kernel.member.AliasChanged;
import com.memberdirectory.kernel.member.BusinessEmailChanged;
import com.memberdirectory.kernel.member.CityChanged;
import com.memberdirectory.kernel.member.CountryRegionChanged;
import com.memberdirectory.kernel.member.DottedLineManagersChanged;
import com.memberdirectory.kernel.member.EmployeeIdChanged;
import com.memberdirectory.kernel.member.EmploymentDateChanged;
import com.memberdirectory.kernel.member.FirstNameChanged;
import com.memberdirectory.kernel.member.GenderChanged;
import com.memberdirectory.kernel.member.ManagerChanged;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.member.PhoneVisibilityChanged;
import com.memberdirectory.kernel.member.SeatChanged;
import com.memberdirectory.kernel.member.SurnameChanged;
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

import java.util.List;

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
        MemberDocument d = new MemberDocument();
        d.id = event.memberId().value();
        d.version = sequence + 1;
        d.status = MemberStatus.INACTIVE;
        d.name = event.name();
        d.surname = event.surname();
        d.firstName = event.firstName();
        d.alias = event.alias();
        d.userId = event.userId();
        d.workEmail = event.workEmail();
        d.businessEmail = event.businessEmail();
        d.phone = event.phone();
        d.hidePhone = event.hidePhone();
        d.gender = event.gender();
        d.departmentIds = departmentIds(event.departmentIds());
        d.seatId = event.seatId();
        d.employeeId = event.employeeId();
        d.employmentDate = event.employmentDate();
        d.countryRegion = event.countryRegion();
        d.city = event.city();
        d.managerId = event.managerId() == null ? null : event.managerId().value();
        d.dottedLineManagerIds = memberIds(event.dottedLineManagerIds());
        d.loginEmailType = event.loginEmailType();
        d.loginEmail = event.loginEmail();
        batch.save(d);
    }

    @EventHandler
    void on(MemberEvent event, @SequenceNumber long sequence) {
        if (event instanceof MemberCreated) {
            return;
        }
        DocumentBatch<MemberDocument> batch = batch();
        MemberDocument d = batch.find(event.memberId().value());
        if (d == null || d.version > sequence) {
            return;
        }
        if (event instanceof MemberNameChanged e) {
            d.name = e.after();
        } else if (event instanceof SurnameChanged e) {
            d.surname = e.after();
        } else if (event instanceof FirstNameChanged e) {
            d.firstName = e.after();
        } else if (event instanceof AliasChanged e) {
            d.alias = e.after();
        } else if (event instanceof UserIdChanged e) {
            d.userId = e.after();
        } else if (event instanceof ContactEmailChanged e) {
            d.workEmail = e.after();
        } else if (event instanceof LoginEmailChanged e) {
            d.loginEmail = e.after();
        } else if (event instanceof BusinessEmailChanged e) {
            d.businessEmail = e.after();
        } else if (event instanceof PhoneNumberChanged e) {
            d.phone = e.after();
        } else if (event instanceof PhoneVisibilityChanged e) {
            d.hidePhone = e.after();
        } else if (event instanceof GenderChanged e) {
            d.gender = e.after();
        } else if (event instanceof DepartmentsChanged e) {
            d.departmentIds = departmentIds(e.after());
        } else if (event instanceof SeatChanged e) {
            d.seatId = e.after();
        } else if (event instanceof EmployeeIdChanged e) {
            d.employeeId = e.after();
        } else if (event instanceof EmploymentDateChanged e) {
            d.employmentDate = e.after();
        } else if (event instanceof CountryRegionChanged e) {
            d.countryRegion = e.after();
        } else if (event instanceof CityChanged e) {
            d.city = e.after();
        } else if (event instanceof ManagerChanged e) {
            d.managerId = e.after() == null ? null : e.after().value();
        } else if (event instanceof DottedLineManagersChanged e) {
            d.dottedLineManagerIds = memberIds(e.after());
        }
        d.version = sequence + 1;
        batch.save(d);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(MemberDocument.class);
    }

    private DocumentBatch<MemberDocument> batch() {
        return DocumentBatch.current(mongo, MemberDocument.class, d -> d.id,
                written -> waiters.projected(written.keySet()));
    }

    private static List<String> departmentIds(List<DepartmentId> ids) {
        return ids == null ? List.of() : ids.stream().map(DepartmentId::value).toList();
    }

    private static List<String> memberIds(List<MemberId> ids) {
        return ids == null ? List.of() : ids.stream().map(MemberId::value).toList();
    }
}
