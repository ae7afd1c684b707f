package com.memberdirectory.readmodelstore;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.BsonConstants;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Documents and single values as BSON bytes, with the wire protocol's own codec, so a stored document reads back as
 * exactly the Java values the server decoded when it arrived.
 * <p>
 * A single value is its BSON type byte followed by its BSON encoding; {@link Missing} (a document without the indexed
 * field, or without an id) has no BSON type and is written as the otherwise unused type byte {@code 0}.
 */
final class BsonCodec {

    private static final byte MISSING = 0;

    /** A BSON string value's bytes besides its UTF-8: type, length, closing zero. */
    private static final int STRING_OVERHEAD = 1 + 4 + 1;

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

    /**
     * Writes one value into an MVStore page: its length, then its encoding. Strings — ids and most index keys, written
     * for every page of every chunk — go straight into the page's buffer with the same bytes the wire protocol's
     * codec would produce (type {@code 0x02}, little-endian length including the closing zero, UTF-8, zero).
     */
    static void writeValue(WriteBuffer buffer, Object value) {
        if (value instanceof String string) {
            byte[] utf8 = string.getBytes(StandardCharsets.UTF_8);
            buffer.putVarInt(utf8.length + STRING_OVERHEAD)
                    .put(BsonConstants.TYPE_UTF8_STRING)
                    .putInt(Integer.reverseBytes(utf8.length + 1))
                    .put(utf8)
                    .put((byte) 0);
            return;
        }
        byte[] bytes = encodeValue(value);
        buffer.putVarInt(bytes.length).put(bytes);
    }

    /** Reads one value written by {@link #writeValue}. */
    static Object readValue(ByteBuffer buffer) {
        int length = DataUtils.readVarInt(buffer);
        if (length >= STRING_OVERHEAD && buffer.get(buffer.position()) == BsonConstants.TYPE_UTF8_STRING) {
            int start = buffer.position();
            int utf8Length = Integer.reverseBytes(buffer.getInt(start + 1)) - 1;
            if (utf8Length == length - STRING_OVERHEAD && buffer.get(start + length - 1) == 0) {
                String string = buffer.hasArray()
                        ? new String(buffer.array(), buffer.arrayOffset() + start + 5, utf8Length, StandardCharsets.UTF_8)
                        : utf8String(buffer.duplicate().position(start + 5), utf8Length);
                buffer.position(start + length);
                return string;
            }
        }
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return decodeValue(Unpooled.wrappedBuffer(bytes));
    }

    private static String utf8String(ByteBuffer buffer, int length) {
        byte[] utf8 = new byte[length];
        buffer.get(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(ByteBuf buffer) {
        byte[] bytes = new byte[buffer.readableBytes()];
        buffer.readBytes(bytes);
        return bytes;
    }
}
