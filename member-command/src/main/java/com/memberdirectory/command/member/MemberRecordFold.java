package com.memberdirectory.command.member;

import com.memberdirectory.kernel.member.CustomFieldValueChanged;
import com.memberdirectory.kernel.member.LoginMethodChosen;
import com.memberdirectory.kernel.member.LoginPasswordSet;
import com.memberdirectory.kernel.member.MemberActivated;
import com.memberdirectory.kernel.member.MemberCreated;
import com.memberdirectory.kernel.member.MemberEvent;
import com.memberdirectory.kernel.member.MemberField;
import com.memberdirectory.kernel.member.MemberFields;
import com.memberdirectory.kernel.member.MemberStatus;
import com.memberdirectory.kernel.member.ProfilePhotoChanged;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How events shape the write side's {@link MemberRecord}: a built-in field's change through its place in the record
 * ({@link RecordFields}), the few other events here by name.
 */
final class MemberRecordFold {

    private MemberRecordFold() {
    }

    static MemberRecord apply(MemberRecord state, MemberEvent event) {
        if (event instanceof MemberCreated e) {
            return created(e);
        }
        Optional<MemberField<?, ?>> field = MemberFields.changedBy(event);
        if (field.isPresent()) {
            return RecordFields.of(field.get()).applied(state, event);
        }
        if (event instanceof LoginMethodChosen e) {
            return state.withLoginEmailType(e.after());
        }
        if (event instanceof LoginPasswordSet) {
            return state.withHasLoginPassword(true);
        }
        if (event instanceof MemberActivated) {
            return state.withStatus(MemberStatus.ACTIVE);
        }
        if (event instanceof ProfilePhotoChanged e) {
            return e.after() == null ? state.withPhoto(null, null, null) : state.withPhoto(e.after(), e.contentType(), e.sha256());
        }
        if (MemberLifecycle.isLifecycleEvent(event)) {
            return state; // kept beside the record (MemberLifecycle): a suspension leaves the activation as it is
        }
        if (event instanceof CustomFieldValueChanged e) {
            Map<String, List<String>> custom = new HashMap<>(state.custom());
            if (e.after() == null || e.after().isEmpty()) {
                custom.remove(e.fieldKey());
            } else {
                custom.put(e.fieldKey(), List.copyOf(e.after()));
            }
            return state.withCustom(Map.copyOf(custom));
        }
        throw new IllegalArgumentException("A member cannot apply " + event.getClass().getSimpleName());
    }

    private static MemberRecord created(MemberCreated event) {
        MemberRecord record = MemberRecord.NEW.withLoginEmailType(event.loginEmailType());
        for (RecordFields.Slot<?> slot : RecordFields.ALL) {
            if (slot.field().inCreated()) {
                record = slot.created(record, event);
            }
        }
        return record;
    }
}
