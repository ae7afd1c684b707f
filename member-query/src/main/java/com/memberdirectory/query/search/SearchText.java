package com.memberdirectory.query.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What "{@code q} matches a field" means: the field's text, folded, contains the query, folded. Folding drops
 * accents and other combining marks after a compatibility decomposition (so {@code É} matches {@code e} and a
 * full-width {@code １} matches {@code 1}), lower-cases, and drops control characters.
 * <p>
 * The search index answers that question without reading every member: each folded value is indexed as its
 * <em>trigrams</em>, one per position, the value padded with two {@link #PAD} characters so that every position
 * starts one. A query of three or more characters is then the phrase of its own trigrams at consecutive
 * positions — exactly "contains" —, and a query of one or two characters is a prefix of the trigram at the
 * position where it occurs.
 */
public final class SearchText {

    /** Pads the end of a value; never part of a folded text. */
    public static final char PAD = '\uFFFF';

    /** Length of the indexed grams. */
    public static final int GRAM = 3;

    private SearchText() {
    }

    /** The folded form of {@code text} (empty for null). */
    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        decomposed.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK || type == Character.CONTROL
                    || type == Character.UNASSIGNED || type == Character.SURROGATE || cp == PAD) {
                return;
            }
            folded.appendCodePoint(cp);
        });
        return folded.toString().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code value} matches the already folded query {@code foldedQuery}. */
    public static boolean matches(String value, String foldedQuery) {
        return value != null && fold(value).contains(foldedQuery);
    }

    /** The grams indexed for a value, in position order (none for an empty value). */
    public static List<String> indexGrams(String value) {
        String folded = fold(value);
        if (folded.isEmpty()) {
            return List.of();
        }
        String padded = folded + PAD + PAD;
        List<String> grams = new ArrayList<>(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            grams.add(padded.substring(i, i + GRAM));
        }
        return grams;
    }

    /** The consecutive grams a folded query of at least {@link #GRAM} characters is the phrase of. */
    public static List<String> queryGrams(String foldedQuery) {
        if (foldedQuery.length() < GRAM) {
            throw new IllegalArgumentException("A query shorter than " + GRAM + " characters is a prefix, not a phrase");
        }
        List<String> grams = new ArrayList<>(foldedQuery.length() - GRAM + 1);
        for (int i = 0; i + GRAM <= foldedQuery.length(); i++) {
            grams.add(foldedQuery.substring(i, i + GRAM));
        }
        return grams;
    }
}
