package com.memberdirectory.app.storage.readmodel;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read models' file store keeps its chunk buffers: what is written comes back after a reopen, also from a chunk
 * larger than the buffer, and consecutive chunks are serialized into the same buffer instead of new arrays.
 */
class ReusedWriteBufferFileStoreTest {

    @TempDir
    Path folder;

    private MVStore open(Path file) {
        ReusedWriteBufferFileStore fileStore = new ReusedWriteBufferFileStore();
        fileStore.open(file.toString(), false, null);
        return new MVStore.Builder().adoptFileStore(fileStore).compress().open();
    }

    private static byte[] value(int key) {
        // incompressible, so the chunk's size follows the data's
        byte[] bytes = new byte[2_000];
        new Random(key).nextBytes(bytes);
        return bytes;
    }

    @Test
    void chunksSmallerAndLargerThanTheBufferSurviveAReopen() {
        Path file = folder.resolve("readmodels.mv");
        int small = 100;
        int large = ReusedWriteBufferFileStore.BUFFER_BYTES / 2_000 * 2; // one chunk of about twice the buffer
        try (MVStore store = open(file)) {
            MVMap<Integer, byte[]> map = store.openMap("documents");
            for (int i = 0; i < small; i++) {
                map.put(i, value(i));
            }
            store.commit();
            for (int i = small; i < small + large; i++) {
                map.put(i, value(i));
            }
            store.commit();
            map.put(0, value(-1));
            store.commit();
        }
        try (MVStore store = open(file)) {
            MVMap<Integer, byte[]> map = store.openMap("documents");
            assertThat(map.size()).isEqualTo(small + large);
            assertThat(map.get(0)).isEqualTo(value(-1));
            for (int i = 1; i < small + large; i++) {
                assertThat(map.get(i)).as("value %d", i).isEqualTo(value(i));
            }
        }
    }

    @Test
    void consecutiveChunksUseTheSameBufferEvenAfterOneGrewPastIt() {
        ReusedWriteBufferFileStore fileStore = new ReusedWriteBufferFileStore();
        WriteBuffer first = fileStore.getWriteBuffer();
        assertThat(first.capacity()).isEqualTo(ReusedWriteBufferFileStore.BUFFER_BYTES);
        first.put(new byte[ReusedWriteBufferFileStore.BUFFER_BYTES + 1]); // a chunk larger than the buffer
        assertThat(first.capacity()).isGreaterThan(ReusedWriteBufferFileStore.BUFFER_BYTES);
        fileStore.releaseWriteBuffer(first);

        WriteBuffer second = fileStore.getWriteBuffer();
        assertThat(second).isSameAs(first);
        assertThat(second.capacity()).isEqualTo(ReusedWriteBufferFileStore.BUFFER_BYTES);
        assertThat(second.position()).isZero();

        WriteBuffer concurrent = fileStore.getWriteBuffer(); // a second chunk in flight gets its own buffer
        assertThat(concurrent).isNotSameAs(second);
        fileStore.releaseWriteBuffer(second);
        fileStore.releaseWriteBuffer(concurrent);
        assertThat(fileStore.getWriteBuffer()).isIn(first, concurrent);
    }
}
