package com.memberdirectory.query.member;

import com.memberdirectory.kernel.department.DepartmentId;
import com.memberdirectory.kernel.member.CustomFieldValueChanged;
import com.memberdirectory.kernel.member.EmploymentDateChanged;
import com.memberdirectory.kernel.member.FieldPlaces;
import com.memberdirectory.kernel.member.LoginMethodChosen;
import com.memberdirectory.kernel.member.LoginPasswordSet;
import com.memberdirectory.kernel.member.MemberActivated;
import com.memberdirectory.kernel.member.MemberCreated;
import com.memberdirectory.kernel.member.MemberEvent;
import com.memberdirectory.kernel.member.MemberField;
import com.memberdirectory.kernel.member.MemberFields;
import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.member.MemberOffboarded;
import com.memberdirectory.kernel.member.MemberResumed;
import com.memberdirectory.kernel.member.MemberSuspended;
import com.memberdirectory.kernel.member.MemberStatus;
import com.memberdirectory.kernel.member.ProfilePhotoChanged;

import java.lang.invoke.MethodHandles;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

import static com.memberdirectory.kernel.member.MemberFields.*;

/**
 * How events shape a member document: used by the member list projection and to rebuild a member as it
 * was at an instant, so both always agree.
 */
final class MemberFold {

    private static final LocalDate EARLIEST_STORABLE = LocalDate.of(1, 1, 1);
    private static final LocalDate LATEST_STORABLE = LocalDate.of(9999, 12, 31);

    /** Where the document holds each built-in field of {@link MemberFields}, in the form the member list stores. */
    private record Place<V>(MemberField<V, ?> field, BiConsumer<MemberDocument, V> set) {

        void applied(MemberDocument d, MemberEvent change) {
            set.accept(d, field.after(change));
        }

        void created(MemberDocument d, MemberCreated event) {
            set.accept(d, field.created(event));
        }
    }

    /**
     * The fields the document stores in another form than their events carry (ids as text, dates the list can hold),
     * or under another name; every other field is stored in the document's field of its name, found once below.
     */
    private static final Map<MemberField<?, ?>, Place<?>> OWN_PLACES = new IdentityHashMap<>();

    static {
        place(HIDE_PHONE, (d, v) -> d.hidePhone = Boolean.TRUE.equals(v));
        place(DEPARTMENTS, (d, v) -> d.departmentIds = ids(v, DepartmentId::value));
        place(EMPLOYMENT_DATE, (d, v) -> d.employmentDate = storable(v));
        place(MANAGER, (d, v) -> d.managerId = v == null ? null : v.value());
        place(DOTTED_LINE_MANAGERS, (d, v) -> d.dottedLineManagerIds = ids(v, MemberId::value));
        place(JOB_TITLE, (d, v) -> d.jobTitleId = v);
        place(WORKFORCE_TYPE, (d, v) -> d.workforceTypeId = v);
    }

    /**
     * Every field's place, in the order of {@link MemberFields#ALL}: a field the document neither stores by its name
     * nor has a place for above fails here, at start.
     */
    private static final List<Place<?>> ALL = MemberFields.ALL.stream().<Place<?>>map(MemberFold::find).toList();

    private static final Map<MemberField<?, ?>, Place<?>> PLACES = new IdentityHashMap<>();

    static {
        ALL.forEach(place -> PLACES.put(place.field(), place));
    }

    private MemberFold() {
    }

    /** The member {@code event}, stamped {@code at}, creates. */
    static MemberDocument created(MemberCreated event, long sequence, Instant at) {
        MemberDocument d = new MemberDocument();
        d.id = event.memberId().value();
        d.version = sequence + 1;
        d.createdAt = stored(at);
        d.updatedAt = d.createdAt;
        d.status = MemberStatus.INACTIVE;
        for (Place<?> place : ALL) {
            if (place.field().inCreated()) {
                place.created(d, event);
            }
        }
        d.loginEmailType = event.loginEmailType();
        return d;
    }

    /** Applies a change event (not {@link MemberCreated}), stamped {@code at}, to {@code d} and sets its version. */
    static void apply(MemberDocument d, MemberEvent event, long sequence, Instant at) {
        Optional<MemberField<?, ?>> field = MemberFields.changedBy(event);
        if (field.isPresent()) {
            place(field.get()).applied(d, event);
        } else if (event instanceof LoginMethodChosen e) {
            d.loginEmailType = e.after();
        } else if (event instanceof LoginPasswordSet) {
            d.hasLoginPassword = true;
        } else if (event instanceof ProfilePhotoChanged e) {
            d.photoId = e.after();
        } else if (event instanceof CustomFieldValueChanged e) {
            Map<String, List<String>> custom = d.custom == null ? new HashMap<>() : new HashMap<>(d.custom);
            if (e.after() == null || e.after().isEmpty()) {
                custom.remove(e.fieldKey());
            } else {
                custom.put(e.fieldKey(), e.after());
            }
            d.custom = custom;
        } else if (event instanceof MemberActivated) {
            d.status = MemberStatus.ACTIVE;
        } else if (event instanceof MemberSuspended) {
            d.status = MemberStatus.SUSPENDED;
        } else if (event instanceof MemberResumed e) {
            d.status = e.after();
        } else if (event instanceof MemberOffboarded) {
            d.status = MemberStatus.OFFBOARDED;
        }
        d.version = sequence + 1;
        d.updatedAt = stored(at);
    }

    /** A stamp as the member list keeps it (a MongoDB date: milliseconds), so that every fold of a member agrees. */
    private static Instant stored(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MILLIS);
    }

    private static Place<?> place(MemberField<?, ?> field) {
        Place<?> place = PLACES.get(field);
        if (place == null) {
            throw new IllegalStateException("The member list has no place for the field " + field);
        }
        return place;
    }

    private static <V> void place(MemberField<V, ?> field, BiConsumer<MemberDocument, V> set) {
        OWN_PLACES.put(field, new Place<>(field, set));
    }

    private static <V> Place<?> find(MemberField<V, ?> field) {
        Place<?> own = OWN_PLACES.get(field);
        return own != null ? own
                : new Place<>(field, FieldPlaces.settable(MethodHandles.lookup(), MemberDocument.class, field));
    }

    /**
     * The date the event records that the member list cannot hold, or null. Events written before dates were
     * limited may carry any ISO date up to year 999,999,999; stored as an instant such a date overflows, and the
     * projection would retry it forever while every later write waited for it.
     */
    static LocalDate unstorableDate(MemberEvent event) {
        LocalDate date = event instanceof MemberCreated e ? e.employmentDate()
                : event instanceof EmploymentDateChanged e ? e.after() : null;
        return date == null || storable(date) != null ? null : date;
    }

    /** Years 1 to 9999: what every reader of the list (BSON dates, JSON clients, the workbook export) can represent. */
    private static LocalDate storable(LocalDate date) {
        return date == null || date.isBefore(EARLIEST_STORABLE) || date.isAfter(LATEST_STORABLE) ? null : date;
    }

    private static <T> List<String> ids(List<T> ids, Function<T, String> id) {
        return ids == null ? List.of() : ids.stream().map(id).toList();
    }
}
