package com.memberdirectory.query.audit;

import com.memberdirectory.kernel.audit.AuditQuery;
import com.memberdirectory.kernel.member.FieldChange;
import com.memberdirectory.query.search.IndexOrderPages;
import com.memberdirectory.query.search.TrackedIndex;
import com.mongodb.MongoClientSettings;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import org.bson.BsonBinaryReader;
import org.bson.BsonBinaryWriter;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.HashMap;
import java.util.Collection;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The change list in a Lucene index of this instance, kept by {@link ChangeListIndexProjection}: one document per
 * member event, with what auditors filter by — time, actor, field, member, source — as indexed terms and points, and
 * the entry itself as stored BSON. The index is sorted as the change list is read (time, then the member's event
 * sequence, then event id; {@link #ORDER}), so the matches of a filter come in list order within each segment and a
 * page at any depth is found by walking them ({@link IndexOrderPages}) — memory bounded by the page, not its offset —
 * and the total is an index count. Keyed by event id ({@link #put}).
 */
public final class ChangeListIndex extends TrackedIndex<ChangeRecord> {

    /** The layout of the documents; an index written with another one is rebuilt from the events. */
    static final String SCHEMA = "1";
    static final String ID = "id";
    static final String MEMBER = "member";
    static final String ACTOR = "actor";
    static final String SOURCE = "source";
    static final String FIELD = "field";
    static final String AT = "at";
    static final String SEQUENCE = "sequence";
    private static final String ENTRY = "entry";
    /** The change list's order, oldest first; the index is kept in it. */
    static final Sort ORDER = new Sort(new SortField(AT, SortField.Type.LONG), new SortField(SEQUENCE, SortField.Type.LONG),
            new SortField(ID, SortField.Type.STRING));
    private static final Codec<org.bson.Document> CODEC = MongoClientSettings.getDefaultCodecRegistry().get(org.bson.Document.class);

    /** A page of the change list and how many entries the filters select. */
    record Page(List<ChangeRecord> items, long total) {
    }

    /** The changes added since the last commit (see {@link #put}). */
    private final Set<String> addedSinceCommit = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private ChangeListIndex(Files files) throws IOException {
        super(files, SCHEMA);
    }

    /** Opens the index in {@code path}, creating it if there is none. */
    public static ChangeListIndex open(Path path) {
        Files files = openFiles(path, SCHEMA, ORDER, "index of the change list",
                "The change list is read from its collection");
        try {
            return new ChangeListIndex(files);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the index of the change list in " + path, e);
        }
    }

    /**
     * Adds the change (one thread writes); readable once its batch is done. Only a change added since the last commit
     * can be added again — a batch tried again after a failure — and only that one is written as a replacement, which
     * costs a lookup of its id in every segment: after a crash the index and its position are both back at the last
     * commit, so the events applied again are the ones it lacks.
     */
    void put(ChangeRecord change) {
        try {
            if (addedSinceCommit.add(change.id())) {
                writer.addDocument(documentOf(change));
            } else {
                writer.updateDocument(new Term(ID, change.id()), documentOf(change));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pending.put(change.id(), change);
    }

    @Override
    public synchronized void commit() throws IOException {
        super.commit();
        addedSinceCommit.clear();
    }

    /** The change of event {@code id} as the index has it (including one not yet readable by queries), or null. */
    ChangeRecord change(String id) {
        return changes(List.of(id)).get(id);
    }

    /**
     * The changes of these events the index has (including ones not yet readable by queries), by event id: one
     * lookup of them all, their stored entries read in index order with one reader, so that neighbours share the
     * decompression of their block.
     */
    Map<String, ChangeRecord> changes(Collection<String> ids) {
        Map<String, ChangeRecord> found = new HashMap<>();
        List<BytesRef> stored = new ArrayList<>();
        for (String id : ids) {
            ChangeRecord written = pending.get(id);
            if (written != null) {
                found.put(id, written);
            } else {
                stored.add(new BytesRef(id));
            }
        }
        if (stored.isEmpty()) {
            return found;
        }
        return read(false, searcher -> {
            TopDocs hits = searcher.search(new TermInSetQuery(ID, stored), stored.size());
            int[] docs = Arrays.stream(hits.scoreDocs).mapToInt(hit -> hit.doc).sorted().toArray();
            var fields = searcher.storedFields();
            for (int doc : docs) {
                ChangeRecord change = recordOf(fields.document(doc, Set.of(ENTRY)).getBinaryValue(ENTRY));
                found.putIfAbsent(change.id(), change);
            }
            return found;
        });
    }

    /** The page {@code query} asks for, in its order, and the total its filters select. */
    Page page(AuditQuery query) {
        Query filters = filtersOf(query);
        long skip = (long) query.page() * query.size();
        return read(true, searcher -> {
            // newest first is the list in index order read from its end
            IndexOrderPages.Page found = IndexOrderPages.page(searcher, filters, ORDER, skip, query.size(),
                    query.newestFirst());
            List<ChangeRecord> items = new ArrayList<>(found.docs().size());
            var stored = searcher.storedFields();
            for (int doc : found.docs()) {
                items.add(recordOf(stored.document(doc, Set.of(ENTRY)).getBinaryValue(ENTRY)));
            }
            return new Page(items, found.total());
        });
    }

    static Query filtersOf(AuditQuery query) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        boolean any = false;
        if (query.from() != null || query.to() != null) {
            // to the millisecond, as the change list keeps its times (and a MongoDB date compares them)
            long from = query.from() == null ? Long.MIN_VALUE : query.from().toEpochMilli();
            long to = query.to() == null ? Long.MAX_VALUE : query.to().toEpochMilli() - 1;
            all.add(LongPoint.newRangeQuery(AT, from, to), BooleanClause.Occur.FILTER);
            any = true;
        }
        any |= term(all, ACTOR, query.actor());
        any |= term(all, FIELD, query.field());
        any |= term(all, MEMBER, query.memberId());
        any |= term(all, SOURCE, query.source() == null ? null : folded(query.source()));
        if (query.memberIds() != null) {
            if (query.memberIds().isEmpty()) {
                return new MatchNoDocsQuery("no member in reach");
            }
            all.add(new TermInSetQuery(MEMBER, query.memberIds().stream().map(BytesRef::new).toList()),
                    BooleanClause.Occur.FILTER);
            any = true;
        }
        return any ? all.build() : new MatchAllDocsQuery();
    }

    private static boolean term(BooleanQuery.Builder all, String field, String value) {
        if (value == null) {
            return false;
        }
        all.add(new TermQuery(new Term(field, value)), BooleanClause.Occur.FILTER);
        return true;
    }

    /** Sources match without regard to case ({@code import:…} finds {@code IMPORT:…}), as the collection's query does. */
    private static String folded(String source) {
        return source.toLowerCase(Locale.ROOT);
    }

    private static Document documentOf(ChangeRecord change) {
        Document d = new Document();
        d.add(new StringField(ID, change.id(), Field.Store.NO));
        d.add(new SortedDocValuesField(ID, new BytesRef(change.id())));
        d.add(new StringField(MEMBER, change.memberId(), Field.Store.NO));
        if (change.actor() != null) {
            d.add(new StringField(ACTOR, change.actor(), Field.Store.NO));
        }
        if (change.source() != null) {
            d.add(new StringField(SOURCE, folded(change.source()), Field.Store.NO));
        }
        change.fields().forEach(field -> d.add(new StringField(FIELD, field, Field.Store.NO)));
        long at = change.occurredAt().toEpochMilli();
        d.add(new LongPoint(AT, at));
        d.add(new NumericDocValuesField(AT, at));
        d.add(new NumericDocValuesField(SEQUENCE, change.sequence()));
        d.add(new StoredField(ENTRY, bson(change)));
        return d;
    }

    private static byte[] bson(ChangeRecord change) {
        org.bson.Document d = document(change);
        try (BasicOutputBuffer out = new BasicOutputBuffer(); BsonBinaryWriter writer = new BsonBinaryWriter(out)) {
            CODEC.encode(writer, d, EncoderContext.builder().build());
            return out.toByteArray();
        }
    }

    /** The change as a document: what the index stores, and what a rebuild compares. */
    static org.bson.Document document(ChangeRecord change) {
        return new org.bson.Document("_id", change.id()).append("memberId", change.memberId())
                .append("type", change.type()).append("occurredAt", Date.from(change.occurredAt()))
                .append("sequence", change.sequence()).append("actor", change.actor()).append("source", change.source())
                .append("correlationId", change.correlationId())
                .append("changes", change.changes().stream().map(c -> new org.bson.Document("field", c.field())
                        .append("before", c.before()).append("after", c.after())).toList());
    }

    private static ChangeRecord recordOf(BytesRef bytes) {
        try (BsonBinaryReader reader = new BsonBinaryReader(ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length))) {
            return ChangeRecord.of(CODEC.decode(reader, DecoderContext.builder().build()));
        }
    }
}
