package com.memberdirectory.app.storage.readmodel;

import org.h2.mvstore.SingleFileStore;
import org.h2.mvstore.WriteBuffer;

import java.util.HashMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The read models' MVStore file, serializing each chunk into a write buffer that is kept for the next chunk.
 * <p>
 * MVStore starts every chunk in a 1 MB buffer that grows (2, 3, 4.5 MB …) and only keeps buffers of up to 4 MB for
 * re-use. Under steady writes (an import) the read models' chunks are 3–4.5 MB, so every chunk — about one a
 * second — allocated 1 + 2 + 3 + 4.5 MB of new arrays: a profile of a 100,000-row import counted 3 GB of such
 * allocations. Each is a "humongous" object for G1 at a 512 MB heap (over half a 1 MB region), and each started a
 * concurrent marking cycle: 41 cycles in the 48 s of that import. Here a chunk is written into a buffer of
 * {@value #BUFFER_BYTES} bytes that is allocated once and returned to a small pool afterwards; a larger chunk still
 * grows the buffer for that chunk only (the buffer then falls back to its original array).
 */
public final class ReusedWriteBufferFileStore extends SingleFileStore {

    /** Initial size of a chunk's buffer, above the 3–4.5 MB chunks measured during imports. */
    static final int BUFFER_BYTES = 8 * 1024 * 1024;

    /** MVStore has at most a few chunks in flight (serialized, not yet written); two buffers cover the usual case. */
    private static final int POOLED = 2;

    private final BlockingQueue<WriteBuffer> pool = new ArrayBlockingQueue<>(POOLED);

    public ReusedWriteBufferFileStore() {
        super(new HashMap<>());
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
