package com.memberdirectory.query.search;

import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A Lucene index of this instance kept by an event processor of its own, whose position in the event stream is
 * stored in the index ({@link IndexTokenStore}), committed together with the documents it describes. One thread
 * writes: the projection writes a batch of events, then {@link #batchDone} makes the batch readable (when a reader
 * needs it) and, at most once every {@value #COMMIT_EVERY_SECONDS} second, commits the index with the position it
 * reflects. After a crash the index is back at its last commit and the events since are applied again (the
 * projections are idempotent). The position is turned into its stored form only when it is committed, not on every
 * batch. (Committing every five seconds instead — fewer, larger segments — measured no faster, docs/benchmarks.md.)
 * <p>
 * Entries written but not yet readable by a searcher are kept in {@link #pending} (a refresh writes a segment, so it
 * is done when a reader needs it or {@value #MAX_PENDING} entries wait). The index is derived from the events: one
 * that cannot be read, or was written with another layout, is deleted and built again.
 *
 * @param <E> what the projection writes for one member
 */
public abstract class TrackedIndex<E> implements Closeable {

    private static final String SCHEMA_KEY = "schema";
    private static final String POSITION_PREFIX = "position.";
    private static final long COMMIT_EVERY_SECONDS = 1;
    private static final long COMMIT_EVERY_NANOS = COMMIT_EVERY_SECONDS * 1_000_000_000L;
    private static final int MAX_PENDING = 10_000;
    private static final Logger log = LoggerFactory.getLogger(TrackedIndex.class);

    /** The open files of an index and the position of its last commit. */
    protected record Files(Path path, Directory directory, IndexWriter writer, Map<String, String> committed) {
    }

    private final Path path;
    private final Directory directory;
    private final String schema;
    protected final IndexWriter writer;
    protected final SearcherManager searchers;
    /** Entries written since the searcher was last refreshed, by id. */
    protected final Pending<E> pending = new Pending<>();
    private final Map<String, String> committedPosition;
    private final Object progress = new Object();
    private Supplier<Map<String, String>> position;
    private long lastCommit = System.nanoTime();
    private volatile Object processed;

    protected TrackedIndex(Files files, String schema) throws IOException {
        this.path = files.path();
        this.directory = files.directory();
        this.writer = files.writer();
        this.schema = schema;
        this.searchers = new SearcherManager(writer, null);
        this.committedPosition = Map.copyOf(files.committed());
        this.position = () -> committedPosition;
    }

    /**
     * Opens the index in {@code path}, creating it if there is none. An index that cannot be read, or was written
     * with another {@code schema}, is discarded (with a message naming {@code what} and what answers meanwhile,
     * {@code meanwhile}): everything in it is derived from the events.
     */
    protected static Files openFiles(Path path, String schema, String what, String meanwhile) {
        return openFiles(path, schema, null, what, meanwhile);
    }

    /**
     * As {@link #openFiles(Path, String, String, String)}, for an index whose segments keep their documents in
     * {@code order} (null: in the order they were added). The order is part of the layout: changing it takes a new
     * {@code schema}.
     */
    protected static Files openFiles(Path path, String schema, Sort order, String what, String meanwhile) {
        try {
            java.nio.file.Files.createDirectories(path);
            // Memory-mapped (Lucene's choice on 64-bit): read through the file system instead (NIOFSDirectory) a
            // page of 50 took 17 ms instead of 7 ms at 20,000 members, for 8 MB less resident (docs/jvm-options.md).
            Directory directory = FSDirectory.open(path);
            Map<String, String> committed = Map.of();
            IndexWriterConfig.OpenMode mode = IndexWriterConfig.OpenMode.CREATE_OR_APPEND;
            if (DirectoryReader.indexExists(directory)) {
                try {
                    Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
                    try (DirectoryReader readable = DirectoryReader.open(directory)) {
                        log.debug("The {} in {} holds {} documents", what, path, readable.numDocs());
                    }
                    if (schema.equals(data.get(SCHEMA_KEY))) {
                        committed = positionIn(data);
                    } else {
                        log.info("The {} in {} has layout {}, this version writes {}: rebuilding it from the events",
                                what, path, data.get(SCHEMA_KEY), schema);
                        mode = IndexWriterConfig.OpenMode.CREATE;
                    }
                } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException
                         | java.nio.file.NoSuchFileException | java.io.EOFException e) {
                    log.warn("The {} in {} cannot be read ({}); deleting it and rebuilding it from the events. {}"
                            + " until it has caught up", what, path, e.toString(), meanwhile);
                    for (String file : directory.listAll()) {
                        directory.deleteFile(file);
                    }
                    mode = IndexWriterConfig.OpenMode.CREATE;
                }
            }
            IndexWriterConfig config = new IndexWriterConfig().setOpenMode(mode).setCommitOnClose(false);
            if (order != null) {
                config.setIndexSort(order);
            }
            return new Files(path, directory, new IndexWriter(directory, config), committed);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the " + what + " in " + path, e);
        }
    }

    /** The event-stream position of the last commit (as the token store wrote it), empty for a new index. */
    public Map<String, String> committedPosition() {
        return committedPosition;
    }

    /**
     * The batch is complete: {@code position} (the event-stream position it reaches, as the token store writes it,
     * asked for when it is committed; {@code token} the same as the processor knows it) is reached, and the next read
     * sees the batch's changes. Commits at most once every {@value #COMMIT_EVERY_SECONDS} second.
     */
    public void batchDone(Supplier<Map<String, String>> position, Object token) {
        try {
            if (pending.size() >= MAX_PENDING) {
                refresh();
            }
            this.position = position;
            if (System.nanoTime() - lastCommit >= COMMIT_EVERY_NANOS) {
                commit();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        synchronized (progress) {
            processed = token;
            progress.notifyAll();
        }
    }

    /** Where the index stood when it was opened (the token of its last commit). */
    public void reachedAtOpen(Object token) {
        synchronized (progress) {
            if (processed == null) {
                processed = token;
            }
        }
    }

    /** The token of the last batch made readable, or of the last commit until then; null if none. */
    public Object processed() {
        return processed;
    }

    /**
     * Waits until {@code reached} says the index has reached where it should, at most {@code timeoutMillis}.
     *
     * @return whether it has
     */
    public boolean await(Predicate<Object> reached, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        synchronized (progress) {
            while (!reached.test(processed)) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return false;
                }
                progress.wait(left);
            }
            return true;
        }
    }

    /**
     * Removes every document (a reset of the projection, or a rebuild of the index on request). The index has then
     * processed nothing: readers fall back (the member list, the full replay) until it has caught up again.
     */
    public void clear() {
        try {
            writer.deleteAll();
            pending.clear();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        synchronized (progress) {
            processed = null;
            progress.notifyAll();
        }
    }

    /** A read with a searcher. */
    protected interface Read<T> {
        T with(IndexSearcher searcher) throws IOException;
    }

    /** {@code read} with a searcher that sees every change written so far ({@code fresh}) or the last one refreshed. */
    protected <T> T read(boolean fresh, Read<T> read) {
        try {
            if (fresh && !pending.isEmpty()) {
                refresh();
            }
            IndexSearcher searcher = searchers.acquire();
            try {
                return read.with(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes every change written so far readable. The entries written before the refresh began are then found by
     * the searcher and leave {@link #pending}; those written meanwhile stay.
     */
    protected void refresh() throws IOException {
        long written = pending.lastWrite();
        searchers.maybeRefreshBlocking();
        pending.readableUpTo(written);
    }

    /** Writes the index and its position to disk now. */
    public synchronized void commit() throws IOException {
        Map<String, String> data = new HashMap<>();
        data.put(SCHEMA_KEY, schema);
        position.get().forEach((key, value) -> data.put(POSITION_PREFIX + key, value));
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
        lastCommit = System.nanoTime();
    }

    /** Commits and closes the index. */
    @Override
    public void close() throws IOException {
        try {
            if (writer.isOpen()) {
                commit();
            }
        } finally {
            searchers.close();
            writer.close();
            directory.close();
        }
    }

    public Path path() {
        return path;
    }

    /**
     * Entries written but not yet readable by a searcher, by id, each numbered in the order written: a refresh makes
     * readable every write numbered up to the last one before it began, and only those leave — an entry written again
     * during the refresh stays (one scan, no copy of the entries).
     */
    protected static final class Pending<E> {

        private record Written<E>(E entry, long number) {
        }

        private final Map<String, Written<E>> written = new ConcurrentHashMap<>();
        private final AtomicLong writes = new AtomicLong();

        /** The entry last written for {@code id} if it is not readable yet, else null. */
        public E get(String id) {
            Written<E> entry = written.get(id);
            return entry == null ? null : entry.entry();
        }

        /** Records {@code entry}, written to the index just now. */
        public void put(String id, E entry) {
            written.put(id, new Written<>(entry, writes.incrementAndGet()));
        }

        boolean isEmpty() {
            return written.isEmpty();
        }

        int size() {
            return written.size();
        }

        void clear() {
            written.clear();
        }

        long lastWrite() {
            return writes.get();
        }

        /** The writes numbered up to {@code number} are readable now (an entry replaced since is kept). */
        void readableUpTo(long number) {
            written.values().removeIf(entry -> entry.number() <= number);
        }
    }

    private static Map<String, String> positionIn(Map<String, String> commitData) {
        Map<String, String> position = new HashMap<>();
        commitData.forEach((key, value) -> {
            if (key.startsWith(POSITION_PREFIX)) {
                position.put(key.substring(POSITION_PREFIX.length()), value);
            }
        });
        return position;
    }
}
