package com.memberdirectory.kernel.member;

import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class MemberViewTest {

    private static final Set<String> NOT_PUBLIC = Set.of("loginEmail", "loginEmailType", "hasLoginPassword");

    private static MemberView member(boolean hidePhone) {
        return new MemberView("m1", 3, MemberStatus.ACTIVE, "Ann", "Lee", "Ann", "A", "ann", "ann@corp.example",
                "ann@biz.example", "ann@corp.example", LoginEmailType.WORK_EMAIL, true, "+8613800138000", hidePhone,
                Gender.FEMALE, List.of("d1"), "S-1", "E-1", LocalDate.of(2024, 1, 2), "CN", "Shanghai", "ext-1", "bo",
                List.of("cy"), "Engineer", "Regular", Map.of("shoe", "42"), "/api/members/m1/photo",
                java.time.Instant.parse("2026-01-02T03:04:05.006Z"), java.time.Instant.parse("2026-02-03T04:05:06.007Z"));
    }

    @Test
    void the_public_fields_leave_out_the_login_details_and_keep_every_other_field() throws Exception {
        MemberView member = member(false);
        MemberView shown = member.publicFields();
        for (RecordComponent component : MemberView.class.getRecordComponents()) {
            Object value = component.getAccessor().invoke(shown);
            if (NOT_PUBLIC.contains(component.getName())) {
                assertThat(value).as(component.getName()).isNull();
            } else {
                assertThat(value).as(component.getName()).isEqualTo(component.getAccessor().invoke(member));
            }
        }
    }

    @Test
    void a_hidden_phone_number_is_left_out_too() {
        MemberView shown = member(true).publicFields();
        assertThat(shown.phone()).isNull();
        assertThat(shown.hidePhone()).isTrue();
        assertThat(shown.name()).isEqualTo("Ann");
    }
}
