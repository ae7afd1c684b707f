package com.memberdirectory.kernel.member;

import com.memberdirectory.kernel.Patch;
import com.memberdirectory.kernel.department.DepartmentId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemberChangesTest {

    @Test
    void a_write_can_set_or_clear_every_field_of_the_schema_but_the_derived_ones_and_leaves_the_others_absent() {
        for (MemberField<?, ?> field : MemberFields.ALL) {
            if (field.isDerived()) {
                assertThatThrownBy(() -> MemberChanges.builder().set(field, null))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(field.name());
                continue;
            }
            MemberChanges cleared = MemberChanges.builder().set(field, null).build();
            assertThat(cleared.get(field)).as(field.name()).isEqualTo(Patch.of(null));
            assertThat(MemberFields.ALL.stream().filter(other -> other != field).map(cleared::get))
                    .as("the fields %s leaves alone", field.name()).allMatch(patch -> !patch.present());
            assertThat(cleared.custom().present()).isFalse();
        }
    }

    @Test
    void values_come_back_typed_and_a_field_left_out_again_is_absent() {
        List<DepartmentId> sales = List.of(new DepartmentId("sales"));
        MemberChanges changes = MemberChanges.builder().set(MemberFields.CITY, "Berlin")
                .set(MemberFields.DEPARTMENTS, sales).set(MemberFields.USER_ID, "ann").leaveOut(MemberFields.USER_ID)
                .custom(Map.of("shoe", "42")).build();
        String city = changes.get(MemberFields.CITY).value();
        List<DepartmentId> departments = changes.get(MemberFields.DEPARTMENTS).value();
        assertThat(city).isEqualTo("Berlin");
        assertThat(departments).isEqualTo(sales);
        assertThat(changes.get(MemberFields.USER_ID).present()).isFalse();
        assertThat(changes.custom()).isEqualTo(Patch.of(Map.of("shoe", "42")));
    }

    @Test
    void a_copy_builds_on_the_changes_without_changing_them_and_equal_changes_are_equal() {
        MemberChanges city = MemberChanges.builder().set(MemberFields.CITY, "Berlin").custom(Map.of()).build();
        MemberChanges more = city.toBuilder().set(MemberFields.SEAT_ID, "S-1").build();
        assertThat(city.get(MemberFields.SEAT_ID).present()).isFalse();
        assertThat(more.get(MemberFields.CITY).value()).isEqualTo("Berlin");
        assertThat(more.custom()).isEqualTo(Patch.of(Map.of()));
        assertThat(more).isEqualTo(MemberChanges.builder().set(MemberFields.SEAT_ID, "S-1")
                .set(MemberFields.CITY, "Berlin").custom(Map.of()).build());
        assertThat(more.hashCode()).isEqualTo(MemberChanges.builder().set(MemberFields.CITY, "Berlin")
                .set(MemberFields.SEAT_ID, "S-1").custom(Map.of()).build().hashCode());
        assertThat(more).isNotEqualTo(city);
        assertThat(more).hasToString("MemberChanges[city=Berlin, seatId=S-1, custom={}]");
    }
}
