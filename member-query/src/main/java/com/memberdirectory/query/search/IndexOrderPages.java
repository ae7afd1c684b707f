package com.memberdirectory.query.search;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A page of a query's matches in the order an index is sorted by, at any depth, without ranking the matches before
 * it. In an index sorted by {@code order} ({@code IndexWriterConfig#setIndexSort}) the documents of each segment are
 * stored in that order, so each segment's matches come in list order; the segments are merged by their current
 * match's sort values and the first {@code from} matches are stepped over. Memory is the page and one cursor per
 * segment; time grows with {@code from + size} (a step reads the sort values of one document), where collecting the
 * top {@code from + size} would keep them all.
 * <p>
 * Sort fields are single-valued doc values of type {@code LONG} (a missing value is the field's missing value, else
 * 0) or {@code STRING} (a missing value sorts first, or last with {@link SortField#STRING_LAST}), as Lucene sorts them.
 */
public final class IndexOrderPages {

    private IndexOrderPages() {
    }

    /**
     * The matches of {@code query} at places {@code from} to {@code from + size - 1} (0 the first) in {@code order},
     * as document numbers of the searcher's reader.
     *
     * @throws IllegalStateException if a segment of the index is not sorted by {@code order}
     */
    public static List<Integer> page(IndexSearcher searcher, Query query, Sort order, long from, int size) throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        PriorityQueue<Cursor> next = new PriorityQueue<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Sort sorted = leaf.reader().getMetaData().getSort();
            if (!order.equals(sorted)) {
                throw new IllegalStateException("A segment of the index is sorted by " + sorted + ", not " + order);
            }
            Scorer scorer = weight.scorer(leaf);
            if (scorer != null) {
                Cursor cursor = new Cursor(leaf, scorer.iterator(), order.getSort());
                if (cursor.advance()) {
                    next.add(cursor);
                }
            }
        }
        List<Integer> page = new ArrayList<>(Math.max(0, size));
        for (long place = 0; place < from + size && !next.isEmpty(); place++) {
            Cursor first = next.poll();
            if (place >= from) {
                page.add(first.leaf.docBase + first.doc);
            }
            if (first.advance()) {
                next.add(first);
            }
        }
        return page;
    }

    /** The matches of one segment, at its current one. */
    private static final class Cursor implements Comparable<Cursor> {

        private final LeafReaderContext leaf;
        private final DocIdSetIterator matches;
        private final Bits live;
        private final SortField[] fields;
        private final NumericDocValues[] numbers;
        private final SortedDocValues[] strings;
        private final long[] values;
        private int doc;

        Cursor(LeafReaderContext leaf, DocIdSetIterator matches, SortField[] fields) throws IOException {
            this.leaf = leaf;
            this.matches = matches;
            this.live = leaf.reader().getLiveDocs();
            this.fields = fields;
            this.numbers = new NumericDocValues[fields.length];
            this.strings = new SortedDocValues[fields.length];
            this.values = new long[fields.length];
            for (int i = 0; i < fields.length; i++) {
                switch (fields[i].getType()) {
                    case LONG -> numbers[i] = DocValues.getNumeric(leaf.reader(), fields[i].getField());
                    case STRING -> strings[i] = DocValues.getSorted(leaf.reader(), fields[i].getField());
                    default -> throw new IllegalArgumentException("Cannot walk a sort by " + fields[i]);
                }
            }
        }

        /** Moves to the next live match; false at the end. */
        boolean advance() throws IOException {
            do {
                doc = matches.nextDoc();
            } while (doc != DocIdSetIterator.NO_MORE_DOCS && live != null && !live.get(doc));
            if (doc == DocIdSetIterator.NO_MORE_DOCS) {
                return false;
            }
            for (int i = 0; i < fields.length; i++) {
                if (numbers[i] != null) {
                    values[i] = numbers[i].advanceExact(doc) ? numbers[i].longValue()
                            : fields[i].getMissingValue() instanceof Long missing ? missing : 0L;
                } else {
                    // an ordinal is only comparable within the segment: -1 marks a missing value
                    values[i] = strings[i].advanceExact(doc) ? strings[i].ordValue() : -1;
                }
            }
            return true;
        }

        @Override
        public int compareTo(Cursor other) {
            for (int i = 0; i < fields.length; i++) {
                int c = numbers[i] != null ? Long.compare(values[i], other.values[i]) : compareStrings(i, other);
                if (c != 0) {
                    return fields[i].getReverse() ? -c : c;
                }
            }
            return Integer.compare(leaf.docBase + doc, other.leaf.docBase + other.doc);
        }

        private int compareStrings(int i, Cursor other) {
            boolean missing = values[i] < 0;
            boolean otherMissing = other.values[i] < 0;
            if (missing || otherMissing) {
                int c = Boolean.compare(otherMissing, missing); // missing first
                return fields[i].getMissingValue() == SortField.STRING_LAST ? -c : c;
            }
            try {
                BytesRef mine = strings[i].lookupOrd((int) values[i]);
                BytesRef theirs = other.strings[i].lookupOrd((int) other.values[i]);
                return mine.compareTo(theirs);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
