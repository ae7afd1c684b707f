package com.memberdirectory.query.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
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
public final class MemberSearchIndex extends TrackedIndex<SearchEntry> {

    /** The layout of the documents; an index written with another one is rebuilt from the events. */
    static final String SCHEMA = "1";
    private static final int MAX_SORT_CHARS = 1_000;
    private static final Sort ORDER = new Sort(new SortField(SearchQueries.NAME_SORT, SortField.Type.STRING),
            new SortField(SearchQueries.ID, SortField.Type.STRING));
    private static final FieldType GRAMS = gramsType();

    /** A page of ids in list order, and how many members match in all. */
    public record Hits(List<String> ids, long total) {
    }

    private MemberSearchIndex(Files files) throws IOException {
        super(files, SCHEMA);
    }

    /**
     * Opens the index in {@code path}, creating it if there is none. An index that cannot be read, or was written
     * with another layout, is discarded (with a warning): everything in it is derived from the events.
     */
    public static MemberSearchIndex open(Path path) {
        Files files = openFiles(path, SCHEMA, "member search index",
                "Lists and searches are answered by reading the member list");
        try {
            return new MemberSearchIndex(files);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the member search index in " + path, e);
        }
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
        return read(false, searcher -> {
            Document d = UniqueTerms.document(searcher, SearchQueries.ID, id, null);
            return d == null ? null : entryOf(d);
        });
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

    /** The page of {@code search} and its total, in list order. */
    public Hits search(MemberSearch search) {
        Query query = SearchQueries.of(search);
        return read(true, searcher -> {
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
        });
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
