package com.memberdirectory.command.member;

import com.memberdirectory.command.uniqueness.InMemoryUniqueValues;
import com.memberdirectory.command.uniqueness.UniqueKind;
import com.memberdirectory.kernel.member.CityChanged;
import com.memberdirectory.kernel.member.ContactEmailChanged;
import com.memberdirectory.kernel.member.MemberId;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lookup-table entries that follow a member's events: claims at once, releases as the command commits. */
class MemberClaimsTest {

    private static final MemberId ANN = new MemberId("ann");
    private final InMemoryUniqueValues unique = new InMemoryUniqueValues()
            .given(UniqueKind.WORK_EMAIL, "old@x.com", ANN.value());
    private final MemberRecord before = MemberRecord.NEW.withWorkEmail("old@x.com");

    @Test
    void a_new_value_is_claimed_at_once_and_the_old_one_released_only_when_the_command_commits() {
        UnitOfWork<?> command = DefaultUnitOfWork.startAndGet(null);
        MemberRecord after = before.withWorkEmail("new@x.com");
        MemberClaims.follow(unique, new ContactEmailChanged(ANN, "old@x.com", "new@x.com"), before, after, ANN.value());
        assertThat(unique.ownerOf(UniqueKind.WORK_EMAIL, "new@x.com")).contains(ANN.value());
        assertThat(unique.ownerOf(UniqueKind.WORK_EMAIL, "old@x.com")).as("still held until the commit").contains(ANN.value());
        command.commit();
        assertThat(unique.ownerOf(UniqueKind.WORK_EMAIL, "old@x.com")).isEmpty();
    }

    @Test
    void a_command_refused_after_an_event_gives_nothing_up() {
        UnitOfWork<?> command = DefaultUnitOfWork.startAndGet(null);
        MemberClaims.follow(unique, new ContactEmailChanged(ANN, "old@x.com", "new@x.com"), before,
                before.withWorkEmail("new@x.com"), ANN.value());
        command.rollback();
        assertThat(unique.ownerOf(UniqueKind.WORK_EMAIL, "old@x.com")).contains(ANN.value());
    }

    @Test
    void a_value_given_up_and_taken_back_by_the_same_command_stays_the_members() {
        UnitOfWork<?> command = DefaultUnitOfWork.startAndGet(null);
        MemberRecord moved = before.withWorkEmail("new@x.com");
        MemberClaims.follow(unique, new ContactEmailChanged(ANN, "old@x.com", "new@x.com"), before, moved, ANN.value());
        MemberClaims.follow(unique, new ContactEmailChanged(ANN, "new@x.com", "old@x.com"), moved, before, ANN.value());
        command.commit();
        assertThat(unique.ownerOf(UniqueKind.WORK_EMAIL, "old@x.com")).contains(ANN.value());
        assertThat(unique.ownerOf(UniqueKind.WORK_EMAIL, "new@x.com")).as("given up again").isEmpty();
    }

    @Test
    void a_value_another_member_holds_refuses_the_event() {
        unique.given(UniqueKind.WORK_EMAIL, "bob@x.com", "bob");
        assertThatThrownBy(() -> MemberClaims.follow(unique, new ContactEmailChanged(ANN, "old@x.com", "bob@x.com"),
                before, before.withWorkEmail("bob@x.com"), ANN.value()))
                .hasMessageContaining("Another member already has this workEmail");
        assertThat(unique.ownerOf(UniqueKind.WORK_EMAIL, "old@x.com")).contains(ANN.value());
    }

    @Test
    void an_event_that_touches_no_unique_value_changes_no_entry() {
        MemberClaims.follow(unique, new CityChanged(ANN, null, "Lyon"), before, before.withCity("Lyon"), ANN.value());
        assertThat(unique.changes()).isEmpty();
    }
}
