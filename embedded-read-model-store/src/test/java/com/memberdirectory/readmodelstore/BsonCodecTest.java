package com.memberdirectory.readmodelstore;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.bson.types.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single values in read-model pages (ids, index keys): strings are written byte for byte as the wire protocol's codec
 * writes them — so files written before the direct string path read back unchanged — and every kind of value reads
 * back as written, also several in a row and from a buffer that is not at its start.
 */
class BsonCodecTest {

    private static final List<String> STRINGS = List.of("", "m-4f1c2a", "ann@example.com", "+8613800138000",
            "Zoë Ångström", "張偉", "emoji 🙂", "nul\u0000inside");

    private static byte[] written(Object value) {
        WriteBuffer buffer = new WriteBuffer(64);
        BsonCodec.writeValue(buffer, value);
        ByteBuffer bytes = buffer.getBuffer().flip();
        return Arrays.copyOfRange(bytes.array(), 0, bytes.limit());
    }

    /** What the generic path (the wire protocol's encoder) writes: the length as a var-int, type byte, value. */
    private static byte[] writtenByTheWireCodec(Object value) {
        ByteBuf encoded = Unpooled.buffer();
        byte type = BsonEncoder.determineType(value);
        encoded.writeByte(type);
        BsonEncoder.encodeValue(type, value, encoded);
        byte[] bytes = new byte[encoded.readableBytes()];
        encoded.readBytes(bytes);
        WriteBuffer buffer = new WriteBuffer(64);
        buffer.putVarInt(bytes.length).put(bytes);
        ByteBuffer all = buffer.getBuffer().flip();
        return Arrays.copyOfRange(all.array(), 0, all.limit());
    }

    @Test
    void stringsAreWrittenExactlyAsTheWireCodecWritesThem() {
        for (String string : STRINGS) {
            assertThat(written(string)).as(string).isEqualTo(writtenByTheWireCodec(string));
        }
    }

    @Test
    void everyKindOfValueReadsBackAsWrittenInARow() {
        List<Object> values = new ArrayList<>(STRINGS);
        values.addAll(List.of(42, 7L, 1.5, true, Instant.ofEpochMilli(1_700_000_000_000L), Missing.getInstance()));
        WriteBuffer buffer = new WriteBuffer(16);
        buffer.put(new byte[]{9, 9, 9}); // values that do not start at the buffer's beginning
        values.forEach(value -> BsonCodec.writeValue(buffer, value));
        ByteBuffer page = buffer.getBuffer().flip();
        page.position(3);

        List<Object> read = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            read.add(BsonCodec.readValue(page));
        }
        assertThat(read).isEqualTo(values);
        assertThat(page.hasRemaining()).isFalse();
    }

    @Test
    void anObjectIdIsNotMistakenForAString() {
        de.bwaldvogel.mongo.bson.ObjectId id = new de.bwaldvogel.mongo.bson.ObjectId(new ObjectId().toByteArray());
        ByteBuffer page = ByteBuffer.wrap(written(id));
        assertThat(BsonCodec.readValue(page)).isEqualTo(id);
    }

    @Test
    void aPageWithoutAnArrayBehindItReadsStringsToo() {
        byte[] bytes = written("ann@example.com");
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        assertThat(BsonCodec.readValue(direct)).isEqualTo("ann@example.com");
        assertThat(direct.hasRemaining()).isFalse();
    }
}
