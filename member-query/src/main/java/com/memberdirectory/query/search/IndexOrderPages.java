package com.memberdirectory.query.search;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefBuilder;
import org.apache.lucene.util.PriorityQueue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A page of a query's matches in the order an index is sorted by, at any depth, and the exact number of matches —
 * without ranking the matches before the page. In an index sorted by {@code order}
 * ({@code IndexWriterConfig#setIndexSort}) each segment stores its documents in that order, so each segment's matches
 * come in list order and the list is a merge of the segments' matches. A page at offset {@code k} is found by
 * stepping the merge past {@code k} matches, from whichever end of the list is nearer, comparing each with the heads
 * of the other segments: memory is the segments' match numbers and the page, not a queue of {@code k} entries, and a
 * step reads the sort values of one document (a chunk of a segment's matches at a time, in doc id order).
 * <p>
 * Sort fields are single-valued doc values of type {@code LONG} (a missing value is the field's missing value, else
 * 0) or {@code STRING} (compared as unsigned bytes — code point order for UTF-8; a missing value first, or last with
 * {@link SortField#STRING_LAST}), each possibly reversed, as Lucene sorts them. Used by the index of member versions
 * (name, id) and the index of the change list (time, sequence, event id).
 */
public final class IndexOrderPages {

    /** The documents of a page (the reader's doc ids, in list order) and the number of matches. */
    public record Page(List<Integer> docs, long total) {
    }

    /** How many matches of a segment have their sort values read at once. */
    private static final int CHUNK = 512;

    private IndexOrderPages() {
    }

    /**
     * At most {@code limit} matches of {@code query} from place {@code offset} (0 the first) in {@code order} — or,
     * {@code reversed}, in the opposite order (the list read from its end) — and the number of matches.
     *
     * @throws IllegalStateException if a segment of the index is not sorted by {@code order}
     */
    public static Page page(IndexSearcher searcher, Query query, Sort order, long offset, int limit, boolean reversed)
            throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        List<Matches> segments = new ArrayList<>();
        long total = 0;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Sort sorted = leaf.reader().getMetaData().getSort();
            if (!order.equals(sorted)) {
                throw new IllegalStateException("A segment of the index is sorted by " + sorted + ", not " + order);
            }
            Matches found = Matches.of(weight, leaf);
            if (found.count > 0) {
                segments.add(found);
                total += found.count;
            }
        }
        // the page's places in index order: [from, to)
        long size = Math.max(0, limit);
        long to = reversed ? total - offset : Math.min(total, offset + size);
        long from = reversed ? Math.max(0, to - size) : offset;
        if (from >= to) {
            return new Page(List.of(), total);
        }
        boolean forward = from <= total - to;
        SortField[] fields = order.getSort();
        Merge merge = new Merge(segments.size(), fields, forward);
        for (Matches found : segments) {
            merge.add(new Cursor(found, fields, forward));
        }
        for (long skip = forward ? from : total - to; skip > 0; skip--) {
            merge.step();
        }
        List<Integer> docs = new ArrayList<>((int) (to - from));
        for (long take = to - from; take > 0; take--) {
            docs.add(merge.top().doc());
            merge.step();
        }
        if (forward == reversed) {
            Collections.reverse(docs);
        }
        return new Page(docs, total);
    }

    /** The live matching documents of one segment, in doc id order (that is, list order). */
    private static final class Matches implements LeafCollector {
        final LeafReaderContext leaf;
        int[] docs = new int[16];
        int count;

        private Matches(LeafReaderContext leaf) {
            this.leaf = leaf;
        }

        static Matches of(Weight weight, LeafReaderContext leaf) throws IOException {
            Matches matches = new Matches(leaf);
            BulkScorer scorer = weight.bulkScorer(leaf);
            if (scorer != null) {
                scorer.score(matches, leaf.reader().getLiveDocs());
            }
            return matches;
        }

        @Override
        public void setScorer(Scorable scorer) {
        }

        @Override
        public void collect(int doc) {
            docs = ArrayUtil.grow(docs, count + 1);
            docs[count++] = doc;
        }
    }

    /** The segments' next matches, the one first in list order (last, going backwards) on top. */
    private static final class Merge extends PriorityQueue<Cursor> {
        private final SortField[] fields;
        private final boolean forward;

        Merge(int segments, SortField[] fields, boolean forward) {
            super(segments);
            this.fields = fields;
            this.forward = forward;
        }

        @Override
        protected boolean lessThan(Cursor a, Cursor b) {
            int order = compare(a, b);
            return forward ? order < 0 : order > 0;
        }

        /** Moves past the top match. */
        void step() throws IOException {
            if (top().advance()) {
                updateTop();
            } else {
                pop();
            }
        }

        private int compare(Cursor a, Cursor b) {
            for (int f = 0; f < fields.length; f++) {
                int c = fields[f].getType() == SortField.Type.LONG ? Long.compare(a.number(f), b.number(f)) : compareStrings(f, a, b);
                if (c != 0) {
                    return fields[f].getReverse() ? -c : c;
                }
            }
            return Integer.compare(a.doc(), b.doc());
        }

        private int compareStrings(int f, Cursor a, Cursor b) {
            BytesRef left = a.string(f);
            BytesRef right = b.string(f);
            if (left == null || right == null) {
                int c = left == right ? 0 : left == null ? -1 : 1; // missing first
                return fields[f].getMissingValue() == SortField.STRING_LAST ? -c : c;
            }
            return left.compareTo(right);
        }
    }

    /**
     * Walks one segment's matches in list order or backwards. The sort values of a chunk of matches are read at once,
     * in doc id order (the order in which doc values are read); a string's bytes are looked up when compared.
     */
    private static final class Cursor {
        private final Matches matches;
        private final SortField[] fields;
        private final boolean forward;
        private final SortedDocValues[] terms;
        private final long[][] numbers;
        private final int[][] ords;
        private final BytesRefBuilder[] bytes;
        private final int[] bytesOrd;
        private int chunkStart;
        private int chunkEnd;
        private int at;

        Cursor(Matches matches, SortField[] fields, boolean forward) throws IOException {
            this.matches = matches;
            this.fields = fields;
            this.forward = forward;
            LeafReader reader = matches.leaf.reader();
            this.terms = new SortedDocValues[fields.length];
            this.numbers = new long[fields.length][];
            this.ords = new int[fields.length][];
            this.bytes = new BytesRefBuilder[fields.length];
            this.bytesOrd = new int[fields.length];
            for (int f = 0; f < fields.length; f++) {
                switch (fields[f].getType()) {
                    case LONG -> numbers[f] = new long[CHUNK];
                    case STRING -> {
                        terms[f] = DocValues.getSorted(reader, fields[f].getField());
                        ords[f] = new int[CHUNK];
                        bytes[f] = new BytesRefBuilder();
                        bytesOrd[f] = -2;
                    }
                    default -> throw new IllegalArgumentException("Cannot walk a sort by " + fields[f]);
                }
            }
            at = forward ? 0 : matches.count - 1;
            load();
        }

        /** The current match's doc id in the reader. */
        int doc() {
            return matches.leaf.docBase + matches.docs[at];
        }

        long number(int field) {
            return numbers[field][at - chunkStart];
        }

        /** The current match's value of a string field, null if it has none. */
        BytesRef string(int field) {
            int ord = ords[field][at - chunkStart];
            if (ord < 0) {
                return null;
            }
            if (ord != bytesOrd[field]) {
                try {
                    bytes[field].copyBytes(terms[field].lookupOrd(ord));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                bytesOrd[field] = ord;
            }
            return bytes[field].get();
        }

        /** Moves to the next match; false if there is none. */
        boolean advance() throws IOException {
            at += forward ? 1 : -1;
            if (at < 0 || at >= matches.count) {
                return false;
            }
            if (at < chunkStart || at >= chunkEnd) {
                load();
            }
            return true;
        }

        private void load() throws IOException {
            chunkStart = forward ? at : Math.max(0, at - CHUNK + 1);
            chunkEnd = forward ? Math.min(matches.count, at + CHUNK) : at + 1;
            LeafReader reader = matches.leaf.reader();
            for (int f = 0; f < fields.length; f++) {
                if (numbers[f] != null) {
                    NumericDocValues values = DocValues.getNumeric(reader, fields[f].getField());
                    long missing = fields[f].getMissingValue() instanceof Long value ? value : 0L;
                    for (int i = chunkStart; i < chunkEnd; i++) {
                        int doc = matches.docs[i];
                        numbers[f][i - chunkStart] = values.advanceExact(doc) ? values.longValue() : missing;
                    }
                } else {
                    SortedDocValues values = DocValues.getSorted(reader, fields[f].getField());
                    for (int i = chunkStart; i < chunkEnd; i++) {
                        int doc = matches.docs[i];
                        ords[f][i - chunkStart] = values.advanceExact(doc) ? values.ordValue() : -1;
                    }
                }
            }
        }
    }
}
