package com.memberdirectory.readmodelstore;

import org.h2.mvstore.SingleFileStore;
import org.h2.mvstore.WriteBuffer;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The read models' MVStore file: pages of at most {@value #MAX_PAGE_BYTES} bytes, and each chunk serialized into a
 * write buffer that is kept for the next chunk.
 * <p>
 * <b>Pages.</b> A changed document rewrites its whole leaf page in the next chunk, compressed. MVStore splits
 * pages at 16 KB (a sixteenth of a cache segment: 16 MB in 16 segments) — about ten member documents — so an edit
 * of one member wrote and compressed 16 KB, and LZF compression was a sixth of the service's CPU samples during
 * the write benchmark's edits. MVStore has no page-size setting; the cache's segment count sets it, so the same
 * 16 MB cache in {@value #CACHE_SEGMENTS} segments gives 4 KB pages (two or three members). Measured (20,000
 * members, HTTP edits): 875–900/s → 964/s; the read-model file while running 264 → 163 MB, after the clean-stop
 * compaction 21 → 29 MB (small pages compress less). Pages keep their size when copied, so pages written before
 * (and by compaction, which copies pages) stay as they were until their documents are written again.
 * <p>
 * <b>Chunk buffers.</b> MVStore starts every chunk in a 1 MB buffer that grows (2, 3, 4.5 MB …) and only keeps
 * buffers of up to 4 MB for re-use. Under steady writes (an import) the read models' chunks were 3–4.5 MB, so every
 * chunk — about one a second — allocated 1 + 2 + 3 + 4.5 MB of new arrays: a profile of a 100,000-row import
 * counted 3 GB of such allocations. Each is a "humongous" object for G1 at a 512 MB heap (over half a 1 MB region),
 * and each started a concurrent marking cycle. Here a chunk is written into a buffer of {@value #BUFFER_BYTES}
 * bytes that is allocated once and returned to a small pool afterwards; a larger chunk still grows the buffer for
 * that chunk only (the buffer then falls back to its original array).
 */
public final class ReadModelFileStore extends SingleFileStore {

    /** MVStore's default cache size. */
    private static final int CACHE_MB = 16;

    /** Segments of the page cache; a page may take a sixteenth of a segment (MVStore's rule). */
    static final int CACHE_SEGMENTS = 256;

    static final int MAX_PAGE_BYTES = CACHE_MB * 1024 * 1024 / CACHE_SEGMENTS / 16;

    /** Initial size of a chunk's buffer, above the 3–4.5 MB chunks measured during imports. */
    static final int BUFFER_BYTES = 8 * 1024 * 1024;

    /** MVStore has at most a few chunks in flight (serialized, not yet written); two buffers cover the usual case. */
    private static final int POOLED = 2;

    private final BlockingQueue<WriteBuffer> pool = new ArrayBlockingQueue<>(POOLED);

    public ReadModelFileStore() {
        super(config());
    }

    private static Map<String, Object> config() {
        Map<String, Object> config = new HashMap<>();
        config.put("cacheSize", CACHE_MB);
        config.put("cacheConcurrency", CACHE_SEGMENTS);
        return config;
    }

    @Override
    public WriteBuffer getWriteBuffer() {
        WriteBuffer buffer = pool.poll();
        if (buffer == null) {
            return new WriteBuffer(BUFFER_BYTES);
        }
        buffer.clear();
        return buffer;
    }

    @Override
    public void releaseWriteBuffer(WriteBuffer buffer) {
        // clear() returns a buffer that grew past its initial array to that array, so pooled buffers stay at
        // BUFFER_BYTES; one that started smaller (not from this pool) is not kept.
        if (buffer.clear().capacity() >= BUFFER_BYTES) {
            pool.offer(buffer);
        }
    }
}
