package com.memberdirectory.kernel.member;

import com.memberdirectory.kernel.field.FieldType;
import com.memberdirectory.kernel.problem.ErrorCode;

import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One built-in field of the member record, described once (see {@link MemberFields}): its name in the Member
 * JSON, its workbook column, its change event and how that event is read, the value {@link MemberCreated} carries,
 * how history shows it, whether it is unique, and whether a write may ask for it in {@link MemberChanges} (every
 * field but the derived ones). The write side, the read side and the history all follow this description instead of
 * each spelling the field out.
 *
 * @param <V> the field's value as its events carry it
 * @param <E> the event that records a change of it
 */
public final class MemberField<V, E extends MemberEvent> {

    /** Makes a field's change event. */
    @FunctionalInterface
    public interface Changed<V, E> {
        E of(MemberId member, V before, V after);
    }

    /**
     * A field whose values are unique among members: in which namespace of the lookup table, and whether case counts.
     * Errors name the field as {@link ErrorCode#DUPLICATE_VALUE}.
     */
    public record Uniqueness(String namespace, boolean ignoringCase) {

        /** The lookup-table key of a value, null for none. */
        public String key(Object value) {
            return value == null ? null : ignoringCase ? value.toString().toLowerCase(Locale.ROOT) : value.toString();
        }
    }

    private final String name;
    private final Class<E> event;
    private final Changed<V, E> changed;
    private final Function<E, V> before;
    private final Function<E, V> after;
    private final Type valueType;
    // Set by the methods below while MemberFields initialises, never after: they are package-private.
    private String column;
    private Function<MemberCreated, V> created;
    private Function<V, Object> shown = value -> value;
    private Uniqueness uniqueness;
    private boolean derived;
    private FieldType type;

    private MemberField(String name, Class<E> event, Changed<V, E> changed, Function<E, V> before, Function<E, V> after) {
        this.name = name;
        this.event = event;
        this.changed = changed;
        this.before = before;
        this.after = after;
        this.valueType = Arrays.stream(event.getRecordComponents()).filter(c -> c.getName().equals("after"))
                .map(RecordComponent::getGenericType).findFirst()
                .orElseThrow(() -> new IllegalStateException(event.getSimpleName() + " has no component 'after'"));
    }

    /**
     * A field with its change event; it has no column, is not in {@link MemberCreated}, is shown as it is and is not
     * unique until the methods below say otherwise.
     */
    static <V, E extends MemberEvent> MemberField<V, E> field(String name, Class<E> event, Changed<V, E> changed,
                                                             Function<E, V> before, Function<E, V> after) {
        return new MemberField<>(name, event, changed, before, after);
    }

    /** The workbook column that exports write and imports read. */
    MemberField<V, E> column(String header) {
        this.column = header;
        return this;
    }

    /** The field's value in {@link MemberCreated}; a field it does not carry is recorded by its own event after it. */
    MemberField<V, E> created(Function<MemberCreated, V> value) {
        this.created = value;
        return this;
    }

    /** How history and the change list show a value (ids as text); by default as it is. */
    MemberField<V, E> shown(Function<V, Object> form) {
        this.shown = form;
        return this;
    }

    MemberField<V, E> unique(String namespace, boolean ignoringCase) {
        this.uniqueness = new Uniqueness(namespace, ignoringCase);
        return this;
    }

    /**
     * Decided from other fields, never set directly (the login email follows the address the member signs in with):
     * not reported among a write's changes, its uniqueness checked after theirs, listed last in a new member's history.
     */
    MemberField<V, E> derived() {
        this.derived = true;
        return this;
    }

    /** The field's type as the field list shows it to admins. */
    MemberField<V, E> type(FieldType listed) {
        this.type = listed;
        return this;
    }

    /** The name in the Member JSON, in history and in errors. */
    public String name() {
        return name;
    }

    public Class<E> event() {
        return event;
    }

    /** The type of the field's values, as its change event declares them ({@code after}), e.g. {@code List<MemberId>}. */
    public Type valueType() {
        return valueType;
    }

    /** The workbook column, or null when the workbook has none for this field. */
    public String column() {
        return column;
    }

    /** Null when the field is not unique. */
    public Uniqueness uniqueness() {
        return uniqueness;
    }

    /** The type the field list shows; null for a derived field, which it does not list. */
    public FieldType type() {
        return type;
    }

    public boolean isDerived() {
        return derived;
    }

    public boolean inCreated() {
        return created != null;
    }

    /** Whether a write can ask for the field: every field but the derived ones. */
    public boolean written() {
        return !derived;
    }

    public E changed(MemberId member, V before, V after) {
        return changed.of(member, before, after);
    }

    /** The value before a change event of this field. */
    public V before(MemberEvent change) {
        return before.apply(event.cast(change));
    }

    /** The value after a change event of this field. */
    public V after(MemberEvent change) {
        return after.apply(event.cast(change));
    }

    /** The value a new member starts with, null when {@link #inCreated() not carried} by {@link MemberCreated}. */
    public V created(MemberCreated event) {
        return created == null ? null : created.apply(event);
    }

    /** What a change event of this field changed, as history shows it. */
    public FieldChange change(MemberEvent change) {
        E e = event.cast(change);
        return new FieldChange(name, shown(before.apply(e)), shown(after.apply(e)));
    }

    /** A value as history shows it. */
    public Object shown(V value) {
        return shown.apply(value);
    }

    /** Null, false and an empty list are no value: a new member's history lists only the fields that have one. */
    public boolean hasValue(V value) {
        return value != null && !Boolean.FALSE.equals(value) && !(value instanceof List<?> list && list.isEmpty());
    }

    @Override
    public String toString() {
        return name;
    }
}
