package com.memberdirectory.kernel.member;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Where a class holds a built-in field of {@link MemberFields}, found by the field's name: a record's component and
 * its wither ({@code withCity}), or a class's field. Meant to be called once per field while a class initialises,
 * never per write or per event: the method handles found here are then called directly. Refuses a class without a
 * member of the field's name, or holding it as another type than the field's events carry, so that a field left out
 * fails at start-up instead of at its first write.
 */
public final class FieldPlaces {

    private static final MethodType GET = MethodType.methodType(Object.class, Object.class);
    private static final MethodType WITH = MethodType.methodType(Object.class, Object.class, Object.class);
    private static final MethodType SET = MethodType.methodType(void.class, Object.class, Object.class);

    private FieldPlaces() {
    }

    /** Reads the field from the record component of its name ({@code lookup}: one with access to the record). */
    @SuppressWarnings("unchecked")
    public static <T extends Record, V> Function<T, V> component(MethodHandles.Lookup lookup, Class<T> record,
                                                                 MemberField<V, ?> field) {
        MethodHandle get = adapt(() -> lookup.unreflect(componentOf(record, field).getAccessor()), GET, record, field);
        return holder -> {
            try {
                return (V) (Object) get.invokeExact((Object) holder);
            } catch (Throwable e) {
                throw rethrown(e);
            }
        };
    }

    /** A copy of the record with the field set, by the record's {@code with<Name>} method. */
    @SuppressWarnings("unchecked")
    public static <T extends Record, V> BiFunction<T, V, T> wither(MethodHandles.Lookup lookup, Class<T> record,
                                                                   MemberField<V, ?> field) {
        RecordComponent component = componentOf(record, field);
        String name = "with" + component.getName().substring(0, 1).toUpperCase(Locale.ROOT)
                + component.getName().substring(1);
        MethodHandle with = adapt(() -> lookup.findVirtual(record, name,
                MethodType.methodType(record, component.getType())), WITH, record, field);
        return (holder, value) -> {
            try {
                return (T) (Object) with.invokeExact((Object) holder, (Object) value);
            } catch (Throwable e) {
                throw rethrown(e);
            }
        };
    }

    /** Sets the field of a class (a stored document) that has the field's name. */
    public static <T, V> BiConsumer<T, V> settable(MethodHandles.Lookup lookup, Class<T> type, MemberField<V, ?> field) {
        Field held;
        try {
            held = type.getDeclaredField(field.name());
        } catch (NoSuchFieldException e) {
            throw noPlace(type, field, "it has no field of that name");
        }
        check(type, field, held.getGenericType());
        MethodHandle set = adapt(() -> lookup.unreflectSetter(held), SET, type, field);
        return (holder, value) -> {
            try {
                set.invokeExact((Object) holder, (Object) value);
            } catch (Throwable e) {
                throw rethrown(e);
            }
        };
    }

    /**
     * Whether a place declared as {@code held} takes every value of the field's type {@code carried}: a plain class
     * that is the same or a supertype (a primitive never takes null, so it is no place), a generic type only when
     * it is the same ({@code List<String>} is no place for {@code List<MemberId>}).
     */
    static boolean takes(Type held, Type carried) {
        return held instanceof Class<?> plain && carried instanceof Class<?> value ? plain.isAssignableFrom(value)
                : held.equals(carried);
    }

    private static RecordComponent componentOf(Class<?> record, MemberField<?, ?> field) {
        RecordComponent component = Arrays.stream(record.getRecordComponents())
                .filter(c -> c.getName().equals(field.name())).findFirst()
                .orElseThrow(() -> noPlace(record, field, "it has no component of that name"));
        check(record, field, component.getGenericType());
        return component;
    }

    private static void check(Class<?> type, MemberField<?, ?> field, Type held) {
        if (!takes(held, field.valueType())) {
            throw noPlace(type, field, "it holds " + held.getTypeName() + ", the field's events carry "
                    + field.valueType().getTypeName() + " (give the field a place of its own there)");
        }
    }

    private interface Find {
        MethodHandle find() throws ReflectiveOperationException;
    }

    private static MethodHandle adapt(Find find, MethodType type, Class<?> holder, MemberField<?, ?> field) {
        try {
            return find.find().asType(type);
        } catch (ReflectiveOperationException e) {
            throw noPlace(holder, field, e.toString());
        }
    }

    private static RuntimeException rethrown(Throwable e) {
        if (e instanceof Error error) {
            throw error;
        }
        return e instanceof RuntimeException unchecked ? unchecked : new IllegalStateException(e);
    }

    private static IllegalStateException noPlace(Class<?> type, MemberField<?, ?> field, String why) {
        return new IllegalStateException(type.getSimpleName() + " has no place for the field " + field + ": " + why);
    }
}
