package com.memberdirectory.query.member;

import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.member.CityChanged;
import com.memberdirectory.kernel.member.CustomFieldValueChanged;
import com.memberdirectory.kernel.member.DepartmentsChanged;
import com.memberdirectory.kernel.member.EmploymentDateChanged;
import com.memberdirectory.kernel.member.Gender;
import com.memberdirectory.kernel.member.LoginEmailType;
import com.memberdirectory.kernel.member.MemberCreated;
import com.memberdirectory.kernel.member.MemberId;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Events recorded before dates were limited must not stop the member list. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MemberFoldTest {

    private static final MemberId ID = new MemberId("m1");

    private static MemberCreated created(LocalDate employmentDate) {
        return new MemberCreated(ID, "Far Future", null, null, null, "far", "far@example.com", null, null, false,
                Gender.UNSPECIFIED, List.of(new DepartmentId("d")), null, null, employmentDate, null, null, null, List.of(),
                LoginEmailType.WORK_EMAIL, "far@example.com");
    }

    @Test
    void an_employment_date_the_list_cannot_hold_is_shown_as_none_and_reported() {
        MemberCreated event = created(LocalDate.parse("+999999999-12-31"));
        MemberDocument member = MemberFold.created(event, 0, java.time.Instant.EPOCH);
        assertThat(member.employmentDate).isNull();
        assertThat(member.name).as("the rest of the member is listed").isEqualTo("Far Future");
        assertThat(MemberFold.unstorableDate(event)).isEqualTo(LocalDate.MAX);

        EmploymentDateChanged back = new EmploymentDateChanged(ID, null, LocalDate.MIN);
        MemberFold.apply(member, back, 1, java.time.Instant.EPOCH);
        assertThat(member.employmentDate).isNull();
        assertThat(member.version).isEqualTo(2);
        assertThat(MemberFold.unstorableDate(back)).isEqualTo(LocalDate.MIN);
    }

    @Test
    void any_date_of_years_1_to_9999_is_kept_as_recorded() {
        for (LocalDate date : List.of(LocalDate.of(1, 1, 1), LocalDate.of(1850, 6, 1), LocalDate.of(9999, 12, 31))) {
            MemberCreated event = created(date);
            assertThat(MemberFold.created(event, 0, java.time.Instant.EPOCH).employmentDate).isEqualTo(date);
            assertThat(MemberFold.unstorableDate(event)).isNull();
        }
        assertThat(MemberFold.unstorableDate(created(null))).isNull();
    }

    @Test
    void a_member_is_stamped_with_its_first_and_its_latest_event_to_the_millisecond() {
        java.time.Instant created = java.time.Instant.parse("2026-03-04T05:06:07.123456789Z");
        java.time.Instant changed = java.time.Instant.parse("2026-04-05T06:07:08.987654321Z");
        MemberDocument member = MemberFold.created(created(null), 0, created);
        assertThat(member.createdAt).isEqualTo(java.time.Instant.parse("2026-03-04T05:06:07.123Z"));
        assertThat(member.updatedAt).isEqualTo(member.createdAt);

        MemberFold.apply(member, new EmploymentDateChanged(ID, null, LocalDate.of(2024, 1, 2)), 1, changed);
        assertThat(member.createdAt).as("kept").isEqualTo(java.time.Instant.parse("2026-03-04T05:06:07.123Z"));
        assertThat(member.updatedAt).isEqualTo(java.time.Instant.parse("2026-04-05T06:07:08.987Z"));
    }

    @Test
    void an_event_folded_on_a_copy_leaves_the_member_it_was_copied_from_as_it_was() {
        MemberDocument member = MemberFold.created(created(null), 0, java.time.Instant.EPOCH);
        MemberFold.apply(member, new CustomFieldValueChanged(ID, "f", null, List.of("x")), 1, java.time.Instant.EPOCH);
        List<String> departments = List.copyOf(member.departmentIds);
        java.util.Map<String, List<String>> custom = java.util.Map.copyOf(member.custom);

        MemberDocument next = member.copy();
        MemberFold.apply(next, new DepartmentsChanged(ID, null, List.of(new DepartmentId("e"))), 2, java.time.Instant.EPOCH);
        MemberFold.apply(next, new CustomFieldValueChanged(ID, "g", null, List.of("y")), 3, java.time.Instant.EPOCH);
        MemberFold.apply(next, new CustomFieldValueChanged(ID, "f", null, List.of()), 4, java.time.Instant.EPOCH);
        MemberFold.apply(next, new CityChanged(ID, null, "Elsewhere"), 5, java.time.Instant.EPOCH);

        assertThat(next.departmentIds).containsExactly("e");
        assertThat(next.custom).containsOnlyKeys("g");
        assertThat(member.departmentIds).isEqualTo(departments);
        assertThat(member.custom).isEqualTo(custom);
        assertThat(member.city).isNull();
        assertThat(member.version).isEqualTo(2);
    }
}
