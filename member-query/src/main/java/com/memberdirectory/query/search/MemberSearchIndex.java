package com.memberdirectory.query.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The member search index: one Lucene document per member, kept by a projection of its own and answering the
 * member list's searches, filters, order and totals without reading the members.
 * <p>
 * Each text field {@code q} searches is indexed as its trigrams ({@link SearchText}); departments, status and the
 * login flags as terms; name and id as sort values. The index is a file of this instance (not shared), written by
 * one thread: the projection applies a batch of events ({@link #put}), then {@link #batchDone} makes the batch
 * searchable and, at most once a second, commits the index together with the position in the event stream that
 * it reflects. After a crash the index is back at its last commit and the projection re-applies the events since
 * that position; each document keeps the version it reflects, so nothing is applied twice.
 */
public final class MemberSearchIndex implements Closeable {

    /** The layout of the documents; an index written with another one is rebuilt from the events. */
    static final String SCHEMA = "1";
    static final String SCHEMA_KEY = "schema";
    private static final String POSITION_PREFIX = "position.";
    private static final long COMMIT_EVERY_NANOS = 1_000_000_000L;
    private static final int MAX_SORT_CHARS = 1_000;
    private static final Sort ORDER = new Sort(new SortField(SearchQueries.NAME_SORT, SortField.Type.STRING),
            new SortField(SearchQueries.ID, SortField.Type.STRING));
    private static final FieldType GRAMS = gramsType();
    private static final Logger log = LoggerFactory.getLogger(MemberSearchIndex.class);

    /** A page of ids in list order, and how many members match in all. */
    public record Hits(List<String> ids, long total) {
    }

    private final Path path;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /** Members written since the searcher was last refreshed (a refresh writes a segment: done when a list needs it). */
    private final Map<String, SearchEntry> pending = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_PENDING = 10_000;
    private final Map<String, String> committedPosition;
    private final Object progress = new Object();
    private Map<String, String> position;
    private long lastCommit = System.nanoTime();
    private volatile Object processed;

    private MemberSearchIndex(Path path, Directory directory, IndexWriter writer, Map<String, String> committedPosition)
            throws IOException {
        this.path = path;
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
        this.committedPosition = Map.copyOf(committedPosition);
        this.position = committedPosition;
    }

    /**
     * Opens the index in {@code path}, creating it if there is none. An index that cannot be read, or was written
     * with another layout, is discarded (with a warning): everything in it is derived from the events.
     */
    public static MemberSearchIndex open(Path path) {
        try {
            Files.createDirectories(path);
            Directory directory = FSDirectory.open(path);
            Map<String, String> committed = Map.of();
            IndexWriterConfig.OpenMode mode = IndexWriterConfig.OpenMode.CREATE_OR_APPEND;
            if (DirectoryReader.indexExists(directory)) {
                try {
                    Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
                    try (DirectoryReader readable = DirectoryReader.open(directory)) {
                        log.debug("The member search index in {} holds {} members", path, readable.numDocs());
                    }
                    if (SCHEMA.equals(data.get(SCHEMA_KEY))) {
                        committed = positionIn(data);
                    } else {
                        log.info("The member search index in {} has layout {}, this version writes {}: rebuilding it from the events",
                                path, data.get(SCHEMA_KEY), SCHEMA);
                        mode = IndexWriterConfig.OpenMode.CREATE;
                    }
                } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException
                         | java.nio.file.NoSuchFileException | java.io.EOFException e) {
                    log.warn("The member search index in {} cannot be read ({}); deleting it and rebuilding it from the"
                            + " events. Lists and searches are answered by reading the member list until it has caught up",
                            path, e.toString());
                    for (String file : directory.listAll()) {
                        directory.deleteFile(file);
                    }
                    mode = IndexWriterConfig.OpenMode.CREATE;
                }
            }
            IndexWriterConfig config = new IndexWriterConfig().setOpenMode(mode).setCommitOnClose(false);
            return new MemberSearchIndex(path, directory, new IndexWriter(directory, config), committed);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the member search index in " + path, e);
        }
    }

    /** The event-stream position of the last commit (as the token store wrote it), empty for a new index. */
    public Map<String, String> committedPosition() {
        return committedPosition;
    }

    /**
     * The member as the index has it, including changes not yet searchable; null if it has none. A member who is no
     * longer listed ({@link SearchEntry#listed()}) is not kept: null once the change that unlisted it is searchable.
     */
    public SearchEntry entry(String id) {
        SearchEntry entry = pending.get(id);
        if (entry != null) {
            return entry;
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                TopDocs found = searcher.search(new TermQuery(new Term(SearchQueries.ID, id)), 1);
                return found.scoreDocs.length == 0 ? null : entryOf(searcher.storedFields().document(found.scoreDocs[0].doc));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds or replaces the member (one thread writes); searchable once its batch is done ({@link #batchDone}). */
    public void put(SearchEntry entry) {
        try {
            if (entry.listed()) {
                writer.updateDocument(new Term(SearchQueries.ID, entry.id()), documentOf(entry));
            } else {
                writer.deleteDocuments(new Term(SearchQueries.ID, entry.id()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // after the write: a refresh that no longer lists the member as pending has the write
        pending.put(entry.id(), entry);
    }

    /**
     * The batch is complete: {@code position} (the event-stream position it reaches, as the token store writes it;
     * {@code token} the same as the processor knows it) is reached, and the next search sees the batch's changes.
     * Commits at most once a second.
     */
    public void batchDone(Map<String, String> position, Object token) {
        try {
            if (pending.size() >= MAX_PENDING) {
                refresh();
            }
            this.position = Map.copyOf(position);
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
    void reachedAtOpen(Object token) {
        synchronized (progress) {
            if (processed == null) {
                processed = token;
            }
        }
    }

    /** The token of the last batch made searchable, or of the last commit until then; null if none. */
    public Object processed() {
        return processed;
    }

    /**
     * Waits until {@code reached} says the index has reached where it should, at most {@code timeoutMillis}.
     *
     * @return whether it has
     */
    public boolean await(java.util.function.Predicate<Object> reached, long timeoutMillis) throws InterruptedException {
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
     * Removes every member (a reset of the projection). The index has then processed nothing: lists read the member
     * list until it has caught up again.
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

    /** The page of {@code search} and its total, in list order. */
    public Hits search(MemberSearch search) {
        Query query = SearchQueries.of(search);
        try {
            if (!pending.isEmpty()) {
                refresh();
            }
            IndexSearcher searcher = searchers.acquire();
            try {
                // One pass finds the page and counts every match (an exact total, not Lucene's default estimate).
                int wanted = (int) Math.max(1, Math.min(searcher.getIndexReader().maxDoc(), search.offset() + search.limit()));
                TopFieldDocs found = searcher.search(query, new TopFieldCollectorManager(ORDER, wanted, null, Integer.MAX_VALUE));
                long total = found.totalHits.value;
                if (search.offset() >= total || search.limit() == 0) {
                    return new Hits(List.of(), total);
                }
                ScoreDoc[] top = found.scoreDocs;
                List<String> ids = new ArrayList<>(search.limit());
                var stored = searcher.storedFields();
                for (int i = (int) search.offset(); i < top.length; i++) {
                    ids.add(stored.document(top[i].doc, java.util.Set.of(SearchQueries.ID)).get(SearchQueries.ID));
                }
                return new Hits(ids, total);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes every change written so far searchable. The members written before the refresh began are then found
     * by the searcher and leave {@link #pending}; those written meanwhile stay.
     */
    private void refresh() throws IOException {
        Map<String, SearchEntry> before = Map.copyOf(pending);
        searchers.maybeRefreshBlocking();
        before.forEach(pending::remove);
    }

    /** Writes the index and its position to disk now. */
    public synchronized void commit() throws IOException {
        Map<String, String> data = new HashMap<>();
        data.put(SCHEMA_KEY, SCHEMA);
        position.forEach((key, value) -> data.put(POSITION_PREFIX + key, value));
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

    private static Map<String, String> positionIn(Map<String, String> commitData) {
        Map<String, String> position = new HashMap<>();
        commitData.forEach((key, value) -> {
            if (key.startsWith(POSITION_PREFIX)) {
                position.put(key.substring(POSITION_PREFIX.length()), value);
            }
        });
        return position;
    }

    private static Document documentOf(SearchEntry entry) {
        Document d = new Document();
        d.add(new StringField(SearchQueries.ID, entry.id(), Field.Store.YES));
        d.add(new SortedDocValuesField(SearchQueries.ID, new BytesRef(entry.id())));
        d.add(new StoredField("version", entry.version()));
        if (entry.name() != null) {
            d.add(new StoredField("name", entry.name()));
            String sortable = entry.name().length() > MAX_SORT_CHARS ? entry.name().substring(0, MAX_SORT_CHARS) : entry.name();
            d.add(new SortedDocValuesField(SearchQueries.NAME_SORT, new BytesRef(sortable)));
        }
        if (entry.status() != null) {
            d.add(new StringField(SearchQueries.STATUS, entry.status(), Field.Store.YES));
        }
        entry.departmentIds().forEach(id -> d.add(new StringField(SearchQueries.DEPARTMENT, id, Field.Store.YES)));
        d.add(new StringField(SearchQueries.HAS_LOGIN_PASSWORD, flag(entry.hasLoginPassword()), Field.Store.YES));
        d.add(new StringField(SearchQueries.HIDE_PHONE, flag(entry.hidePhone()), Field.Store.YES));
        entry.texts().forEach((field, value) -> {
            d.add(new StoredField("s." + field, value));
            List<String> grams = SearchText.indexGrams(value);
            if (!grams.isEmpty()) {
                d.add(new Field(SearchQueries.grams(field), new GramTokens(grams), GRAMS));
            }
        });
        return d;
    }

    private static SearchEntry entryOf(Document d) {
        Map<String, String> texts = new HashMap<>();
        for (IndexableField field : d.getFields()) {
            if (field.name().startsWith("s.")) {
                texts.put(field.name().substring(2), field.stringValue());
            }
        }
        return new SearchEntry(d.get(SearchQueries.ID), d.getField("version").numericValue().longValue(), d.get("name"),
                d.get(SearchQueries.STATUS), Stream.of(d.getValues(SearchQueries.DEPARTMENT)).toList(),
                SearchQueries.YES.equals(d.get(SearchQueries.HAS_LOGIN_PASSWORD)),
                SearchQueries.YES.equals(d.get(SearchQueries.HIDE_PHONE)), texts);
    }

    private static String flag(boolean value) {
        return value ? SearchQueries.YES : SearchQueries.NO;
    }

    private static FieldType gramsType() {
        FieldType type = new FieldType();
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        type.setTokenized(true);
        type.setOmitNorms(true);
        type.setStored(false);
        type.freeze();
        return type;
    }
}
