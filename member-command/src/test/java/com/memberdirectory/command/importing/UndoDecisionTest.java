package com.memberdirectory.command.importing;

import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.member.CityChanged;
import com.memberdirectory.kernel.member.ContactEmailChanged;
import com.memberdirectory.kernel.member.CustomFieldValueChanged;
import com.memberdirectory.kernel.member.Gender;
import com.memberdirectory.kernel.member.LoginEmailChanged;
import com.memberdirectory.kernel.member.LoginEmailType;
import com.memberdirectory.kernel.member.LoginMethodChosen;
import com.memberdirectory.kernel.member.MemberCreated;
import com.memberdirectory.kernel.member.MemberEvent;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.member.MemberNameChanged;
import com.memberdirectory.kernel.member.MemberOffboarded;
import com.memberdirectory.kernel.member.MemberStatus;
import com.memberdirectory.kernel.member.PhoneNumberChanged;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UndoDecisionTest {

    private static final MemberId ANN = new MemberId("m-ann");
    private static final String IMPORT = "IMPORT:imp1";
    private static final String UNDO = "UNDO:imp1";

    private final List<RecordedEvent> events = new ArrayList<>();
    private final UndoDecision decision = new UndoDecision("imp1");

    @Test
    void every_field_the_import_changed_goes_back_to_its_value_before_the_import() {
        created("API");
        recorded(new CityChanged(ANN, null, "Lisbon"), "bob", "API");
        recorded(new CityChanged(ANN, "Lisbon", "Porto"), "admin", IMPORT);
        recorded(new ContactEmailChanged(ANN, "ann@example.com", "ann.lee@example.com"), "admin", IMPORT);
        recorded(new LoginEmailChanged(ANN, "ann@example.com", "ann.lee@example.com"), "admin", IMPORT);
        recorded(new PhoneNumberChanged(ANN, null, "+8613800138000"), "carol", "API");

        UndoPlan plan = decision.decide(events);

        assertThat(plan.outcome()).isEqualTo(UndoPlan.Outcome.RESTORE);
        assertThat(plan.restore()).as("in the schema's order; the derived login email follows the work email")
                .containsExactly(Map.entry("workEmail", "ann@example.com"), Map.entry("city", "Lisbon"));
        assertThat(plan.version()).isEqualTo(events.size());
        assertThat(plan.current()).containsEntry("phone", "+8613800138000").containsEntry("city", "Porto");
    }

    @Test
    void a_field_changed_since_by_anyone_makes_the_member_a_conflict_with_who_and_when() {
        created("API");
        recorded(new CityChanged(ANN, null, "Porto"), "admin", IMPORT);
        recorded(new MemberNameChanged(ANN, "Ann", "Ann Lee"), "admin", IMPORT);
        recorded(new CityChanged(ANN, "Porto", "Faro"), "idp-client", "SCIM");

        UndoPlan plan = decision.decide(events);

        assertThat(plan.outcome()).as("per member: the name is not set back either").isEqualTo(UndoPlan.Outcome.CONFLICT);
        assertThat(plan.reasons()).singleElement().asString()
                .contains("City").contains("idp-client").contains("SCIM").contains("2026-12-01T10:00:03Z");
        assertThat(plan.restore()).as("what a re-import of the report would set back")
                .containsEntry("city", null).containsEntry("name", "Ann");
    }

    @Test
    void a_later_import_is_a_change_since_too_but_a_change_of_another_field_is_not() {
        created("API");
        recorded(new CityChanged(ANN, null, "Porto"), "admin", IMPORT);
        recorded(new PhoneNumberChanged(ANN, null, "+8613800138000"), "admin", "IMPORT:imp2");

        assertThat(decision.decide(events).outcome()).isEqualTo(UndoPlan.Outcome.RESTORE);

        recorded(new CityChanged(ANN, "Porto", "Faro"), "admin", "IMPORT:imp2");
        assertThat(decision.decide(events).reasons()).singleElement().asString().contains("IMPORT:imp2");
    }

    @Test
    void what_this_undo_already_set_back_is_already_undone_so_a_resumed_or_repeated_undo_changes_nothing() {
        created("API");
        recorded(new CityChanged(ANN, null, "Porto"), "admin", IMPORT);
        recorded(new CityChanged(ANN, "Porto", null), "admin", UNDO);

        UndoPlan plan = decision.decide(events);

        assertThat(plan.outcome()).isEqualTo(UndoPlan.Outcome.ALREADY_UNDONE);
        assertThat(plan.restore()).isEmpty();
    }

    @Test
    void custom_fields_are_set_back_by_key_and_the_login_method_the_import_chose_is_kept_and_noted() {
        created("API");
        recorded(new CustomFieldValueChanged(ANN, "level", List.of("3"), List.of("4")), "admin", IMPORT);
        recorded(new LoginMethodChosen(ANN, LoginEmailType.WORK_EMAIL, LoginEmailType.BUSINESS_EMAIL), "admin", IMPORT);

        UndoPlan plan = decision.decide(events);

        assertThat(plan.restore()).containsExactly(Map.entry("custom.level", List.of("3")));
        assertThat(plan.notes()).singleElement().asString().contains("BUSINESS_EMAIL").contains("kept");
    }

    @Test
    void a_member_offboarded_since_is_a_conflict() {
        created("API");
        recorded(new CityChanged(ANN, null, "Porto"), "admin", IMPORT);
        recorded(new MemberOffboarded(ANN, MemberStatus.INACTIVE), "bob", "API");

        UndoPlan plan = decision.decide(events);

        assertThat(plan.outcome()).isEqualTo(UndoPlan.Outcome.CONFLICT);
        assertThat(plan.reasons()).singleElement().asString().startsWith("Offboarded since the import").contains("bob");
    }

    @Test
    void a_member_the_import_created_is_offboarded_unless_changed_since() {
        created(IMPORT);
        recorded(new CityChanged(ANN, null, "Porto"), "admin", IMPORT);
        assertThat(decision.decide(events).outcome()).isEqualTo(UndoPlan.Outcome.OFFBOARD);

        recorded(new PhoneNumberChanged(ANN, null, "+8613800138000"), "carol", "API");
        UndoPlan changed = decision.decide(events);
        assertThat(changed.outcome()).isEqualTo(UndoPlan.Outcome.CONFLICT);
        assertThat(changed.reasons()).singleElement().asString().contains("carol");
    }

    @Test
    void a_member_the_import_created_and_this_undo_offboarded_is_already_undone() {
        created(IMPORT);
        recorded(new MemberOffboarded(ANN, MemberStatus.INACTIVE), "admin", UNDO);

        assertThat(decision.decide(events).outcome()).isEqualTo(UndoPlan.Outcome.ALREADY_UNDONE);
    }

    @Test
    void a_member_the_import_did_not_change_has_nothing_to_undo() {
        created("API");
        recorded(new CityChanged(ANN, null, "Porto"), "admin", "IMPORT:imp2");

        assertThat(decision.decide(events).outcome()).isEqualTo(UndoPlan.Outcome.NOTHING);
    }

    private void created(String source) {
        recorded(new MemberCreated(ANN, "Ann", null, null, null, "ann", "ann@example.com", null, null, false,
                Gender.UNSPECIFIED, List.of(new DepartmentId("d1")), null, null, null, null, null, null, List.of(),
                LoginEmailType.WORK_EMAIL, "ann@example.com"), "admin", source);
    }

    private void recorded(MemberEvent event, String actor, String source) {
        int sequence = events.size();
        events.add(new RecordedEvent(event, sequence, Instant.parse("2026-12-01T10:00:00Z").plusSeconds(sequence), actor,
                source));
    }
}
