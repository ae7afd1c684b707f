package com.memberdirectory.command.member;

import com.memberdirectory.kernel.access.Actor;
import com.memberdirectory.command.credentials.LoginPasswords;
import com.memberdirectory.command.importing.ImportSecrets;
import com.memberdirectory.command.uniqueness.InMemoryUniqueValues;
import com.memberdirectory.command.uniqueness.UniqueKind;
import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.member.ActivateMember;
import com.memberdirectory.kernel.member.BusinessEmailChanged;
import com.memberdirectory.kernel.member.ChooseLoginMethod;
import com.memberdirectory.kernel.member.CityChanged;
import com.memberdirectory.kernel.member.Gender;
import com.memberdirectory.kernel.member.ImportRow;
import com.memberdirectory.kernel.member.LoginEmailChanged;
import com.memberdirectory.kernel.member.LoginEmailType;
import com.memberdirectory.kernel.member.LoginMethodChosen;
import com.memberdirectory.kernel.member.LoginMethodResult;
import com.memberdirectory.kernel.member.LoginPasswordSet;
import com.memberdirectory.kernel.member.ManagerChanged;
import com.memberdirectory.kernel.member.MemberActivated;
import com.memberdirectory.kernel.member.MemberChanges;
import com.memberdirectory.kernel.member.MemberFields;
import com.memberdirectory.kernel.member.MemberCreated;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.member.ContactEmailChanged;
import com.memberdirectory.kernel.member.SeatChanged;
import com.memberdirectory.kernel.member.UpdateMember;
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.memberdirectory.command.ViolationMatcher.violation;
import static org.assertj.core.api.Assertions.assertThat;

/** The member record beyond name and contact: business email, seats, managers, login method, activation. */
class MemberRecordTest {

    static final MemberId ANN = new MemberId("ann");
    static final MemberId BO = new MemberId("bo");
    static final DepartmentId SALES = new DepartmentId("sales");

    FixtureConfiguration<Member> fixture;
    InMemoryUniqueValues claims = new InMemoryUniqueValues();
    Map<MemberId, String> passwords = new HashMap<>();
    Map<MemberId, String> importPasswords = new HashMap<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerInjectableResource(MemberPolicies.of("CN", List.of("corp.example")));
        fixture.registerInjectableResource(claims);
        fixture.registerInjectableResource((LoginPasswords) passwords::put);
        fixture.registerInjectableResource(new ImportSecrets() {
            @Override
            public void keep(String importId, MemberId member, String password) {
                importPasswords.put(member, password);
            }

            @Override
            public boolean holdsAny(String importId) {
                return !importPasswords.isEmpty();
            }
        });
        claims.claim(UniqueKind.DEPARTMENT, SALES.value(), "Sales");
        claims.claim(UniqueKind.MEMBER, BO.value(), BO.value());
    }

    static MemberCreated ann() {
        return new MemberCreated(ANN, "Ann", null, null, null, "ann", "ann@x.com", null, null, false, Gender.UNSPECIFIED,
                List.of(SALES), null, null, null, null, null, null, List.of(), LoginEmailType.WORK_EMAIL, "ann@x.com");
    }

    @Test
    void a_new_member_can_be_created_with_every_optional_field() {
        fixture.givenNoPriorActivity()
                .when(new com.memberdirectory.kernel.member.CreateMember(ANN, MemberChanges.builder()
                        .set(MemberFields.NAME, " Ann ").set(MemberFields.USER_ID, "ann").set(MemberFields.WORK_EMAIL, "ann@x.com").set(MemberFields.BUSINESS_EMAIL, "ann@corp.example")
                        .set(MemberFields.PHONE, "13800138000").set(MemberFields.HIDE_PHONE, true).set(MemberFields.GENDER, Gender.FEMALE).set(MemberFields.DEPARTMENTS, List.of(SALES))
                        .set(MemberFields.SEAT_ID, "S-1").set(MemberFields.EMPLOYEE_ID, "E-1").set(MemberFields.EMPLOYMENT_DATE, LocalDate.of(2024, 3, 1))
                        .set(MemberFields.COUNTRY_REGION, "cn").set(MemberFields.CITY, "Shanghai").set(MemberFields.MANAGER, BO).set(MemberFields.DOTTED_LINE_MANAGERS, List.of(BO))
                        .set(MemberFields.SURNAME, "Lee").set(MemberFields.FIRST_NAME, "Ann").set(MemberFields.ALIAS, "Annie").build(), Actor.organization("admin")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MemberCreated(ANN, "Ann", "Lee", "Ann", "Annie", "ann", "ann@x.com", "ann@corp.example",
                        "+8613800138000", true, Gender.FEMALE, List.of(SALES), "S-1", "E-1", LocalDate.of(2024, 3, 1),
                        "CN", "Shanghai", BO, List.of(BO), LoginEmailType.WORK_EMAIL, "ann@x.com"));
        assertThat(claims.ownerOf(UniqueKind.SEAT_ID, "s-1")).contains("ann");
        assertThat(claims.ownerOf(UniqueKind.MANAGER, "ann")).contains("bo");
    }

    @Test
    void a_patch_of_several_fields_records_one_event_per_changed_field_and_none_for_unchanged_ones() {
        fixture.given(ann())
                .when(new UpdateMember(ANN, null, MemberChanges.builder()
                        .set(MemberFields.NAME, "Ann").set(MemberFields.SEAT_ID, "S-9").set(MemberFields.CITY, "Berlin").set(MemberFields.BUSINESS_EMAIL, "ann@corp.example").build(), Actor.organization("admin")))
                .expectEvents(new BusinessEmailChanged(ANN, null, "ann@corp.example"),
                        new SeatChanged(ANN, null, "S-9"), new CityChanged(ANN, null, "Berlin"));
    }

    @Test
    void a_seat_held_by_another_member_is_a_duplicate() {
        claims.claim(UniqueKind.SEAT_ID, "s-9", "someone-else");
        fixture.given(ann())
                .when(new UpdateMember(ANN, null, MemberChanges.builder().set(MemberFields.SEAT_ID, "S-9").build(), Actor.organization("admin")))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Another member already has this seatId.")
                .expectNoEvents();
    }

    @Test
    void a_business_email_outside_the_mail_domains_is_refused() {
        fixture.given(ann())
                .when(new UpdateMember(ANN, null, MemberChanges.builder().set(MemberFields.BUSINESS_EMAIL, "ann@gmail.com").build(), Actor.organization("admin")))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("corp.example"))
                .expectNoEvents();
    }

    @Test
    void the_direct_manager_is_recorded_and_the_chain_is_kept_for_cycle_checks() {
        fixture.given(ann())
                .when(new UpdateMember(ANN, null, MemberChanges.builder().set(MemberFields.MANAGER, BO).build(), Actor.organization("admin")))
                .expectEvents(new ManagerChanged(ANN, null, BO));
        assertThat(claims.ownerOf(UniqueKind.MANAGER, "ann")).contains("bo");
    }

    @Test
    void a_manager_who_reports_to_the_member_is_a_cycle() {
        claims.claim(UniqueKind.MANAGER, BO.value(), ANN.value());
        fixture.given(ann())
                .when(new UpdateMember(ANN, null, MemberChanges.builder().set(MemberFields.MANAGER, BO).build(), Actor.organization("admin")))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("cycle"))
                .expectNoEvents();
    }

    @Test
    void choosing_the_business_email_needs_a_business_email() {
        fixture.given(ann())
                .when(new ChooseLoginMethod(ANN, null, LoginEmailType.BUSINESS_EMAIL, null, true, Actor.organization("admin")))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("business email"))
                .expectNoEvents();
        assertThat(passwords).isEmpty();
    }

    @Test
    void choosing_the_business_email_with_a_generated_password_links_the_login_to_it_and_stores_only_outside_events() {
        fixture.given(ann(), new BusinessEmailChanged(ANN, null, "ann@corp.example"))
                .when(new ChooseLoginMethod(ANN, null, LoginEmailType.BUSINESS_EMAIL, null, true, Actor.organization("admin")))
                .expectEvents(new LoginMethodChosen(ANN, LoginEmailType.WORK_EMAIL, LoginEmailType.BUSINESS_EMAIL),
                        new LoginEmailChanged(ANN, "ann@x.com", "ann@corp.example"),
                        new LoginPasswordSet(ANN, true))
                .expectResultMessagePayloadMatching(org.hamcrest.Matchers.instanceOf(LoginMethodResult.class));
        assertThat(passwords.get(ANN)).hasSize(16);
    }

    @Test
    void a_weak_password_is_refused() {
        fixture.given(ann(), new BusinessEmailChanged(ANN, null, "ann@corp.example"))
                .when(new ChooseLoginMethod(ANN, null, LoginEmailType.BUSINESS_EMAIL, "short1", false, Actor.organization("admin")))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("at least 8 characters"))
                .expectNoEvents();
    }

    @Test
    void an_active_member_keeps_its_login_method() {
        fixture.given(ann(), new MemberActivated(ANN))
                .when(new ChooseLoginMethod(ANN, null, LoginEmailType.WORK_EMAIL, null, false, Actor.organization("admin")))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("inactive"))
                .expectNoEvents();
    }

    @Test
    void after_activation_the_login_no_longer_follows_the_work_email() {
        fixture.given(ann(), new MemberActivated(ANN))
                .when(new UpdateMember(ANN, null, MemberChanges.builder().set(MemberFields.WORK_EMAIL, "new@x.com").build(), Actor.organization("admin")))
                .expectEvents(new ContactEmailChanged(ANN, "ann@x.com", "new@x.com"));
    }

    @Test
    void activation_happens_once() {
        fixture.given(ann()).when(new ActivateMember(ANN, Actor.organization("admin"))).expectEvents(new MemberActivated(ANN));
        fixture.given(ann(), new MemberActivated(ANN)).when(new ActivateMember(ANN, Actor.organization("admin"))).expectNoEvents();
    }

    @Test
    void a_stale_version_is_a_conflict() {
        fixture.given(ann())
                .when(new UpdateMember(ANN, 7L, MemberChanges.builder().set(MemberFields.CITY, "Berlin").build(), Actor.organization("admin")))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("it is at version 1, not 7"))
                .expectNoEvents();
    }


    @Test
    void an_import_row_is_applied_once_even_when_sent_again_after_a_crash() {
        ImportRow row = new ImportRow("imp-1", 7);
        Object fromRow = MemberRows.command(ANN, 1L, MemberChanges.builder().set(MemberFields.CITY, "Berlin").build(), null, null, row, false, Actor.organization("admin"));
        fixture.given(ann())
                .when(fromRow)
                .expectEvents(new CityChanged(ANN, null, "Berlin"));
        assertThat(claims.count(UniqueKind.IMPORT_ROW, "imp-1/changed/")).isEqualTo(1);
        fixture.given(ann(), new CityChanged(ANN, null, "Berlin"))
                .when(MemberRows.command(ANN, 1L, MemberChanges.builder().set(MemberFields.CITY, "Paris").build(), null, null, row, false, Actor.organization("admin")))
                .expectNoEvents();
    }

    @Test
    void a_row_of_an_admin_limited_to_other_departments_changes_nothing_even_in_a_dry_run() {
        claims.claim(UniqueKind.DEPARTMENT, "support", "Support");
        for (boolean dryRun : new boolean[]{false, true}) {
            fixture.given(ann())
                    .when(MemberRows.command(ANN, null, MemberChanges.builder().set(MemberFields.CITY, "Berlin").build(), null, null,
                            new ImportRow("imp-5", 1), dryRun, Actor.departments("admin", java.util.Set.of("support"))))
                    .expectException(DomainRuleViolation.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("outside the departments you administer"))
                    .expectNoEvents();
        }
        assertThat(claims.count(UniqueKind.IMPORT_ROW, "imp-5/")).isZero();
    }

    @Test
    void a_row_of_a_department_admin_changes_their_members_but_places_them_only_in_their_departments() {
        claims.claim(UniqueKind.DEPARTMENT, "support", "Support");
        ImportRow row = new ImportRow("imp-6", 1);
        fixture.given(ann())
                .when(MemberRows.command(ANN, null, MemberChanges.builder().set(MemberFields.CITY, "Berlin").build(), null, null, row, false, Actor.departments("admin", java.util.Set.of("sales"))))
                .expectEvents(new CityChanged(ANN, null, "Berlin"));
        fixture.given(ann())
                .when(MemberRows.command(ANN, null, MemberChanges.builder()
                        .set(MemberFields.DEPARTMENTS, List.of(SALES, new DepartmentId("support"))).build(), null, null,
                        new ImportRow("imp-6", 2), false, Actor.departments("admin", java.util.Set.of("sales"))))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("only place members in departments you administer"))
                .expectNoEvents();
    }

    @Test
    void a_row_with_an_old_version_is_a_conflict_only_if_it_would_change_something() {
        Object stale = MemberRows.command(ANN, 1L, MemberChanges.builder().set(MemberFields.CITY, "Berlin").build(), null, null,
                new ImportRow("imp-2", 1), false, Actor.organization("admin"));
        fixture.given(ann(), new CityChanged(ANN, null, "Berlin"))
                .when(stale)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(ann(), new CityChanged(ANN, null, "Berlin"))
                .when(MemberRows.command(ANN, 1L, MemberChanges.builder().set(MemberFields.CITY, "Paris").build(), null, null,
                        new ImportRow("imp-2", 2), false, Actor.organization("admin")))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("changed after the export"))
                .expectNoEvents();
    }

    @Test
    void a_dry_run_answers_the_changes_and_records_nothing() {
        fixture.given(ann())
                .when(MemberRows.command(ANN, null, MemberChanges.builder().set(MemberFields.CITY, "Berlin").set(MemberFields.SEAT_ID, "S-1").build(), null, null,
                        new ImportRow("imp-3", 1), true, Actor.organization("admin")))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(org.hamcrest.Matchers.hasToString(
                        org.hamcrest.Matchers.containsString("changes=2")));
        assertThat(claims.ownerOf(UniqueKind.SEAT_ID, "s-1")).isEmpty();
        assertThat(claims.count(UniqueKind.IMPORT_ROW, "imp-3/")).isZero();
    }

    @Test
    void a_row_choosing_the_business_email_for_a_member_without_password_generates_one_for_the_password_file() {
        fixture.given(ann(), new BusinessEmailChanged(ANN, null, "ann@corp.example"))
                .when(MemberRows.command(ANN, null, MemberChanges.builder().build(), LoginEmailType.BUSINESS_EMAIL, null,
                        new ImportRow("imp-4", 1), false, Actor.organization("admin")))
                .expectEvents(new LoginMethodChosen(ANN, LoginEmailType.WORK_EMAIL, LoginEmailType.BUSINESS_EMAIL),
                        new LoginEmailChanged(ANN, "ann@x.com", "ann@corp.example"),
                        new LoginPasswordSet(ANN, true));
        assertThat(importPasswords.get(ANN)).isEqualTo(passwords.get(ANN)).hasSize(16);
    }

    // --- a login password given in a spreadsheet row

    private static Object row(LoginEmailType type, String password, boolean dryRun) {
        return MemberRows.command(ANN, null, MemberChanges.builder().build(), type, password, new ImportRow("imp-7", 1), dryRun, Actor.organization("admin"));
    }

    @Test
    void a_row_giving_a_password_with_the_business_email_sets_it_for_delivery_and_keeps_it_out_of_the_password_file() {
        fixture.given(ann(), new BusinessEmailChanged(ANN, null, "ann@corp.example"))
                .when(row(LoginEmailType.BUSINESS_EMAIL, "Secret123", false))
                .expectEvents(new LoginMethodChosen(ANN, LoginEmailType.WORK_EMAIL, LoginEmailType.BUSINESS_EMAIL),
                        new LoginEmailChanged(ANN, "ann@x.com", "ann@corp.example"),
                        new LoginPasswordSet(ANN, false))
                .expectResultMessagePayloadMatching(org.axonframework.test.matchers.Matchers.matches(
                        (com.memberdirectory.kernel.member.MemberWritten written) -> written.generatedPassword() == null));
        assertThat(passwords).containsEntry(ANN, "Secret123");
        assertThat(importPasswords).isEmpty();
    }

    @Test
    void a_weak_password_in_a_row_is_refused_on_its_column_and_nothing_is_stored() {
        fixture.given(ann(), new BusinessEmailChanged(ANN, null, "ann@corp.example"))
                .when(row(LoginEmailType.BUSINESS_EMAIL, "short1", false))
                .expectNoEvents()
                .expectException(violation(ErrorCode.WEAK_PASSWORD, "loginPassword"))
                .expectExceptionMessage(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("short1")));
        assertThat(passwords).isEmpty();
    }

    @Test
    void a_password_in_a_row_that_does_not_choose_the_business_email_is_refused() {
        fixture.given(ann(), new BusinessEmailChanged(ANN, null, "ann@corp.example"))
                .when(row(null, "Secret123", false))
                .expectNoEvents()
                .expectException(violation(ErrorCode.INVALID_VALUE, "loginPassword"));
        fixture.given(ann(), new BusinessEmailChanged(ANN, null, "ann@corp.example"))
                .when(row(LoginEmailType.WORK_EMAIL, "Secret123", false))
                .expectNoEvents()
                .expectException(violation(ErrorCode.INVALID_VALUE, "loginPassword"));
        assertThat(passwords).isEmpty();
    }

    @Test
    void a_password_in_a_row_for_an_active_member_is_refused_even_when_the_login_type_is_unchanged() {
        fixture.given(ann(), new BusinessEmailChanged(ANN, null, "ann@corp.example"),
                        new LoginMethodChosen(ANN, LoginEmailType.WORK_EMAIL, LoginEmailType.BUSINESS_EMAIL),
                        new LoginPasswordSet(ANN, true), new MemberActivated(ANN))
                .when(row(LoginEmailType.BUSINESS_EMAIL, "Secret123", false))
                .expectNoEvents()
                .expectException(violation(ErrorCode.MEMBER_ACTIVE, "loginPassword"));
        assertThat(passwords).isEmpty();
    }

    @Test
    void a_dry_run_checks_a_given_password_and_stores_nothing() {
        fixture.given(ann(), new BusinessEmailChanged(ANN, null, "ann@corp.example"))
                .when(row(LoginEmailType.BUSINESS_EMAIL, "Secret123", true))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
        assertThat(passwords).isEmpty();
        assertThat(importPasswords).isEmpty();
        fixture.given(ann(), new BusinessEmailChanged(ANN, null, "ann@corp.example"))
                .when(row(LoginEmailType.BUSINESS_EMAIL, "weakweak", true))
                .expectException(violation(ErrorCode.WEAK_PASSWORD, "loginPassword"));
    }

    @Test
    void an_update_never_prints_its_password() {
        for (boolean dryRun : new boolean[]{false, true}) {
            assertThat(row(LoginEmailType.BUSINESS_EMAIL, "Secret123", dryRun).toString())
                    .doesNotContain("Secret123").contains("loginPassword=***");
        }
    }
}
