package com.memberdirectory.readmodelstore;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import java.nio.ByteBuffer;
import java.util.Comparator;

/**
 * MVStore data type of one BSON value — a document's id as the key of its collection's map, or as the position an
 * index entry points to — ordered as MongoDB orders values.
 * <p>
 * It replaces H2's {@code ObjectDataType}, which writes values it does not know (an {@code ObjectId}, say) with Java
 * serialization and compares them by serializing both sides on every comparison.
 */
final class BsonValueType extends BasicDataType<Object> {

    static final BsonValueType INSTANCE = new BsonValueType();

    /** Total order of values, {@link Missing} first (it never equals a stored value). */
    static final Comparator<Object> ORDER = (a, b) -> {
        boolean aMissing = a instanceof Missing;
        boolean bMissing = b instanceof Missing;
        if (aMissing || bMissing) {
            return Boolean.compare(!aMissing, !bMissing);
        }
        return ValueComparator.ascWithoutListHandling().compare(a, b);
    };

    private BsonValueType() {
    }

    @Override
    public int compare(Object a, Object b) {
        return ORDER.compare(a, b);
    }

    @Override
    public int getMemory(Object value) {
        return value instanceof String string ? 40 + 2 * string.length() : 64;
    }

    @Override
    public void write(WriteBuffer buffer, Object value) {
        BsonCodec.writeValue(buffer, value);
    }

    @Override
    public Object read(ByteBuffer buffer) {
        return BsonCodec.readValue(buffer);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
