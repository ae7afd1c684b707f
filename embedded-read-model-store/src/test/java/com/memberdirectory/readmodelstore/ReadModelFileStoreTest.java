package com.memberdirectory.readmodelstore;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.Page;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read models' file store: what is written comes back after a reopen, also from a chunk larger than the chunk
 * buffer; documents are kept in pages of 4 KB; consecutive chunks are serialized into the same buffer instead of new
 * arrays.
 */
class ReadModelFileStoreTest {

    @TempDir
    Path folder;

    private MVStore open(Path file) {
        ReadModelFileStore fileStore = new ReadModelFileStore();
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
        int large = ReadModelFileStore.BUFFER_BYTES / 2_000 * 2; // one chunk of about twice the buffer
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
    void documentsAreKeptInSmallPagesSoThatChangingOneRewritesLittle() {
        try (MVStore store = open(folder.resolve("pages.mv"))) {
            assertThat(store.getMaxPageSize()).isEqualTo(ReadModelFileStore.MAX_PAGE_BYTES).isEqualTo(4096);
            MVMap<Integer, byte[]> map = store.openMap("documents");
            for (int i = 0; i < 200; i++) {
                map.put(i, value(i)); // 2,000 bytes each, about a member document
            }
            store.commit();
            assertThat(largestLeaf(map.getRootPage())).isLessThanOrEqualTo(2);
        }
    }

    private static int largestLeaf(Page<Integer, byte[]> page) {
        if (page.isLeaf()) {
            return page.getKeyCount();
        }
        int largest = 0;
        for (int i = 0; i < page.getRawChildPageCount(); i++) {
            largest = Math.max(largest, largestLeaf(page.getChildPage(i)));
        }
        return largest;
    }

    @Test
    void consecutiveChunksUseTheSameBufferEvenAfterOneGrewPastIt() {
        ReadModelFileStore fileStore = new ReadModelFileStore();
        WriteBuffer first = fileStore.getWriteBuffer();
        assertThat(first.capacity()).isEqualTo(ReadModelFileStore.BUFFER_BYTES);
        first.put(new byte[ReadModelFileStore.BUFFER_BYTES + 1]); // a chunk larger than the buffer
        assertThat(first.capacity()).isGreaterThan(ReadModelFileStore.BUFFER_BYTES);
        fileStore.releaseWriteBuffer(first);

        WriteBuffer second = fileStore.getWriteBuffer();
        assertThat(second).isSameAs(first);
        assertThat(second.capacity()).isEqualTo(ReadModelFileStore.BUFFER_BYTES);
        assertThat(second.position()).isZero();

        WriteBuffer concurrent = fileStore.getWriteBuffer(); // a second chunk in flight gets its own buffer
        assertThat(concurrent).isNotSameAs(second);
        fileStore.releaseWriteBuffer(second);
        fileStore.releaseWriteBuffer(concurrent);
        assertThat(fileStore.getWriteBuffer()).isIn(first, concurrent);
    }
}
