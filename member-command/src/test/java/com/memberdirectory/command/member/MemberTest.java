package com.memberdirectory.command.member;

import com.memberdirectory.kernel.access.Actor;
import com.memberdirectory.command.credentials.LoginPasswords;
import com.memberdirectory.command.importing.ImportSecrets;
import com.memberdirectory.command.photo.PhotoDigest;
import com.memberdirectory.command.uniqueness.InMemoryUniqueValues;
import com.memberdirectory.command.uniqueness.InMemoryUniqueValues.Change;
import com.memberdirectory.command.uniqueness.UniqueKind;
import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.member.ContactEmailChanged;
import com.memberdirectory.kernel.member.MemberActivated;
import com.memberdirectory.kernel.member.LoginPasswordSet;
import com.memberdirectory.kernel.member.LoginMethodChosen;
import com.memberdirectory.kernel.member.ImportRow;
import com.memberdirectory.kernel.member.ChooseLoginMethod;
import com.memberdirectory.kernel.member.BusinessEmailChanged;
import com.memberdirectory.kernel.member.JobTitleChanged;
import com.memberdirectory.kernel.member.CreateMember;
import com.memberdirectory.kernel.member.DepartmentsChanged;
import com.memberdirectory.kernel.member.LoginEmailChanged;
import com.memberdirectory.kernel.member.Gender;
import com.memberdirectory.kernel.member.LoginEmailType;
import com.memberdirectory.kernel.member.MemberChanges;
import com.memberdirectory.kernel.member.MemberFields;
import com.memberdirectory.kernel.member.MemberCreated;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.member.MemberNameChanged;
import com.memberdirectory.kernel.member.MemberWritten;
import com.memberdirectory.kernel.member.PhoneNumberChanged;
import com.memberdirectory.kernel.member.ProfilePhotoChanged;
import com.memberdirectory.kernel.member.SetProfilePhoto;
import com.memberdirectory.kernel.member.FieldChange;
import com.memberdirectory.kernel.member.ImportMemberRow;
import com.memberdirectory.kernel.member.PreviewMemberRow;
import com.memberdirectory.kernel.member.RowValues;
import com.memberdirectory.kernel.member.UpdateMember;
import com.memberdirectory.kernel.member.UserIdChanged;
import com.memberdirectory.kernel.problem.ErrorCode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.memberdirectory.command.ViolationMatcher.violation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static org.axonframework.test.matchers.Matchers.andNoMore;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MemberTest {

    private static final MemberId ALICE = new MemberId("member-alice");
    private static final MemberId BOB = new MemberId("member-bob");
    private static final DepartmentId SALES = new DepartmentId("dep-sales");
    private static final DepartmentId ENGINEERING = new DepartmentId("dep-engineering");
    private static final String ALICE_EMAIL = "alice@example.com";
    private static final String ALICE_PHONE = "+8613800138000";

    private FixtureConfiguration<Member> fixture;
    private InMemoryUniqueValues unique;

    @BeforeEach
    void setUp() {
        unique = new InMemoryUniqueValues()
                .given(UniqueKind.DEPARTMENT, SALES.value(), "Sales")
                .given(UniqueKind.DEPARTMENT, ENGINEERING.value(), "Engineering");
        fixture = newFixture();
    }

    /** A fixture on the shared lookup table; one per aggregate a test commands. */
    private FixtureConfiguration<Member> newFixture() {
        FixtureConfiguration<Member> fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerInjectableResource(MemberPolicies.of("CN", List.of("corp.example")));
        fixture.registerInjectableResource(unique);
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
        return fixture;
    }

    private static CreateMember create(String name, String userId, String workEmail, String phone,
                                       List<DepartmentId> departments) {
        MemberChanges.Builder fields = MemberChanges.builder().set(MemberFields.NAME, name);
        if (userId != null) {
            fields.set(MemberFields.USER_ID, userId);
        }
        if (workEmail != null) {
            fields.set(MemberFields.WORK_EMAIL, workEmail);
        }
        if (phone != null) {
            fields.set(MemberFields.PHONE, phone);
        }
        return new CreateMember(ALICE, fields.set(MemberFields.DEPARTMENTS, departments).build(), Actor.organization("admin"));
    }

    private static MemberCreated aliceCreated(String workEmail, String phone) {
        return created(workEmail, phone, List.of(SALES));
    }

    private static MemberCreated created(String workEmail, String phone, List<DepartmentId> departments) {
        return new MemberCreated(ALICE, "Alice", null, null, null, "alice", workEmail, null, phone, false,
                Gender.UNSPECIFIED, departments, null, null, null, null, null, null, List.of(),
                LoginEmailType.WORK_EMAIL, workEmail);
    }

    /** Alice as created, with her claims in the lookup table. */
    private MemberCreated givenAlice(String workEmail, String phone) {
        unique.given(UniqueKind.USER_ID, "alice", ALICE.value()).given(UniqueKind.MEMBER, ALICE.value(), ALICE.value());
        if (workEmail != null) {
            unique.given(UniqueKind.WORK_EMAIL, workEmail.toLowerCase(), ALICE.value())
                    .given(UniqueKind.LOGIN_EMAIL, workEmail.toLowerCase(), ALICE.value());
        }
        if (phone != null) {
            unique.given(UniqueKind.PHONE, phone, ALICE.value());
        }
        return aliceCreated(workEmail, phone);
    }

    private static UpdateMember update() {
        return new UpdateMember(ALICE, null, MemberChanges.builder().build(), Actor.organization("admin"));
    }

    // --- creation

    @Test
    void a_new_member_is_created_inactive_with_the_login_email_following_the_work_email() {
        fixture.givenNoPriorActivity()
                .when(create(" Alice ", "alice", ALICE_EMAIL, ALICE_PHONE, List.of(SALES)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(aliceCreated(ALICE_EMAIL, ALICE_PHONE));
        assertThat(unique.changes()).containsExactlyInAnyOrder(
                new Change("claim", UniqueKind.USER_ID, "alice", ALICE.value()),
                new Change("claim", UniqueKind.WORK_EMAIL, ALICE_EMAIL, ALICE.value()),
                new Change("claim", UniqueKind.PHONE, ALICE_PHONE, ALICE.value()),
                new Change("claim", UniqueKind.LOGIN_EMAIL, ALICE_EMAIL, ALICE.value()),
                new Change("claim", UniqueKind.MEMBER, ALICE.value(), ALICE.value()));
    }

    @Test
    void a_new_member_whose_work_email_is_another_members_login_email_is_refused() {
        unique.given(UniqueKind.LOGIN_EMAIL, ALICE_EMAIL, BOB.value());
        fixture.givenNoPriorActivity()
                .when(create("Alice", "alice", "Alice@Example.com", null, List.of(SALES)))
                .expectNoEvents()
                .expectException(violation(ErrorCode.DUPLICATE_VALUE, "loginEmail"));
    }

    @Test
    void a_new_member_reachable_by_phone_only_claims_no_login_email() {
        fixture.givenNoPriorActivity()
                .when(create("Alice", "alice", null, ALICE_PHONE, List.of(SALES)))
                .expectSuccessfulHandlerExecution();
        assertThat(unique.changes()).noneMatch(change -> change.kind() == UniqueKind.LOGIN_EMAIL);
    }

    @Test
    void a_user_id_is_generated_when_none_is_given() {
        fixture.givenNoPriorActivity()
                .when(create("Alice", null, ALICE_EMAIL, null, List.of(SALES)))
                .expectEventsMatching(exactSequenceOf(messageWithPayload(matches(
                        (MemberCreated created) -> created.userId().matches("u-[a-z0-9]{10}"))), andNoMore()));
        assertThat(unique.changes()).anySatisfy(change -> {
            assertThat(change.kind()).isEqualTo(UniqueKind.USER_ID);
            assertThat(change.value()).matches("u-[a-z0-9]{10}");
            assertThat(change.owner()).isEqualTo(ALICE.value());
        });
    }

    @Test
    void a_blank_user_id_counts_as_none_and_one_is_generated() {
        fixture.givenNoPriorActivity()
                .when(create("Alice", "  ", ALICE_EMAIL, null, List.of(SALES)))
                .expectEventsMatching(exactSequenceOf(messageWithPayload(matches(
                        (MemberCreated created) -> created.userId().startsWith("u-"))), andNoMore()));
    }

    @Test
    void a_name_is_required() {
        fixture.givenNoPriorActivity()
                .when(create("   ", "alice", ALICE_EMAIL, null, List.of(SALES)))
                .expectNoEvents()
                .expectException(violation(ErrorCode.NAME_REQUIRED, "name"));
    }

    @Test
    void a_name_longer_than_64_characters_is_refused() {
        fixture.givenNoPriorActivity()
                .when(create("x".repeat(65), "alice", ALICE_EMAIL, null, List.of(SALES)))
                .expectNoEvents()
                .expectException(violation(ErrorCode.INVALID_VALUE, "name"));
    }

    @Test
    void an_invalid_work_email_is_refused() {
        fixture.givenNoPriorActivity()
                .when(create("Alice", "alice", "alice@", null, List.of(SALES)))
                .expectNoEvents()
                .expectException(violation(ErrorCode.INVALID_EMAIL, "workEmail"));
    }

    @Test
    void an_invalid_phone_number_is_refused() {
        fixture.givenNoPriorActivity()
                .when(create("Alice", "alice", null, "12345", List.of(SALES)))
                .expectNoEvents()
                .expectException(violation(ErrorCode.INVALID_PHONE, "phone"));
    }

    @Test
    void a_phone_number_without_plus_is_read_in_the_default_region_and_stored_as_E164() {
        fixture.givenNoPriorActivity()
                .when(create("Alice", "alice", null, "13800138000", List.of(SALES)))
                .expectEvents(aliceCreated(null, ALICE_PHONE));
    }

    @Test
    void a_member_without_phone_and_work_email_is_refused() {
        fixture.givenNoPriorActivity()
                .when(create("Alice", "alice", " ", null, List.of(SALES)))
                .expectNoEvents()
                .expectException(violation(ErrorCode.PHONE_OR_WORK_EMAIL_REQUIRED, "phone"));
        assertThat(unique.changes()).isEmpty();
    }

    @Test
    void a_member_needs_a_department() {
        fixture.givenNoPriorActivity()
                .when(create("Alice", "alice", ALICE_EMAIL, null, List.of()))
                .expectNoEvents()
                .expectException(violation(ErrorCode.DEPARTMENT_REQUIRED, "departmentIds"));
    }

    @Test
    void a_member_cannot_be_put_in_an_unknown_department() {
        fixture.givenNoPriorActivity()
                .when(create("Alice", "alice", ALICE_EMAIL, null, List.of(SALES, new DepartmentId("nowhere"))))
                .expectNoEvents()
                .expectException(violation(ErrorCode.UNKNOWN_DEPARTMENT, "departmentIds"));
        assertThat(unique.changes()).isEmpty();
    }

    @Test
    void duplicate_departments_are_kept_once_with_the_first_as_primary() {
        fixture.givenNoPriorActivity()
                .when(create("Alice", "alice", ALICE_EMAIL, null, List.of(ENGINEERING, SALES, ENGINEERING)))
                .expectEvents(created(ALICE_EMAIL, null, List.of(ENGINEERING, SALES)));
    }

    @Test
    void a_user_id_held_by_another_member_is_refused_regardless_of_case() {
        unique.given(UniqueKind.USER_ID, "alice", BOB.value());
        fixture.givenNoPriorActivity()
                .when(create("Alice", "ALICE", ALICE_EMAIL, null, List.of(SALES)))
                .expectNoEvents()
                .expectException(violation(ErrorCode.DUPLICATE_VALUE, "userId"));
    }

    @Test
    void a_work_email_held_by_another_member_is_refused_regardless_of_case() {
        unique.given(UniqueKind.WORK_EMAIL, ALICE_EMAIL, BOB.value());
        fixture.givenNoPriorActivity()
                .when(create("Alice", "alice", "Alice@Example.COM", null, List.of(SALES)))
                .expectNoEvents()
                .expectException(violation(ErrorCode.DUPLICATE_VALUE, "workEmail"));
    }

    @Test
    void a_phone_number_held_by_another_member_is_refused_whatever_way_it_is_written() {
        unique.given(UniqueKind.PHONE, ALICE_PHONE, BOB.value());
        fixture.givenNoPriorActivity()
                .when(create("Alice", "alice", null, "138 0013 8000", List.of(SALES)))
                .expectNoEvents()
                .expectException(violation(ErrorCode.DUPLICATE_VALUE, "phone"));
    }

    // --- changes

    @Test
    void a_change_answers_the_new_version_and_records_one_event_per_changed_field() {
        fixture.given(givenAlice(ALICE_EMAIL, ALICE_PHONE))
                .when(new UpdateMember(ALICE, null, MemberChanges.builder().set(MemberFields.NAME, "Alice Liddell").set(MemberFields.DEPARTMENTS, List.of(ENGINEERING)).build(), Actor.organization("admin")))
                .expectEvents(new MemberNameChanged(ALICE, "Alice", "Alice Liddell"),
                        new DepartmentsChanged(ALICE, List.of(SALES), List.of(ENGINEERING)))
                .expectResultMessagePayloadMatching(version(3));
    }

    @Test
    void a_change_to_the_values_the_member_already_has_records_nothing() {
        fixture.given(givenAlice(ALICE_EMAIL, ALICE_PHONE))
                .when(new UpdateMember(ALICE, null, MemberChanges.builder().set(MemberFields.NAME, "Alice").set(MemberFields.USER_ID, "alice").set(MemberFields.WORK_EMAIL, ALICE_EMAIL).set(MemberFields.PHONE, "138 0013 8000").set(MemberFields.DEPARTMENTS, List.of(SALES)).build(), Actor.organization("admin")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayloadMatching(version(1));
        assertThat(unique.changes()).isEmpty();
    }

    @Test
    void clearing_the_phone_is_allowed_while_a_work_email_remains_and_releases_the_phone() {
        fixture.given(givenAlice(ALICE_EMAIL, ALICE_PHONE))
                .when(new UpdateMember(ALICE, null, MemberChanges.builder().set(MemberFields.PHONE, null).build(), Actor.organization("admin")))
                .expectEvents(new PhoneNumberChanged(ALICE, ALICE_PHONE, null));
        assertThat(unique.changes()).containsExactly(new Change("release", UniqueKind.PHONE, ALICE_PHONE, ALICE.value()));
        assertThat(unique.ownerOf(UniqueKind.PHONE, ALICE_PHONE)).isEmpty();
    }

    @Test
    void clearing_the_last_way_to_reach_a_member_is_refused() {
        fixture.given(givenAlice(null, ALICE_PHONE))
                .when(new UpdateMember(ALICE, null, MemberChanges.builder().set(MemberFields.PHONE, null).build(), Actor.organization("admin")))
                .expectNoEvents()
                .expectException(violation(ErrorCode.PHONE_OR_WORK_EMAIL_REQUIRED, "workEmail"));
        assertThat(unique.changes()).isEmpty();
        assertThat(unique.ownerOf(UniqueKind.PHONE, ALICE_PHONE)).contains(ALICE.value());
    }

    @Test
    void clearing_the_departments_is_refused() {
        fixture.given(givenAlice(ALICE_EMAIL, null))
                .when(new UpdateMember(ALICE, null, MemberChanges.builder().set(MemberFields.DEPARTMENTS, List.of()).build(), Actor.organization("admin")))
                .expectNoEvents()
                .expectException(violation(ErrorCode.DEPARTMENT_REQUIRED, "departmentIds"));
    }

    @Test
    void moving_a_member_to_an_unknown_department_is_refused() {
        fixture.given(givenAlice(ALICE_EMAIL, null))
                .when(new UpdateMember(ALICE, null, MemberChanges.builder().set(MemberFields.DEPARTMENTS, List.of(new DepartmentId("nowhere"))).build(), Actor.organization("admin")))
                .expectNoEvents()
                .expectException(violation(ErrorCode.UNKNOWN_DEPARTMENT, "departmentIds"));
    }

    @Test
    void the_login_email_follows_the_work_email_while_the_member_is_inactive() {
        fixture.given(givenAlice(ALICE_EMAIL, null))
                .when(new UpdateMember(ALICE, null, MemberChanges.builder().set(MemberFields.WORK_EMAIL, "alice.liddell@example.com").build(), Actor.organization("admin")))
                .expectEvents(new ContactEmailChanged(ALICE, ALICE_EMAIL, "alice.liddell@example.com"),
                        new LoginEmailChanged(ALICE, ALICE_EMAIL, "alice.liddell@example.com"))
                .expectResultMessagePayloadMatching(version(3));
        assertThat(unique.changes()).containsExactly(
                new Change("claim", UniqueKind.WORK_EMAIL, "alice.liddell@example.com", ALICE.value()),
                new Change("claim", UniqueKind.LOGIN_EMAIL, "alice.liddell@example.com", ALICE.value()),
                new Change("release", UniqueKind.WORK_EMAIL, ALICE_EMAIL, ALICE.value()),
                new Change("release", UniqueKind.LOGIN_EMAIL, ALICE_EMAIL, ALICE.value()));
    }

    @Test
    void changing_the_case_of_the_own_work_email_keeps_the_claim() {
        fixture.given(givenAlice(ALICE_EMAIL, null))
                .when(new UpdateMember(ALICE, null, MemberChanges.builder().set(MemberFields.WORK_EMAIL, "Alice@Example.com").build(), Actor.organization("admin")))
                .expectEvents(new ContactEmailChanged(ALICE, ALICE_EMAIL, "Alice@Example.com"),
                        new LoginEmailChanged(ALICE, ALICE_EMAIL, "Alice@Example.com"));
        assertThat(unique.changes()).isEmpty();
        assertThat(unique.ownerOf(UniqueKind.WORK_EMAIL, ALICE_EMAIL)).contains(ALICE.value());
    }

    @Test
    void an_invalid_email_in_a_change_is_refused() {
        fixture.given(givenAlice(ALICE_EMAIL, null))
                .when(new UpdateMember(ALICE, null, MemberChanges.builder().set(MemberFields.WORK_EMAIL, "not an email").build(), Actor.organization("admin")))
                .expectNoEvents()
                .expectException(violation(ErrorCode.INVALID_EMAIL, "workEmail"));
    }

    @Test
    void changing_to_a_work_email_of_another_member_is_refused_regardless_of_case() {
        unique.given(UniqueKind.WORK_EMAIL, "bob@example.com", BOB.value());
        fixture.given(givenAlice(ALICE_EMAIL, null))
                .when(new UpdateMember(ALICE, null, MemberChanges.builder().set(MemberFields.WORK_EMAIL, "BOB@example.com").build(), Actor.organization("admin")))
                .expectNoEvents()
                .expectException(violation(ErrorCode.DUPLICATE_VALUE, "workEmail"));
        assertThat(unique.ownerOf(UniqueKind.WORK_EMAIL, ALICE_EMAIL)).contains(ALICE.value());
    }

    @Test
    void changing_to_a_phone_of_another_member_is_refused() {
        unique.given(UniqueKind.PHONE, "+8613900139000", BOB.value());
        fixture.given(givenAlice(ALICE_EMAIL, ALICE_PHONE))
                .when(new UpdateMember(ALICE, null, MemberChanges.builder().set(MemberFields.PHONE, "13900139000").build(), Actor.organization("admin")))
                .expectNoEvents()
                .expectException(violation(ErrorCode.DUPLICATE_VALUE, "phone"));
        assertThat(unique.ownerOf(UniqueKind.PHONE, ALICE_PHONE)).contains(ALICE.value());
    }

    @Test
    void changing_to_a_user_id_of_another_member_is_refused_regardless_of_case() {
        unique.given(UniqueKind.USER_ID, "bob", BOB.value());
        fixture.given(givenAlice(ALICE_EMAIL, null))
                .when(new UpdateMember(ALICE, null, MemberChanges.builder().set(MemberFields.USER_ID, "Bob").build(), Actor.organization("admin")))
                .expectNoEvents()
                .expectException(violation(ErrorCode.DUPLICATE_VALUE, "userId"));
    }

    @Test
    void a_new_user_id_is_claimed_and_the_old_one_released() {
        fixture.given(givenAlice(ALICE_EMAIL, null))
                .when(new UpdateMember(ALICE, null, MemberChanges.builder().set(MemberFields.USER_ID, "a.liddell").build(), Actor.organization("admin")))
                .expectEvents(new UserIdChanged(ALICE, "alice", "a.liddell"));
        assertThat(unique.changes()).containsExactly(
                new Change("claim", UniqueKind.USER_ID, "a.liddell", ALICE.value()),
                new Change("release", UniqueKind.USER_ID, "alice", ALICE.value()));
    }

    @Test
    void a_user_id_cannot_be_removed() {
        fixture.given(givenAlice(ALICE_EMAIL, null))
                .when(new UpdateMember(ALICE, null, MemberChanges.builder().set(MemberFields.USER_ID, null).build(), Actor.organization("admin")))
                .expectNoEvents()
                .expectException(violation(ErrorCode.INVALID_VALUE, "userId"));
    }

    @Test
    void a_change_based_on_an_older_version_is_refused() {
        fixture.given(givenAlice(ALICE_EMAIL, null), new MemberNameChanged(ALICE, "Alice", "Alicia"))
                .when(new UpdateMember(ALICE, 1L, MemberChanges.builder().set(MemberFields.NAME, "Alice L.").build(), Actor.organization("admin")))
                .expectNoEvents()
                .expectException(violation(ErrorCode.VERSION_CONFLICT, "version"));
    }

    @Test
    void a_change_based_on_the_current_version_is_applied() {
        fixture.given(givenAlice(ALICE_EMAIL, null), new MemberNameChanged(ALICE, "Alice", "Alicia"))
                .when(new UpdateMember(ALICE, 2L, MemberChanges.builder().set(MemberFields.NAME, "Alice L.").build(), Actor.organization("admin")))
                .expectEvents(new MemberNameChanged(ALICE, "Alicia", "Alice L."))
                .expectResultMessagePayloadMatching(version(3));
    }

    /** The answer of a member command, by the version it reports. */
    private static org.hamcrest.Matcher<MemberWritten> version(long version) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(MemberWritten written) {
                return written.memberId().equals(ALICE) && written.version() == version;
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("written at version " + version);
            }
        };
    }

    // --- profile photo (checked and stored before the command; the command names the stored file)

    private static final String SHA_RED = PhotoDigest.sha256("red".getBytes());
    private static final String SHA_GREEN = PhotoDigest.sha256("green".getBytes());

    private static SetProfilePhoto photo(String photoId, String sha256, Actor actor) {
        return new SetProfilePhoto(ALICE, null, photoId, "image/png", 1234, sha256, actor);
    }

    private static org.hamcrest.Matcher<MemberWritten> recorded(boolean changed) {
        return matches(written -> written.changed() == changed);
    }

    @Test
    void a_photo_is_recorded_with_the_stored_file_and_its_digest() {
        fixture.given(givenAlice(ALICE_EMAIL, null))
                .when(photo("photo-1", SHA_RED, Actor.organization("admin")))
                .expectEvents(new ProfilePhotoChanged(ALICE, null, "photo-1", "image/png", 1234, SHA_RED))
                .expectResultMessagePayloadMatching(version(2))
                .expectResultMessagePayloadMatching(recorded(true));
    }

    @Test
    void uploading_the_photo_the_member_already_has_records_nothing_and_says_so() {
        fixture.given(givenAlice(ALICE_EMAIL, null),
                        new ProfilePhotoChanged(ALICE, null, "photo-0", "image/png", 1234, SHA_RED))
                .when(photo("photo-1", SHA_RED, Actor.organization("admin")))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(version(2))
                .expectResultMessagePayloadMatching(recorded(false));
    }

    @Test
    void a_different_photo_replaces_the_current_one() {
        fixture.given(givenAlice(ALICE_EMAIL, null),
                        new ProfilePhotoChanged(ALICE, null, "photo-0", "image/png", 1234, SHA_RED))
                .when(photo("photo-1", SHA_GREEN, Actor.organization("admin")))
                .expectEvents(new ProfilePhotoChanged(ALICE, "photo-0", "photo-1", "image/png", 1234, SHA_GREEN));
    }

    @Test
    void a_photo_recorded_without_digest_by_an_older_revision_is_recorded_again_once() {
        // a revision-1 event: Jackson leaves the missing digest null
        fixture.given(givenAlice(ALICE_EMAIL, null), new ProfilePhotoChanged(ALICE, null, "photo-0", "image/png", 1234, null))
                .when(photo("photo-1", SHA_RED, Actor.organization("admin")))
                .expectEvents(new ProfilePhotoChanged(ALICE, "photo-0", "photo-1", "image/png", 1234, SHA_RED));
        fixture.given(givenAlice(ALICE_EMAIL, null), new ProfilePhotoChanged(ALICE, null, "photo-0", "image/png", 1234, null),
                        new ProfilePhotoChanged(ALICE, "photo-0", "photo-1", "image/png", 1234, SHA_RED))
                .when(photo("photo-2", SHA_RED, Actor.organization("admin")))
                .expectNoEvents();
    }

    @Test
    void an_admin_of_other_departments_cannot_set_the_photo() {
        fixture.given(givenAlice(ALICE_EMAIL, null))
                .when(photo("photo-1", SHA_RED, Actor.departments("scoped", java.util.Set.of(ENGINEERING.value()))))
                .expectNoEvents()
                .expectException(violation(ErrorCode.FORBIDDEN, "departmentIds"));
    }

    @Test
    void a_photo_for_a_member_changed_meanwhile_is_refused() {
        fixture.given(givenAlice(ALICE_EMAIL, null))
                .when(new SetProfilePhoto(ALICE, 7L, "photo-1", "image/png", 1234, SHA_RED, Actor.organization("admin")))
                .expectNoEvents()
                .expectException(violation(ErrorCode.VERSION_CONFLICT, "version"));
    }

    // --- options and their lock (OptionUse)

    private static final String TITLE_LOCK = "field/jobTitle";

    private void givenJobTitles() {
        unique.given(UniqueKind.FIELD, "jobTitle", "SINGLE_OPTION")
                .given(UniqueKind.FIELD_OPTION, "jobTitle/t-eng", "Engineer")
                .given(UniqueKind.FIELD_OPTION_LABEL, "jobTitle/engineer", "t-eng")
                .given(UniqueKind.FIELD_OPTION, "jobTitle/t-mgr", "Manager")
                .given(UniqueKind.FIELD_OPTION_LABEL, "jobTitle/manager", "t-mgr");
    }

    private List<Change> lockChanges() {
        return unique.changes().stream().filter(change -> change.kind() == UniqueKind.LOCK).toList();
    }

    @Test
    void an_edit_that_keeps_the_job_title_takes_no_option_lock() {
        givenJobTitles();
        unique.given(UniqueKind.OPTION_USE, "jobTitle/t-eng/" + ALICE.value(), ALICE.value());
        fixture.given(givenAlice(ALICE_EMAIL, null), new JobTitleChanged(ALICE, null, "t-eng"))
                .when(new UpdateMember(ALICE, null, MemberChanges.builder().set(MemberFields.NAME, "Alicia").set(MemberFields.JOB_TITLE, "Engineer").build(), Actor.organization("admin")))
                .expectEvents(new MemberNameChanged(ALICE, "Alice", "Alicia"));
        assertThat(lockChanges()).isEmpty();
        assertThat(unique.changes()).isEmpty();
    }

    @Test
    void a_member_who_starts_using_an_option_takes_the_fields_lock_before_recording_the_use() {
        givenJobTitles();
        fixture.given(givenAlice(ALICE_EMAIL, null))
                .when(new UpdateMember(ALICE, null, MemberChanges.builder().set(MemberFields.JOB_TITLE, "Manager").build(), Actor.organization("admin")))
                .expectEvents(new JobTitleChanged(ALICE, null, "t-mgr"));
        assertThat(unique.changes()).extracting(c -> c.action() + " " + c.kind() + " " + c.value()).containsExactly(
                "claim LOCK " + TITLE_LOCK, "release LOCK " + TITLE_LOCK, "claim OPTION_USE jobTitle/t-mgr/" + ALICE.value());
        assertThat(lockChanges().get(1).owner()).as("released by the command that claimed it")
                .isEqualTo(lockChanges().get(0).owner());
        assertThat(unique.ownerOf(UniqueKind.OPTION_USE, "jobTitle/t-mgr/" + ALICE.value())).contains(ALICE.value());
    }

    @Test
    void an_option_removed_while_the_member_waited_for_the_lock_is_refused_not_recorded_as_used() {
        givenJobTitles();
        // the administrator removing "Manager" held the lock and committed just before we got it
        unique.whenClaimed(UniqueKind.LOCK, TITLE_LOCK, () -> unique.without(UniqueKind.FIELD_OPTION, "jobTitle/t-mgr")
                .without(UniqueKind.FIELD_OPTION_LABEL, "jobTitle/manager"));
        fixture.given(givenAlice(ALICE_EMAIL, null))
                .when(new UpdateMember(ALICE, null, MemberChanges.builder().set(MemberFields.JOB_TITLE, "Manager").build(), Actor.organization("admin")))
                .expectException(violation(ErrorCode.UNKNOWN_OPTION, "jobTitle"));
        assertThat(unique.changes()).noneMatch(change -> change.kind() == UniqueKind.OPTION_USE);
    }

    @Test
    void a_new_member_with_a_job_title_takes_the_lock_too() {
        givenJobTitles();
        fixture.givenNoPriorActivity()
                .when(new CreateMember(ALICE, MemberChanges.builder().set(MemberFields.NAME, "Alice").set(MemberFields.WORK_EMAIL, ALICE_EMAIL)
                        .set(MemberFields.DEPARTMENTS, List.of(SALES)).set(MemberFields.JOB_TITLE, "Engineer").build(), Actor.organization("admin")))
                .expectSuccessfulHandlerExecution();
        assertThat(lockChanges()).extracting(c -> c.action() + " " + c.value())
                .containsExactly("claim " + TITLE_LOCK, "release " + TITLE_LOCK);
        assertThat(unique.ownerOf(UniqueKind.OPTION_USE, "jobTitle/t-eng/" + ALICE.value())).contains(ALICE.value());
    }

    @Test
    void a_previewed_row_takes_no_lock_and_claims_nothing_where_the_row_itself_takes_both() {
        givenJobTitles();
        unique.given(UniqueKind.MEMBER, BOB.value(), BOB.value());
        MemberChanges changes = MemberChanges.builder().set(MemberFields.JOB_TITLE, "Manager").set(MemberFields.MANAGER, BOB)
                .set(MemberFields.WORK_EMAIL, "alice.new@example.com").build();
        fixture.given(givenAlice(ALICE_EMAIL, null))
                .when(new PreviewMemberRow(ALICE, new RowValues(null, changes, null, null), Actor.organization("admin")))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(org.axonframework.test.matchers.Matchers.matches(
                        (MemberWritten written) -> written.changes().stream().map(FieldChange::field).toList()
                                .containsAll(List.of("workEmail", "managerId", "jobTitle"))));
        assertThat(unique.changes()).isEmpty();

        fixture.given(givenAlice(ALICE_EMAIL, null))
                .when(new ImportMemberRow(ALICE, new RowValues(null, changes, null, null), new ImportRow("imp-1", 1),
                        Actor.organization("admin")))
                .expectSuccessfulHandlerExecution();
        assertThat(lockChanges()).extracting(c -> c.action() + " " + c.value())
                .contains("claim manager-graph", "claim " + TITLE_LOCK);
        assertThat(unique.ownerOf(UniqueKind.WORK_EMAIL, "alice.new@example.com")).contains(ALICE.value());
    }

    // --- login emails (docs/login-email.md): following the contact address, and unique across members

    private static final String BOB_EMAIL = "bob@example.com";
    private static final String ALICE_BUSINESS = "alice@corp.example";

    /** Bob, active, signing in with the work email he was created with; with his claims in the lookup table. */
    private Object[] givenActiveBob() {
        unique.given(UniqueKind.USER_ID, "bob", BOB.value()).given(UniqueKind.MEMBER, BOB.value(), BOB.value())
                .given(UniqueKind.WORK_EMAIL, BOB_EMAIL, BOB.value()).given(UniqueKind.LOGIN_EMAIL, BOB_EMAIL, BOB.value());
        return new Object[]{new MemberCreated(BOB, "Bob", null, null, null, "bob", BOB_EMAIL, null, null, false,
                Gender.UNSPECIFIED, List.of(SALES), null, null, null, null, null, null, List.of(),
                LoginEmailType.WORK_EMAIL, BOB_EMAIL), new MemberActivated(BOB)};
    }

    /** Alice, inactive, signing in with her business email; with her claims in the lookup table. */
    private Object[] givenAliceByBusinessEmail() {
        unique.given(UniqueKind.BUSINESS_EMAIL, ALICE_BUSINESS, ALICE.value()).without(UniqueKind.LOGIN_EMAIL, ALICE_EMAIL)
                .given(UniqueKind.LOGIN_EMAIL, ALICE_BUSINESS, ALICE.value());
        return new Object[]{givenAlice(ALICE_EMAIL, null), new BusinessEmailChanged(ALICE, null, ALICE_BUSINESS),
                new LoginMethodChosen(ALICE, LoginEmailType.WORK_EMAIL, LoginEmailType.BUSINESS_EMAIL),
                new LoginEmailChanged(ALICE, ALICE_EMAIL, ALICE_BUSINESS), new LoginPasswordSet(ALICE, false)};
    }

    @Test
    void the_login_email_follows_the_business_email_an_inactive_member_signs_in_with() {
        fixture.given(givenAliceByBusinessEmail())
                .when(new UpdateMember(ALICE, null, MemberChanges.builder().set(MemberFields.BUSINESS_EMAIL, "a.liddell@corp.example").build(), Actor.organization("admin")))
                .expectEvents(new BusinessEmailChanged(ALICE, ALICE_BUSINESS, "a.liddell@corp.example"),
                        new LoginEmailChanged(ALICE, ALICE_BUSINESS, "a.liddell@corp.example"));
        assertThat(unique.ownerOf(UniqueKind.LOGIN_EMAIL, "a.liddell@corp.example")).contains(ALICE.value());
        assertThat(unique.ownerOf(UniqueKind.LOGIN_EMAIL, ALICE_BUSINESS)).isEmpty();
    }

    @Test
    void an_import_row_changing_the_business_email_an_inactive_member_signs_in_with_moves_the_login_email_too() {
        fixture.given(givenAliceByBusinessEmail())
                .when(MemberRows.command(ALICE, 5L, MemberChanges.builder().set(MemberFields.BUSINESS_EMAIL, "a.liddell@corp.example").build(),
                        null, null, new ImportRow("imp-1", 1), false, Actor.organization("admin")))
                .expectEvents(new BusinessEmailChanged(ALICE, ALICE_BUSINESS, "a.liddell@corp.example"),
                        new LoginEmailChanged(ALICE, ALICE_BUSINESS, "a.liddell@corp.example"));
    }

    @Test
    void the_work_email_no_longer_moves_the_login_email_of_a_member_signing_in_with_the_business_email() {
        fixture.given(givenAliceByBusinessEmail())
                .when(new UpdateMember(ALICE, null, MemberChanges.builder().set(MemberFields.WORK_EMAIL, "alice.liddell@example.com").build(), Actor.organization("admin")))
                .expectEvents(new ContactEmailChanged(ALICE, ALICE_EMAIL, "alice.liddell@example.com"));
        assertThat(unique.ownerOf(UniqueKind.LOGIN_EMAIL, ALICE_BUSINESS)).contains(ALICE.value());
    }

    @Test
    void the_business_email_an_inactive_member_signs_in_with_cannot_be_cleared_by_a_patch_or_a_row() {
        fixture.given(givenAliceByBusinessEmail())
                .when(new UpdateMember(ALICE, null, MemberChanges.builder().set(MemberFields.BUSINESS_EMAIL, null).build(), Actor.organization("admin")))
                .expectNoEvents()
                .expectException(violation(ErrorCode.BUSINESS_EMAIL_REQUIRED, "businessEmail"));
        for (boolean dryRun : new boolean[]{true, false}) {
            fixture.given(givenAliceByBusinessEmail())
                    .when(MemberRows.command(ALICE, 5L, MemberChanges.builder().set(MemberFields.BUSINESS_EMAIL, null).build(), null, null,
                            new ImportRow("imp-1", 1), dryRun, Actor.organization("admin")))
                    .expectNoEvents()
                    .expectException(violation(ErrorCode.BUSINESS_EMAIL_REQUIRED, "businessEmail"));
        }
        assertThat(unique.changes()).isEmpty();
    }

    @Test
    void a_row_switching_the_login_to_the_work_email_may_clear_the_business_email() {
        fixture.given(givenAliceByBusinessEmail())
                .when(MemberRows.command(ALICE, 5L, MemberChanges.builder().set(MemberFields.BUSINESS_EMAIL, null).build(),
                        LoginEmailType.WORK_EMAIL, null, new ImportRow("imp-1", 1), false, Actor.organization("admin")))
                .expectEvents(new BusinessEmailChanged(ALICE, ALICE_BUSINESS, null),
                        new LoginMethodChosen(ALICE, LoginEmailType.BUSINESS_EMAIL, LoginEmailType.WORK_EMAIL),
                        new LoginEmailChanged(ALICE, ALICE_BUSINESS, ALICE_EMAIL));
        assertThat(unique.ownerOf(UniqueKind.LOGIN_EMAIL, ALICE_EMAIL)).contains(ALICE.value());
        assertThat(unique.ownerOf(UniqueKind.LOGIN_EMAIL, ALICE_BUSINESS)).isEmpty();
    }

    @Test
    void after_activation_the_business_email_may_change_or_go_and_the_login_email_stays() {
        Object[] history = givenAliceByBusinessEmail();
        Object[] active = java.util.Arrays.copyOf(history, history.length + 1);
        active[history.length] = new MemberActivated(ALICE);
        fixture.given(active)
                .when(new UpdateMember(ALICE, null, MemberChanges.builder().set(MemberFields.BUSINESS_EMAIL, null).build(), Actor.organization("admin")))
                .expectEvents(new BusinessEmailChanged(ALICE, ALICE_BUSINESS, null));
        assertThat(unique.ownerOf(UniqueKind.LOGIN_EMAIL, ALICE_BUSINESS)).contains(ALICE.value());
    }

    @Test
    void choosing_the_business_email_claims_it_as_the_login_email_and_gives_up_the_work_email_login() {
        unique.given(UniqueKind.BUSINESS_EMAIL, ALICE_BUSINESS, ALICE.value());
        fixture.given(givenAlice(ALICE_EMAIL, null), new BusinessEmailChanged(ALICE, null, ALICE_BUSINESS))
                .when(new ChooseLoginMethod(ALICE, null, LoginEmailType.BUSINESS_EMAIL, null, true, Actor.organization("admin")))
                .expectEvents(new LoginMethodChosen(ALICE, LoginEmailType.WORK_EMAIL, LoginEmailType.BUSINESS_EMAIL),
                        new LoginEmailChanged(ALICE, ALICE_EMAIL, ALICE_BUSINESS), new LoginPasswordSet(ALICE, true));
        assertThat(unique.changes()).containsExactly(
                new Change("claim", UniqueKind.LOGIN_EMAIL, ALICE_BUSINESS, ALICE.value()),
                new Change("release", UniqueKind.LOGIN_EMAIL, ALICE_EMAIL, ALICE.value()));
    }

    @Test
    void choosing_a_business_email_that_is_another_members_login_email_is_refused() {
        unique.given(UniqueKind.BUSINESS_EMAIL, ALICE_BUSINESS, ALICE.value()).given(UniqueKind.LOGIN_EMAIL, ALICE_BUSINESS, BOB.value());
        fixture.given(givenAlice(ALICE_EMAIL, null), new BusinessEmailChanged(ALICE, null, ALICE_BUSINESS))
                .when(new ChooseLoginMethod(ALICE, null, LoginEmailType.BUSINESS_EMAIL, null, true, Actor.organization("admin")))
                .expectNoEvents()
                .expectException(violation(ErrorCode.DUPLICATE_VALUE, "loginEmail"));
        assertThat(unique.ownerOf(UniqueKind.LOGIN_EMAIL, ALICE_EMAIL)).contains(ALICE.value());
    }

    @Test
    void an_active_members_old_work_email_stays_its_login_email_and_cannot_become_another_members_login() {
        fixture.given(givenActiveBob())
                .when(new UpdateMember(BOB, null, MemberChanges.builder().set(MemberFields.WORK_EMAIL, "bob.new@example.com").build(), Actor.organization("admin")))
                .expectEvents(new ContactEmailChanged(BOB, BOB_EMAIL, "bob.new@example.com"));
        assertThat(unique.ownerOf(UniqueKind.WORK_EMAIL, BOB_EMAIL)).isEmpty();
        assertThat(unique.ownerOf(UniqueKind.LOGIN_EMAIL, BOB_EMAIL)).contains(BOB.value());

        // Alice is inactive and signs in with her work email: taking Bob's old address would give her his login.
        fixture = newFixture();
        for (boolean dryRun : new boolean[]{true, false}) {
            fixture.given(givenAlice(ALICE_EMAIL, null))
                    .when(MemberRows.command(ALICE, null, MemberChanges.builder().set(MemberFields.WORK_EMAIL, "Bob@Example.com").build(), null, null,
                            dryRun ? new ImportRow("imp-1", 1) : null, dryRun, Actor.organization("admin")))
                    .expectNoEvents()
                    .expectException(violation(ErrorCode.DUPLICATE_VALUE, "loginEmail"));
        }
        assertThat(unique.ownerOf(UniqueKind.LOGIN_EMAIL, BOB_EMAIL)).contains(BOB.value());
        assertThat(unique.ownerOf(UniqueKind.LOGIN_EMAIL, ALICE_EMAIL)).contains(ALICE.value());
    }

    @Test
    void an_active_member_may_take_an_address_that_is_another_members_login_email_as_a_contact_address() {
        unique.given(UniqueKind.LOGIN_EMAIL, BOB_EMAIL, BOB.value());
        fixture.given(givenAlice(ALICE_EMAIL, null), new MemberActivated(ALICE))
                .when(new UpdateMember(ALICE, null, MemberChanges.builder().set(MemberFields.WORK_EMAIL, BOB_EMAIL).build(), Actor.organization("admin")))
                .expectEvents(new ContactEmailChanged(ALICE, ALICE_EMAIL, BOB_EMAIL));
        assertThat(unique.ownerOf(UniqueKind.LOGIN_EMAIL, ALICE_EMAIL)).contains(ALICE.value());
    }
}
