package com.memberdirectory.query.search;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.util.Iterator;
import java.util.List;

/** A value's grams ({@link SearchText#indexGrams}) as the token stream of an index field, one position each. */
final class GramTokens extends TokenStream {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final List<String> grams;
    private Iterator<String> next;

    GramTokens(List<String> grams) {
        this.grams = grams;
    }

    @Override
    public void reset() throws java.io.IOException {
        super.reset();
        next = grams.iterator();
    }

    @Override
    public boolean incrementToken() {
        if (next == null || !next.hasNext()) {
            return false;
        }
        clearAttributes();
        term.setEmpty().append(next.next());
        increment.setPositionIncrement(1);
        return true;
    }
}
