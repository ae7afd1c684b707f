package com.memberdirectory.query.member;

import com.memberdirectory.kernel.member.MemberStatus;
import com.memberdirectory.query.search.IndexOrderPages;
import com.memberdirectory.query.search.TrackedIndex;
import com.memberdirectory.query.search.UniqueTerms;
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
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import org.springframework.data.mongodb.core.convert.MongoConverter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Every version of every member, each with the instants at which it was the member's current one: a temporal table
 * of the member list, kept by {@link MemberVersionProjection} in a Lucene index of this instance, that answers the
 * member and the member list as they were at an instant without replaying the events.
 * <p>
 * A member's versions follow the member's own event sequence (the store's order for the member). Version {@code n}
 * (after the member's events up to sequence {@code n - 1}) is the member at every instant {@code t} with
 * {@code from <= t < to}: {@code from} is the latest time stamp among those events, {@code to} the stamp of the
 * next event (none yet: open). So at {@code t} the member is its events up to the first one stamped after {@code t}
 * — the same as replaying the member's events. A version whose next event is stamped no later than it never was
 * current at any instant and is not kept. The intervals of one member never overlap, so an instant finds at most one
 * version per member.
 * <p>
 * Each version is one Lucene document: {@code from} and {@code to} as points and doc values (range filters), the
 * member's departments and whether it is listed (not offboarded) as terms, name and id as sort values, and the whole
 * member document as stored BSON ({@link MemberBson}). Each segment keeps its documents in list order (Lucene's index
 * sort on name, then id), so the versions that match a query come in list order within a segment. A page of the list
 * at {@code t} is one query — the versions current at {@code t}, listed, in the departments asked for — whose matches
 * are merged across segments up to the page, from whichever end of the list is nearer ({@link IndexOrderPages}):
 * its cost grows with the members that match (all are counted: the total is exact) and with the distance of the page
 * from the nearer end, its memory with the members that match, not with the page's offset.
 */
public final class MemberVersions extends TrackedIndex<MemberVersions.Latest> {

    /**
     * The layout of the documents; an index written with another one is rebuilt from the events. 2: documents sorted
     * in list order within each segment.
     */
    static final String SCHEMA = "2";
    private static final String ID = "id";
    private static final String OPEN = "open";
    private static final String FROM = "from";
    private static final String TO = "to";
    private static final String LISTED = "listed";
    private static final String DEPARTMENT = "department";
    private static final String NAME = "name";
    private static final String VERSION = "version";
    private static final String MEMBER = "member";
    private static final String YES = "y";
    private static final int MAX_SORT_CHARS = 1_000;
    /** List order, in which each segment keeps its documents: name (none first), then id, both by UTF-8 bytes. */
    private static final Sort ORDER = new Sort(new SortField(NAME, SortField.Type.STRING),
            new SortField(ID, SortField.Type.STRING));

    /** A member's latest version as the index has it: its version, since when it is current, its document. */
    record Latest(long version, long from, byte[] member) {
    }

    private final MemberBson bson;

    private MemberVersions(Files files, MemberBson bson) throws IOException {
        super(files, SCHEMA);
        this.bson = bson;
    }

    /** Opens the index in {@code path}, creating it if there is none; documents are mapped by {@code converter}. */
    public static MemberVersions open(Path path, MongoConverter converter) {
        Files files = openFiles(path, SCHEMA, ORDER, "index of member versions",
                "The member list as it was is rebuilt by replaying the events");
        try {
            return new MemberVersions(files, new MemberBson(converter));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the index of member versions in " + path, e);
        }
    }

    /** The member's latest version, including one not yet readable by queries; null if the index has none. */
    Latest latest(String id) {
        Latest latest = pending.get(id);
        if (latest != null) {
            return latest;
        }
        return read(false, searcher -> {
            Document d = UniqueTerms.document(searcher, OPEN, id, Set.of(VERSION, FROM, MEMBER));
            return d == null ? null : new Latest(d.getField(VERSION).numericValue().longValue(),
                    d.getField(FROM).numericValue().longValue(), d.getBinaryValue(MEMBER).bytes.clone());
        });
    }

    /** The member of a version (a copy: changing it changes nothing here). */
    MemberDocument member(Latest latest) {
        return bson.read(latest.member());
    }

    /** The member of a version as the member list stores it, for comparing the two. */
    org.bson.Document document(Latest latest) {
        return document(member(latest));
    }

    /** A member as the member list stores it (written by the same mapping as the versions). */
    org.bson.Document document(MemberDocument member) {
        return bson.document(member);
    }

    /**
     * Adds {@code next}, the member after an event stamped {@code stamp}, as the member's latest version; the version
     * it follows ({@code previous}, null for a new member) ends at {@code stamp}. {@code previousMember} is the member
     * of {@code previous} as {@link #member} read it (null for a new member): passed in, so that each event reads the
     * stored member once (mapping it back from BSON is a large part of what an event costs here). One thread writes.
     */
    void add(Latest previous, MemberDocument previousMember, MemberDocument next, Instant stamp) {
        long at = nanos(stamp);
        long from = previous == null ? at : Math.max(previous.from(), at);
        Latest latest = new Latest(next.version, from, bson.write(next));
        try {
            if (previous != null && at > previous.from()) {
                writer.addDocument(documentOf(previousMember, previous, at));
            }
            writer.updateDocument(new Term(OPEN, next.id), documentOf(next, latest, Long.MAX_VALUE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // after the write: a refresh that no longer lists the member as pending has the write
        pending.put(next.id, latest);
    }

    /** The member as it was at {@code asOf}, or null if it did not exist then. */
    MemberDocument asOf(String id, Instant asOf) {
        BooleanQuery query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(ID, id)), BooleanClause.Occur.FILTER)
                .add(currentAt(nanos(asOf)), BooleanClause.Occur.FILTER)
                .build();
        return read(true, searcher -> {
            TopDocs found = searcher.search(query, 1);
            return found.scoreDocs.length == 0 ? null : memberOf(searcher, found.scoreDocs[0].doc);
        });
    }

    /**
     * A page of the member list as it was at {@code asOf} — the members listed then (not offboarded), of those in one
     * of {@code departments} if not null — in list order (name, then id, by code point), and their number.
     */
    AsOfPage page(Instant asOf, Collection<String> departments, long offset, int limit) {
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(currentAt(nanos(asOf)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(LISTED, YES)), BooleanClause.Occur.FILTER);
        if (departments != null) {
            query.add(new TermInSetQuery(DEPARTMENT, departments.stream().map(BytesRef::new).toList()), BooleanClause.Occur.FILTER);
        }
        Query select = query.build();
        return read(true, searcher -> {
            IndexOrderPages.Page found = IndexOrderPages.page(searcher, select, ORDER, offset, limit, false);
            List<MemberDocument> members = new ArrayList<>(found.docs().size());
            for (int doc : found.docs()) {
                members.add(memberOf(searcher, doc));
            }
            return new AsOfPage(members, found.total());
        });
    }

    /** The versions current at {@code t}: {@code from <= t < to}. */
    private static Query currentAt(long t) {
        long at = Math.min(t, Long.MAX_VALUE - 1);
        return new BooleanQuery.Builder()
                .add(range(FROM, Long.MIN_VALUE, at), BooleanClause.Occur.FILTER)
                .add(range(TO, at + 1, Long.MAX_VALUE), BooleanClause.Occur.FILTER)
                .build();
    }

    private static Query range(String field, long from, long to) {
        return new IndexOrDocValuesQuery(LongPoint.newRangeQuery(field, from, to),
                NumericDocValuesField.newSlowRangeQuery(field, from, to));
    }

    private MemberDocument memberOf(IndexSearcher searcher, int doc) throws IOException {
        return bson.read(searcher.storedFields().document(doc, Set.of(MEMBER)).getBinaryValue(MEMBER).bytes);
    }

    private static Document documentOf(MemberDocument member, Latest version, long to) {
        Document d = new Document();
        d.add(new StringField(ID, member.id, Field.Store.NO));
        d.add(new SortedDocValuesField(ID, new BytesRef(member.id)));
        if (to == Long.MAX_VALUE) {
            d.add(new StringField(OPEN, member.id, Field.Store.NO));
        }
        d.add(new LongPoint(FROM, version.from()));
        d.add(new NumericDocValuesField(FROM, version.from()));
        d.add(new StoredField(FROM, version.from()));
        d.add(new LongPoint(TO, to));
        d.add(new NumericDocValuesField(TO, to));
        d.add(new StoredField(VERSION, version.version()));
        if (member.status != MemberStatus.OFFBOARDED) {
            d.add(new StringField(LISTED, YES, Field.Store.NO));
        }
        if (member.departmentIds != null) {
            member.departmentIds.forEach(id -> d.add(new StringField(DEPARTMENT, id, Field.Store.NO)));
        }
        if (member.name != null) {
            String sortable = member.name.length() > MAX_SORT_CHARS ? member.name.substring(0, MAX_SORT_CHARS) : member.name;
            d.add(new SortedDocValuesField(NAME, new BytesRef(sortable)));
        }
        d.add(new StoredField(MEMBER, version.member()));
        return d;
    }

    /** An instant as nanoseconds since the epoch, saturated to the range of a long (years 1677 to 2262). */
    static long nanos(Instant instant) {
        if (instant.getEpochSecond() >= Long.MAX_VALUE / 1_000_000_000L) {
            return Long.MAX_VALUE;
        }
        if (instant.getEpochSecond() < Long.MIN_VALUE / 1_000_000_000L) {
            return Long.MIN_VALUE;
        }
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
