package com.memberdirectory.command.member;

import com.memberdirectory.command.uniqueness.UniqueKind;
import com.memberdirectory.command.uniqueness.UniqueValues;
import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.member.ContactEmailChanged;
import com.memberdirectory.kernel.member.CreateMember;
import com.memberdirectory.kernel.member.DepartmentsChanged;
import com.memberdirectory.kernel.member.LoginEmailChanged;
import com.memberdirectory.kernel.member.LoginEmailType;
import com.memberdirectory.kernel.member.MemberCreated;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.member.MemberNameChanged;
import com.memberdirectory.kernel.member.MemberStatus;
import com.memberdirectory.kernel.member.MemberWritten;
import com.memberdirectory.kernel.member.PhoneNumberChanged;
import com.memberdirectory.kernel.member.UpdateMember;
import com.memberdirectory.kernel.member.UserIdChanged;
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A member of the directory. Command handlers decide (rules, uniqueness claims) and apply one event per
 * changed concern; event sourcing handlers only assign state.
 */
@Aggregate(cache = "memberCache")
public class Member {

    @AggregateIdentifier
    private MemberId memberId;
    private long version;
    private MemberStatus status;
    private String name;
    private String userId;
    private String workEmail;
    private String phone;
    private List<DepartmentId> departmentIds;
    private LoginEmailType loginEmailType;
    private String loginEmail;

    protected Member() {
        // for Axon
    }

    @CommandHandler
    public Member(CreateMember command, MemberPolicies rules, UniqueValues unique) {
        String newName = rules.name().check(command.name());
        String newWorkEmail = rules.email().check("workEmail", command.workEmail());
        String newPhone = rules.phone().check(command.phone());
        rules.reachable().check(newPhone, newWorkEmail);
        List<DepartmentId> departments = rules.departments().check(command.departmentIds(), departmentExists(unique));
        String owner = command.memberId().value();

        String newUserId;
        if (command.userId() == null || command.userId().isBlank()) {
            newUserId = generateUserId(rules, unique, owner);
        } else {
            newUserId = rules.userId().check(command.userId());
            claimOrRefuse(unique, UniqueKind.USER_ID, UserIdRule.uniquenessKey(newUserId), owner, "userId");
        }
        if (newWorkEmail != null) {
            claimOrRefuse(unique, UniqueKind.WORK_EMAIL, EmailAddressRule.uniquenessKey(newWorkEmail), owner, "workEmail");
        }
        if (newPhone != null) {
            claimOrRefuse(unique, UniqueKind.PHONE, newPhone, owner, "phone");
        }
        unique.claim(UniqueKind.MEMBER, owner, owner);

        apply(new MemberCreated(command.memberId(), newName, newUserId, newWorkEmail, newPhone, departments,
                LoginEmailType.WORK_EMAIL, newWorkEmail));
    }

    @CommandHandler
    public MemberWritten handle(UpdateMember command, MemberPolicies rules, UniqueValues unique) {
        if (command.expectedVersion() != null && command.expectedVersion() != version) {
            throw new DomainRuleViolation(ErrorCode.VERSION_CONFLICT, "version",
                    "The member was changed meanwhile: it is at version " + version + ", not "
                            + command.expectedVersion() + ". Reload it and try again.");
        }
        String newName = command.name().present() ? rules.name().check(command.name().value()) : name;
        String newUserId = command.userId().present() ? rules.userId().check(command.userId().value()) : userId;
        String newWorkEmail = command.workEmail().present()
                ? rules.email().check("workEmail", command.workEmail().value()) : workEmail;
        String newPhone = command.phone().present() ? rules.phone().check(command.phone().value()) : phone;
        rules.reachable().check(newPhone, newWorkEmail);
        List<DepartmentId> newDepartments = command.departmentIds().present()
                ? rules.departments().check(command.departmentIds().value(), departmentExists(unique))
                : departmentIds;

        String owner = memberId.value();
        if (!newUserId.equals(userId)) {
            reclaim(unique, UniqueKind.USER_ID, UserIdRule.uniquenessKey(userId),
                    UserIdRule.uniquenessKey(newUserId), owner, "userId");
        }
        if (!Objects.equals(newWorkEmail, workEmail)) {
            reclaim(unique, UniqueKind.WORK_EMAIL, workEmail == null ? null : EmailAddressRule.uniquenessKey(workEmail),
                    newWorkEmail == null ? null : EmailAddressRule.uniquenessKey(newWorkEmail), owner, "workEmail");
        }
        if (!Objects.equals(newPhone, phone)) {
            reclaim(unique, UniqueKind.PHONE, phone, newPhone, owner, "phone");
        }

        if (!newName.equals(name)) {
            apply(new MemberNameChanged(memberId, name, newName));
        }
        if (!newUserId.equals(userId)) {
            apply(new UserIdChanged(memberId, userId, newUserId));
        }
        if (!Objects.equals(newWorkEmail, workEmail)) {
            String oldWorkEmail = workEmail;
            apply(new ContactEmailChanged(memberId, oldWorkEmail, newWorkEmail));
            if (loginFollowsWorkEmail() && !Objects.equals(loginEmail, newWorkEmail)) {
                apply(new LoginEmailChanged(memberId, loginEmail, newWorkEmail));
            }
        }
        if (!Objects.equals(newPhone, phone)) {
            apply(new PhoneNumberChanged(memberId, phone, newPhone));
        }
        if (!newDepartments.equals(departmentIds)) {
            apply(new DepartmentsChanged(memberId, departmentIds, newDepartments));
        }
        return new MemberWritten(memberId, version);
    }

    /** SPEC §2.2: while inactive with WORK_EMAIL, the login email follows the work email. */
    private boolean loginFollowsWorkEmail() {
        return status == MemberStatus.INACTIVE && loginEmailType == LoginEmailType.WORK_EMAIL;
    }

    private static java.util.function.Predicate<DepartmentId> departmentExists(UniqueValues unique) {
        return id -> unique.ownerOf(UniqueKind.DEPARTMENT, id.value()).isPresent();
    }

    private static String generateUserId(MemberPolicies rules, UniqueValues unique, String owner) {
        for (int attempt = 0; attempt < 10; attempt++) {
            String candidate = rules.userId().generate();
            if (unique.claim(UniqueKind.USER_ID, UserIdRule.uniquenessKey(candidate), owner)) {
                return candidate;
            }
        }
        throw new IllegalStateException("Could not generate a free user ID");
    }

    private static void reclaim(UniqueValues unique, UniqueKind kind, String oldKey, String newKey, String owner,
                                String field) {
        if (newKey != null && !newKey.equals(oldKey)) {
            claimOrRefuse(unique, kind, newKey, owner, field);
        }
        if (oldKey != null && !oldKey.equals(newKey)) {
            unique.release(kind, oldKey, owner);
        }
    }

    private static void claimOrRefuse(UniqueValues unique, UniqueKind kind, String key, String owner, String field) {
        if (!unique.claim(kind, key, owner)) {
            throw new DomainRuleViolation(ErrorCode.DUPLICATE_VALUE, field,
                    "Another member already has this " + field + ".");
        }
    }

    @EventSourcingHandler
    void on(MemberCreated event, @SequenceNumber long sequence) {
        memberId = event.memberId();
        version = sequence + 1;
        status = MemberStatus.INACTIVE;
        name = event.name();
        userId = event.userId();
        workEmail = event.workEmail();
        phone = event.phone();
        departmentIds = List.copyOf(event.departmentIds());
        loginEmailType = event.loginEmailType();
        loginEmail = event.loginEmail();
    }

    @EventSourcingHandler
    void on(MemberNameChanged event, @SequenceNumber long sequence) {
        version = sequence + 1;
        name = event.after();
    }

    @EventSourcingHandler
    void on(UserIdChanged event, @SequenceNumber long sequence) {
        version = sequence + 1;
        userId = event.after();
    }

    @EventSourcingHandler
    void on(ContactEmailChanged event, @SequenceNumber long sequence) {
        version = sequence + 1;
        workEmail = event.after();
    }

    @EventSourcingHandler
    void on(LoginEmailChanged event, @SequenceNumber long sequence) {
        version = sequence + 1;
        loginEmail = event.after();
    }

    @EventSourcingHandler
    void on(PhoneNumberChanged event, @SequenceNumber long sequence) {
        version = sequence + 1;
        phone = event.after();
    }

    @EventSourcingHandler
    void on(DepartmentsChanged event, @SequenceNumber long sequence) {
        version = sequence + 1;
        departmentIds = List.copyOf(event.after());
    }
}
