package com.memberdirectory.app.storage.readmodel;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;

import java.nio.ByteBuffer;

/**
 * Documents and single values as BSON bytes, with the wire protocol's own codec, so a stored document reads back as
 * exactly the Java values the server decoded when it arrived.
 * <p>
 * A single value is its BSON type byte followed by its BSON encoding; {@link Missing} (a document without the indexed
 * field, or without an id) has no BSON type and is written as the otherwise unused type byte {@code 0}.
 */
final class BsonCodec {

    private static final byte MISSING = 0;

    private BsonCodec() {
    }

    static byte[] encodeDocument(Document document) {
        ByteBuf buffer = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, buffer);
            return bytes(buffer);
        } finally {
            buffer.release();
        }
    }

    static Document decodeDocument(byte[] bytes) {
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
    }

    private static byte[] encodeValue(Object value) {
        ByteBuf buffer = Unpooled.buffer(32);
        try {
            if (value instanceof Missing) {
                buffer.writeByte(MISSING);
            } else {
                byte type = BsonEncoder.determineType(value);
                buffer.writeByte(type);
                BsonEncoder.encodeValue(type, value, buffer);
            }
            return bytes(buffer);
        } finally {
            buffer.release();
        }
    }

    private static Object decodeValue(ByteBuf buffer) {
        byte type = buffer.readByte();
        return type == MISSING ? Missing.getInstance() : BsonDecoder.decodeValue(type, buffer);
    }

    /** Writes one value into an MVStore page: its length, then its encoding. */
    static void writeValue(WriteBuffer buffer, Object value) {
        byte[] bytes = encodeValue(value);
        buffer.putVarInt(bytes.length).put(bytes);
    }

    /** Reads one value written by {@link #writeValue}. */
    static Object readValue(ByteBuffer buffer) {
        byte[] bytes = new byte[DataUtils.readVarInt(buffer)];
        buffer.get(bytes);
        return decodeValue(Unpooled.wrappedBuffer(bytes));
    }

    private static byte[] bytes(ByteBuf buffer) {
        byte[] bytes = new byte[buffer.readableBytes()];
        buffer.readBytes(bytes);
        return bytes;
    }
}
