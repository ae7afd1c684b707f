package com.memberdirectory.query.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.Set;

/**
 * The document of a term that at most one live document has (a member's id, kept unique by
 * {@link org.apache.lucene.index.IndexWriter#updateDocument}), found by looking the term up in each segment: what
 * the projections do for each event to find what the index has of the member. A scored search for the term costs
 * more — a weight, term statistics looked up in every segment, a scorer and a collector — for the same document.
 */
public final class UniqueTerms {

    private UniqueTerms() {
    }

    /** The stored {@code fields} (null: all) of the live document whose {@code field} has the term {@code value}, or null. */
    public static Document document(IndexSearcher searcher, String field, String value, Set<String> fields)
            throws IOException {
        BytesRef term = new BytesRef(value);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            int doc = liveDoc(leaf.reader(), field, term);
            if (doc != DocIdSetIterator.NO_MORE_DOCS) {
                return fields == null ? leaf.reader().storedFields().document(doc)
                        : leaf.reader().storedFields().document(doc, fields);
            }
        }
        return null;
    }

    /** The segment's first live document with the term, or {@link DocIdSetIterator#NO_MORE_DOCS}. */
    private static int liveDoc(LeafReader reader, String field, BytesRef term) throws IOException {
        Terms terms = reader.terms(field);
        if (terms == null) {
            return DocIdSetIterator.NO_MORE_DOCS;
        }
        TermsEnum found = terms.iterator();
        if (!found.seekExact(term)) {
            return DocIdSetIterator.NO_MORE_DOCS;
        }
        Bits live = reader.getLiveDocs();
        PostingsEnum docs = found.postings(null, PostingsEnum.NONE);
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
            if (live == null || live.get(doc)) {
                return doc;
            }
        }
        return DocIdSetIterator.NO_MORE_DOCS;
    }
}
