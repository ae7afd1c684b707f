package com.memberdirectory.command.importing;

import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;

import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Shared strings for the header checks, without holding them: a cell gets "" for a blank string and a marker for
 * any other (enough to tell empty rows); the header's own texts are then fetched in one pass ({@link #resolve}).
 */
final class TextsOfHeader implements SharedStrings {
    private static final XSSFRichTextString BLANK = new XSSFRichTextString("");
    private static final XSSFRichTextString SOMETHING = new XSSFRichTextString("\uE000");

    private final SharedStringsPart.Summary summary;
    private final Supplier<InputStream> part;
    private int last = -1;

    /** @param part opens the shared-strings part again; {@code null} when the workbook has none */
    TextsOfHeader(SharedStringsPart.Summary summary, Supplier<InputStream> part) {
        this.summary = summary;
        this.part = part;
    }

    @Override
    public RichTextString getItemAt(int idx) {
        SharedStringsPart.checkIndex(idx, summary.count());
        last = idx;
        return summary.blank().get(idx) ? BLANK : SOMETHING;
    }

    /** The shared string the cell being read refers to, or -1. */
    int takeLast() {
        int idx = last;
        last = -1;
        return idx;
    }

    Map<Integer, String> resolve(Set<Integer> indexes) {
        return part == null ? Map.of() : SharedStringsPart.pick(part.get(), indexes);
    }

    @Override
    public int getCount() {
        return summary.count();
    }

    @Override
    public int getUniqueCount() {
        return summary.count();
    }
}
