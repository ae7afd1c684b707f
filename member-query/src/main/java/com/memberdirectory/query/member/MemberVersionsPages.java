package com.memberdirectory.query.member;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefBuilder;
import org.apache.lucene.util.PriorityQueue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A page of a query's matches in list order (name, then id, by code point; no name first) from an index whose
 * segments keep their documents in that order (the index sort of {@link MemberVersions}): each segment's matches
 * are then already in list order, and the list is a merge of the segments' matches. A page at offset {@code k} is
 * found by stepping the merge past {@code k} matches — comparing each with the heads of the other segments, never
 * ranking them in a queue of {@code k} — from whichever end of the list is nearer; the total is the exact number of
 * matches, counted while they are found.
 * <p>
 * The name and id are the values of sorted doc values fields ({@code name}, {@code id}) whose bytes are UTF-8:
 * comparing them as unsigned bytes orders them by code point.
 */
final class MemberVersionsPages {

    /** The documents of a page (index-wide doc ids, in list order) and the number of matches. */
    record Page(List<Integer> docs, long total) {
    }

    /** How many matches of a segment are read at once (their sort values, in doc id order). */
    private static final int CHUNK = 512;

    private final String name;
    private final String id;

    /** @param name the field of the first sort value, {@code id} of the second (both sorted doc values) */
    MemberVersionsPages(String name, String id) {
        this.name = name;
        this.id = id;
    }

    /** At most {@code limit} matches of {@code query} from {@code offset}, in list order, and the number of matches. */
    Page page(IndexSearcher searcher, Query query, long offset, int limit) throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        List<Matches> matches = new ArrayList<>();
        long total = 0;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Matches found = Matches.of(weight, leaf);
            if (found.count > 0) {
                matches.add(found);
                total += found.count;
            }
        }
        long end = Math.min(total, offset + limit);
        if (offset >= end) {
            return new Page(List.of(), total);
        }
        boolean forward = offset <= total - end;
        Merge merge = new Merge(matches.size(), forward);
        for (Matches found : matches) {
            merge.add(new Cursor(found, forward));
        }
        for (long skip = forward ? offset : total - end; skip > 0; skip--) {
            merge.step();
        }
        List<Integer> docs = new ArrayList<>((int) (end - offset));
        for (long take = end - offset; take > 0; take--) {
            docs.add(merge.top().doc());
            merge.step();
        }
        if (!forward) {
            Collections.reverse(docs);
        }
        return new Page(docs, total);
    }

    /** The matching documents of one segment, in doc id order (that is, list order). */
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
    private final class Merge extends PriorityQueue<Cursor> {
        private final boolean forward;

        Merge(int segments, boolean forward) {
            super(segments);
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
    }

    private int compare(Cursor a, Cursor b) {
        BytesRef left = a.name();
        BytesRef right = b.name();
        if (left != right) {
            if (left == null) {
                return -1;
            }
            if (right == null) {
                return 1;
            }
            int byName = left.compareTo(right);
            if (byName != 0) {
                return byName;
            }
        }
        return a.id().compareTo(b.id());
    }

    /**
     * Walks one segment's matches in list order or backwards. The names of a chunk of matches are read at once, in
     * doc id order (the order in which the doc values and their terms are cheapest to read); an id is looked up only
     * when two names are equal.
     */
    private final class Cursor {
        private final Matches matches;
        private final boolean forward;
        private final SortedDocValues ids;
        private final BytesRefBuilder idBytes = new BytesRefBuilder();
        private final BytesRef[] names = new BytesRef[CHUNK];
        private final int[] idOrds = new int[CHUNK];
        private int chunkStart;
        private int chunkEnd;
        private int at;
        private int idOrd = -1;

        Cursor(Matches matches, boolean forward) throws IOException {
            this.matches = matches;
            this.forward = forward;
            this.ids = DocValues.getSorted(matches.leaf.reader(), id);
            at = forward ? 0 : matches.count - 1;
            load();
        }

        /** The current match's index-wide doc id. */
        int doc() {
            return matches.leaf.docBase + matches.docs[at];
        }

        /** Its name, null if it has none. */
        BytesRef name() {
            return names[at - chunkStart];
        }

        /** Its id. */
        BytesRef id() {
            int ord = idOrds[at - chunkStart];
            if (ord != idOrd) {
                try {
                    idBytes.copyBytes(ids.lookupOrd(ord));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                idOrd = ord;
            }
            return idBytes.get();
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
            SortedDocValues nameValues = DocValues.getSorted(reader, name);
            SortedDocValues idValues = DocValues.getSorted(reader, id);
            int lastOrd = -1;
            BytesRef last = null;
            for (int i = chunkStart; i < chunkEnd; i++) {
                int doc = matches.docs[i];
                BytesRef value = null;
                if (nameValues.advanceExact(doc)) {
                    int ord = nameValues.ordValue();
                    value = ord == lastOrd ? last : BytesRef.deepCopyOf(nameValues.lookupOrd(ord));
                    lastOrd = ord;
                    last = value;
                }
                names[i - chunkStart] = value;
                idOrds[i - chunkStart] = idValues.advanceExact(doc) ? idValues.ordValue() : -1;
            }
        }
    }
}
