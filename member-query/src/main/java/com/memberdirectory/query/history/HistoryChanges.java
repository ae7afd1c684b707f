package com.memberdirectory.query.history;

import com.memberdirectory.kernel.member.CustomFieldValueChanged;
import com.memberdirectory.kernel.member.FieldChange;
import com.memberdirectory.kernel.member.LoginMethodChosen;
import com.memberdirectory.kernel.member.LoginPasswordSet;
import com.memberdirectory.kernel.member.MemberActivated;
import com.memberdirectory.kernel.member.MemberCreated;
import com.memberdirectory.kernel.member.MemberEvent;
import com.memberdirectory.kernel.member.MemberField;
import com.memberdirectory.kernel.member.MemberFields;
import com.memberdirectory.kernel.member.MemberOffboarded;
import com.memberdirectory.kernel.member.MemberResumed;
import com.memberdirectory.kernel.member.MemberSuspended;
import com.memberdirectory.kernel.member.MemberStatus;
import com.memberdirectory.kernel.member.ProfilePhotoChanged;
import com.memberdirectory.query.field.FieldLabels;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What each member event changed, field by field, with the names of the Member JSON. */
public final class HistoryChanges {

    private final FieldLabels labels;

    public HistoryChanges(FieldLabels labels) {
        this.labels = labels;
    }

    /** The changes of an event, option ids shown as their current labels. */
    public List<FieldChange> of(MemberEvent event) {
        return labelled(raw(event));
    }

    /** Shows stored option ids (job title, workforce type, option custom fields) as their current labels. */
    public List<FieldChange> labelled(List<FieldChange> raw) {
        return raw.stream().map(this::labelled).toList();
    }

    private FieldChange labelled(FieldChange change) {
        String field = change.field();
        if (field.equals("jobTitle")) {
            return new FieldChange(field, labels.jobTitle((String) change.before()), labels.jobTitle((String) change.after()));
        }
        if (field.equals("workforceType")) {
            return new FieldChange(field, labels.workforceType((String) change.before()),
                    labels.workforceType((String) change.after()));
        }
        if (field.startsWith("custom.")) {
            String key = field.substring("custom.".length());
            return new FieldChange(field, labels.shown(key, strings(change.before())), labels.shown(key, strings(change.after())));
        }
        return change;
    }

    private static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(value.toString());
    }

    /** The changes of an event as stored: option fields hold option ids. */
    public static List<FieldChange> raw(MemberEvent event) {
        if (event instanceof MemberCreated e) {
            return created(e);
        }
        Optional<MemberField<?, ?>> field = MemberFields.changedBy(event);
        FieldChange change;
        if (field.isPresent()) {
            change = field.get().change(event);
        } else if (event instanceof LoginMethodChosen e) {
            change = new FieldChange("loginEmailType", e.before(), e.after());
        } else if (event instanceof LoginPasswordSet) {
            change = new FieldChange("hasLoginPassword", false, true);
        } else if (event instanceof CustomFieldValueChanged e) {
            change = new FieldChange("custom." + e.fieldKey(), e.before().isEmpty() ? null : e.before(),
                    e.after().isEmpty() ? null : e.after());
        } else if (event instanceof ProfilePhotoChanged e) {
            change = new FieldChange("photo", e.before(), e.after());
        } else if (event instanceof MemberActivated) {
            change = new FieldChange("status", MemberStatus.INACTIVE, MemberStatus.ACTIVE);
        } else if (event instanceof MemberSuspended e) {
            change = new FieldChange("status", e.before(), MemberStatus.SUSPENDED);
        } else if (event instanceof MemberResumed e) {
            change = new FieldChange("status", MemberStatus.SUSPENDED, e.after());
        } else if (event instanceof MemberOffboarded e) {
            change = new FieldChange("status", e.before(), MemberStatus.OFFBOARDED);
        } else {
            throw new IllegalArgumentException("No history for " + event.getClass().getSimpleName());
        }
        return List.of(change);
    }

    /** The fields a new member has a value for; the derived login email after the login details it follows. */
    private static List<FieldChange> created(MemberCreated e) {
        List<FieldChange> changes = new ArrayList<>();
        MemberFields.ALL.stream().filter(field -> field.inCreated() && !field.isDerived())
                .forEach(field -> addCreated(changes, field, e));
        changes.add(new FieldChange("status", null, MemberStatus.INACTIVE));
        if (e.loginEmailType() != null) {
            changes.add(new FieldChange("loginEmailType", null, e.loginEmailType()));
        }
        MemberFields.ALL.stream().filter(field -> field.inCreated() && field.isDerived())
                .forEach(field -> addCreated(changes, field, e));
        return changes;
    }

    private static <V> void addCreated(List<FieldChange> changes, MemberField<V, ?> field, MemberCreated e) {
        V value = field.created(e);
        if (field.hasValue(value)) {
            changes.add(new FieldChange(field.name(), null, field.shown(value)));
        }
    }
}
