package com.memberdirectory.command.member;

import com.memberdirectory.command.credentials.LoginPasswords;
import com.memberdirectory.command.importing.ImportSecrets;
import com.memberdirectory.command.uniqueness.InMemoryUniqueValues;
import com.memberdirectory.command.uniqueness.UniqueKind;
import com.memberdirectory.kernel.access.Actor;
import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.member.ActivateMember;
import com.memberdirectory.kernel.member.ChooseLoginMethod;
import com.memberdirectory.kernel.member.CityChanged;
import com.memberdirectory.kernel.member.DottedLineManagersChanged;
import com.memberdirectory.kernel.member.DropOffboardedManager;
import com.memberdirectory.kernel.member.Gender;
import com.memberdirectory.kernel.member.ImportRow;
import com.memberdirectory.kernel.member.LoginEmailType;
import com.memberdirectory.kernel.member.ManagerChanged;
import com.memberdirectory.kernel.member.MemberActivated;
import com.memberdirectory.kernel.member.MemberChanges;
import com.memberdirectory.kernel.member.MemberFields;
import com.memberdirectory.kernel.member.MemberCreated;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.member.MemberOffboarded;
import com.memberdirectory.kernel.member.MemberResumed;
import com.memberdirectory.kernel.member.MemberStatus;
import com.memberdirectory.kernel.member.MemberSuspended;
import com.memberdirectory.kernel.member.OffboardMember;
import com.memberdirectory.kernel.member.ResumeMember;
import com.memberdirectory.kernel.member.SetProfilePhoto;
import com.memberdirectory.kernel.member.SuspendMember;
import com.memberdirectory.kernel.member.UpdateMember;
import com.memberdirectory.kernel.problem.ErrorCode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static com.memberdirectory.command.ViolationMatcher.violation;
import static org.assertj.core.api.Assertions.assertThat;

/** Suspension, resumption and offboarding of a member (docs/lifecycle.md). */
class MemberLifecycleTest {

    static final MemberId ANN = new MemberId("ann");
    static final MemberId BO = new MemberId("bo");
    static final MemberId CY = new MemberId("cy");
    static final DepartmentId SALES = new DepartmentId("sales");
    static final DepartmentId SUPPORT = new DepartmentId("support");
    static final Actor ADMIN = Actor.organization("admin");

    FixtureConfiguration<Member> fixture;
    InMemoryUniqueValues claims = new InMemoryUniqueValues();
    Set<MemberId> reports = new HashSet<>();
    List<Object> sent = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerInjectableResource(MemberPolicies.of("CN", List.of("corp.example")));
        fixture.registerInjectableResource(claims);
        fixture.registerInjectableResource((LoginPasswords) (member, password) -> { });
        fixture.registerInjectableResource(new ImportSecrets() {
            @Override
            public void keep(String importId, MemberId member, String password) {
            }

            @Override
            public boolean holdsAny(String importId) {
                return false;
            }
        });
        fixture.registerInjectableResource((ReportingLines) manager -> Set.copyOf(reports));
        fixture.registerInjectableResource(recordingGateway());
        claims.claim(UniqueKind.DEPARTMENT, SALES.value(), "Sales");
        claims.claim(UniqueKind.DEPARTMENT_PATH, "sales", SALES.value());
        claims.claim(UniqueKind.DEPARTMENT, SUPPORT.value(), "Support");
        claims.claim(UniqueKind.DEPARTMENT_PATH, "support", SUPPORT.value());
        claims.claim(UniqueKind.MEMBER, BO.value(), BO.value());
    }

    /** Records the commands the member sends (the offboarding's to the members who report to it). */
    private CommandGateway recordingGateway() {
        return (CommandGateway) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{CommandGateway.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("sendAndWait")) {
                        sent.add(args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    static MemberCreated ann() {
        return new MemberCreated(ANN, "Ann", null, null, null, "ann", "ann@x.com", null, "+8613800138000", false,
                Gender.UNSPECIFIED, List.of(SALES), null, "E-1", null, null, null, BO, List.of(),
                LoginEmailType.WORK_EMAIL, "ann@x.com");
    }

    // --- suspension

    @Test
    void suspending_records_the_status_it_interrupts_and_resuming_returns_to_it() {
        fixture.given(ann()).when(new SuspendMember(ANN, null, ADMIN))
                .expectEvents(new MemberSuspended(ANN, MemberStatus.INACTIVE));
        fixture.given(ann(), new MemberActivated(ANN)).when(new SuspendMember(ANN, null, ADMIN))
                .expectEvents(new MemberSuspended(ANN, MemberStatus.ACTIVE));
        fixture.given(ann(), new MemberActivated(ANN), new MemberSuspended(ANN, MemberStatus.ACTIVE))
                .when(new ResumeMember(ANN, null, ADMIN))
                .expectEvents(new MemberResumed(ANN, MemberStatus.ACTIVE));
        fixture.given(ann(), new MemberSuspended(ANN, MemberStatus.INACTIVE))
                .when(new ResumeMember(ANN, null, ADMIN))
                .expectEvents(new MemberResumed(ANN, MemberStatus.INACTIVE));
    }

    @Test
    void suspending_a_suspended_member_and_resuming_one_not_suspended_record_nothing() {
        fixture.given(ann(), new MemberSuspended(ANN, MemberStatus.INACTIVE))
                .when(new SuspendMember(ANN, null, ADMIN))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(ann()).when(new ResumeMember(ANN, null, ADMIN))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(ann(), new MemberSuspended(ANN, MemberStatus.INACTIVE), new MemberResumed(ANN, MemberStatus.INACTIVE))
                .when(new ResumeMember(ANN, null, ADMIN))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void a_suspended_member_cannot_be_activated_until_resumed() {
        fixture.given(ann(), new MemberSuspended(ANN, MemberStatus.INACTIVE))
                .when(new ActivateMember(ANN, ADMIN))
                .expectNoEvents()
                .expectException(violation(ErrorCode.MEMBER_SUSPENDED, "status"));
        fixture.given(ann(), new MemberSuspended(ANN, MemberStatus.INACTIVE), new MemberResumed(ANN, MemberStatus.INACTIVE))
                .when(new ActivateMember(ANN, ADMIN))
                .expectEvents(new MemberActivated(ANN));
    }

    @Test
    void a_suspended_member_can_still_be_edited() {
        fixture.given(ann(), new MemberSuspended(ANN, MemberStatus.INACTIVE))
                .when(new UpdateMember(ANN, null, MemberChanges.builder().set(MemberFields.CITY, "Lyon").build(), ADMIN))
                .expectEvents(new CityChanged(ANN, null, "Lyon"));
    }

    @Test
    void suspension_follows_the_write_access_policy_and_the_version() {
        fixture.given(ann()).when(new SuspendMember(ANN, null, Actor.departments("scoped", Set.of(SUPPORT.value()))))
                .expectNoEvents().expectException(violation(ErrorCode.FORBIDDEN, "departmentIds"));
        fixture.given(ann()).when(new SuspendMember(ANN, null, Actor.none("reader")))
                .expectNoEvents().expectException(violation(ErrorCode.FORBIDDEN, "actor"));
        fixture.given(ann()).when(new SuspendMember(ANN, null, Actor.departments("scoped", Set.of(SALES.value()))))
                .expectEvents(new MemberSuspended(ANN, MemberStatus.INACTIVE));
        fixture.given(ann()).when(new SuspendMember(ANN, 7L, ADMIN))
                .expectNoEvents().expectException(violation(ErrorCode.VERSION_CONFLICT, "version"));
        fixture.given(ann(), new MemberSuspended(ANN, MemberStatus.INACTIVE)).when(new ResumeMember(ANN, 1L, ADMIN))
                .expectNoEvents().expectException(violation(ErrorCode.VERSION_CONFLICT, "version"));
        fixture.given(ann(), new MemberSuspended(ANN, MemberStatus.INACTIVE)).when(new ResumeMember(ANN, 2L, ADMIN))
                .expectEvents(new MemberResumed(ANN, MemberStatus.INACTIVE));
    }

    // --- offboarding

    @Test
    void offboarding_releases_every_unique_value_and_the_member_itself() {
        claims.claim(UniqueKind.USER_ID, "ann", ANN.value());
        claims.claim(UniqueKind.WORK_EMAIL, "ann@x.com", ANN.value());
        claims.claim(UniqueKind.LOGIN_EMAIL, "ann@x.com", ANN.value());
        claims.claim(UniqueKind.PHONE, "+8613800138000", ANN.value());
        claims.claim(UniqueKind.EMPLOYEE_ID, "e-1", ANN.value());
        claims.claim(UniqueKind.MEMBER, ANN.value(), ANN.value());
        claims.claim(UniqueKind.MANAGER, ANN.value(), BO.value());
        fixture.given(ann(), new MemberSuspended(ANN, MemberStatus.INACTIVE))
                .when(new OffboardMember(ANN, null, ADMIN))
                .expectEvents(new MemberOffboarded(ANN, MemberStatus.SUSPENDED));
        for (UniqueKind kind : List.of(UniqueKind.USER_ID, UniqueKind.WORK_EMAIL, UniqueKind.LOGIN_EMAIL, UniqueKind.PHONE,
                UniqueKind.EMPLOYEE_ID)) {
            assertThat(claims.changes()).as(kind.name())
                    .anyMatch(change -> change.action().equals("release") && change.kind() == kind);
        }
        assertThat(claims.ownerOf(UniqueKind.USER_ID, "ann")).isEmpty();
        assertThat(claims.ownerOf(UniqueKind.WORK_EMAIL, "ann@x.com")).isEmpty();
        assertThat(claims.ownerOf(UniqueKind.LOGIN_EMAIL, "ann@x.com")).isEmpty();
        assertThat(claims.ownerOf(UniqueKind.PHONE, "+8613800138000")).isEmpty();
        assertThat(claims.ownerOf(UniqueKind.EMPLOYEE_ID, "e-1")).isEmpty();
        assertThat(claims.ownerOf(UniqueKind.MEMBER, ANN.value())).as("nobody can choose Ann as a manager").isEmpty();
        assertThat(claims.ownerOf(UniqueKind.MANAGER, ANN.value())).isEmpty();
        assertThat(claims.ownerOf(UniqueKind.OFFBOARDED_MEMBER, ANN.value())).as("an import row still reaches Ann")
                .contains(ANN.value());
    }

    @Test
    void offboarding_tells_each_member_who_reports_to_the_member() {
        reports.add(BO);
        reports.add(CY);
        fixture.given(ann()).when(new OffboardMember(ANN, null, ADMIN))
                .expectEvents(new MemberOffboarded(ANN, MemberStatus.INACTIVE));
        assertThat(sent).containsExactlyInAnyOrder(new DropOffboardedManager(BO, ANN), new DropOffboardedManager(CY, ANN));
    }

    @Test
    void offboarding_an_offboarded_member_records_nothing_and_tells_nobody() {
        reports.add(BO);
        fixture.given(ann(), new MemberOffboarded(ANN, MemberStatus.INACTIVE))
                .when(new OffboardMember(ANN, null, ADMIN))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        assertThat(sent).isEmpty();
    }

    @Test
    void offboarding_follows_the_write_access_policy_and_the_version() {
        fixture.given(ann()).when(new OffboardMember(ANN, null, Actor.departments("scoped", Set.of(SUPPORT.value()))))
                .expectNoEvents().expectException(violation(ErrorCode.FORBIDDEN, "departmentIds"));
        fixture.given(ann()).when(new OffboardMember(ANN, 3L, ADMIN))
                .expectNoEvents().expectException(violation(ErrorCode.VERSION_CONFLICT, "version"));
        assertThat(claims.changes()).noneMatch(change -> change.action().equals("release") && change.kind() != UniqueKind.LOCK);
        fixture.given(ann()).when(new OffboardMember(ANN, 1L, Actor.departments("scoped", Set.of(SALES.value()))))
                .expectEvents(new MemberOffboarded(ANN, MemberStatus.INACTIVE));
    }

    @Test
    void an_offboarded_member_changes_no_more() {
        MemberOffboarded offboarded = new MemberOffboarded(ANN, MemberStatus.ACTIVE);
        fixture.given(ann(), new MemberActivated(ANN), offboarded)
                .when(new UpdateMember(ANN, null, MemberChanges.builder().set(MemberFields.CITY, "Lyon").build(), ADMIN))
                .expectNoEvents().expectException(violation(ErrorCode.MEMBER_OFFBOARDED, "status"));
        fixture.given(ann(), offboarded)
                .when(MemberRows.command(ANN, null, MemberChanges.builder().set(MemberFields.CITY, "Lyon").build(), null, null,
                        new ImportRow("import-1", 2), false, ADMIN))
                .expectNoEvents().expectException(violation(ErrorCode.MEMBER_OFFBOARDED, "status"));
        fixture.given(ann(), offboarded)
                .when(MemberRows.command(ANN, null, MemberChanges.builder().set(MemberFields.CITY, "Lyon").build(), null, null,
                        new ImportRow("import-1", 2), true, ADMIN))
                .expectNoEvents().expectException(violation(ErrorCode.MEMBER_OFFBOARDED, "status"));
        fixture.given(ann(), offboarded).when(new ActivateMember(ANN, ADMIN))
                .expectNoEvents().expectException(violation(ErrorCode.MEMBER_OFFBOARDED, "status"));
        fixture.given(ann(), offboarded)
                .when(new ChooseLoginMethod(ANN, null, LoginEmailType.WORK_EMAIL, null, false, ADMIN))
                .expectNoEvents().expectException(violation(ErrorCode.MEMBER_OFFBOARDED, "status"));
        fixture.given(ann(), offboarded)
                .when(new SetProfilePhoto(ANN, null, "photo-1", "image/png", 10, "00", ADMIN))
                .expectNoEvents().expectException(violation(ErrorCode.MEMBER_OFFBOARDED, "status"));
        fixture.given(ann(), offboarded).when(new SuspendMember(ANN, null, ADMIN))
                .expectNoEvents().expectException(violation(ErrorCode.MEMBER_OFFBOARDED, "status"));
        fixture.given(ann(), offboarded).when(new ResumeMember(ANN, null, ADMIN))
                .expectNoEvents().expectException(violation(ErrorCode.MEMBER_OFFBOARDED, "status"));
    }

    @Test
    void an_admin_out_of_reach_is_refused_before_being_told_the_member_left() {
        fixture.given(ann(), new MemberOffboarded(ANN, MemberStatus.INACTIVE))
                .when(new UpdateMember(ANN, null, MemberChanges.builder().set(MemberFields.CITY, "Lyon").build(), Actor.none("reader")))
                .expectNoEvents().expectException(violation(ErrorCode.FORBIDDEN, "actor"));
    }

    // --- the members who reported to an offboarded member

    @Test
    void a_member_drops_an_offboarded_direct_manager() {
        claims.claim(UniqueKind.MANAGER, CY.value(), ANN.value());
        fixture.given(cy(ANN, List.of()))
                .when(new DropOffboardedManager(CY, ANN))
                .expectEvents(new ManagerChanged(CY, ANN, null));
        assertThat(claims.ownerOf(UniqueKind.MANAGER, CY.value())).isEmpty();
    }

    @Test
    void a_member_drops_an_offboarded_dotted_line_manager_and_keeps_the_others() {
        fixture.given(cy(BO, List.of(BO, ANN)))
                .when(new DropOffboardedManager(CY, ANN))
                .expectEvents(new DottedLineManagersChanged(CY, List.of(BO, ANN), List.of(BO)));
        fixture.given(cy(ANN, List.of(ANN)))
                .when(new DropOffboardedManager(CY, ANN))
                .expectEvents(new ManagerChanged(CY, ANN, null), new DottedLineManagersChanged(CY, List.of(ANN), List.of()));
    }

    @Test
    void a_member_who_no_longer_reports_to_the_offboarded_member_or_left_too_changes_nothing() {
        fixture.given(cy(BO, List.of())).when(new DropOffboardedManager(CY, ANN))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(cy(ANN, List.of(ANN)), new MemberOffboarded(CY, MemberStatus.INACTIVE))
                .when(new DropOffboardedManager(CY, ANN))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void a_suspended_member_drops_an_offboarded_manager_too() {
        fixture.given(cy(ANN, List.of()), new MemberSuspended(CY, MemberStatus.ACTIVE))
                .when(new DropOffboardedManager(CY, ANN))
                .expectEvents(new ManagerChanged(CY, ANN, null));
    }

    private static MemberCreated cy(MemberId manager, List<MemberId> dottedLine) {
        return new MemberCreated(CY, "Cy", null, null, null, "cy", "cy@x.com", null, null, false, Gender.UNSPECIFIED,
                List.of(SUPPORT), null, null, null, null, null, manager, dottedLine, LoginEmailType.WORK_EMAIL, "cy@x.com");
    }

    // --- the rule on its own

    @Test
    void the_lifecycle_rule() {
        LifecycleRule rule = new LifecycleRule();
        assertThat(rule.suspends(MemberStatus.ACTIVE)).isTrue();
        assertThat(rule.suspends(MemberStatus.INACTIVE)).isTrue();
        assertThat(rule.suspends(MemberStatus.SUSPENDED)).isFalse();
        assertThat(rule.resumes(MemberStatus.SUSPENDED)).isTrue();
        assertThat(rule.resumes(MemberStatus.ACTIVE)).isFalse();
        assertThat(rule.offboards(MemberStatus.SUSPENDED)).isTrue();
        assertThat(rule.offboards(MemberStatus.OFFBOARDED)).isFalse();
        rule.checkActivatable(MemberStatus.INACTIVE);
        rule.checkChangeable(MemberStatus.SUSPENDED);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rule.checkActivatable(MemberStatus.SUSPENDED))
                .hasFieldOrPropertyWithValue("code", ErrorCode.MEMBER_SUSPENDED);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rule.suspends(MemberStatus.OFFBOARDED))
                .hasFieldOrPropertyWithValue("code", ErrorCode.MEMBER_OFFBOARDED);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rule.resumes(MemberStatus.OFFBOARDED))
                .hasFieldOrPropertyWithValue("code", ErrorCode.MEMBER_OFFBOARDED);
        assertThat(new MemberLifecycle(true, false).status(MemberStatus.ACTIVE)).isEqualTo(MemberStatus.SUSPENDED);
        assertThat(new MemberLifecycle(true, true).status(MemberStatus.ACTIVE)).isEqualTo(MemberStatus.OFFBOARDED);
        assertThat(MemberLifecycle.NEW.status(MemberStatus.ACTIVE)).isEqualTo(MemberStatus.ACTIVE);
    }
}
