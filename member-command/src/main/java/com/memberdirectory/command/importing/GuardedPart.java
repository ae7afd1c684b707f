package com.memberdirectory.command.importing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * A part of the workbook as it is unpacked, refused the moment it passes its size limit, whatever the zip entry
 * declared. It also bounds what an XML parser would hold at once: no piece of markup or text between two tags longer
 * than {@link WorkbookLimits#MAX_MARKUP_BYTES} (a huge attribute or CDATA section), no comments or processing
 * instructions (spreadsheet programs write none; a parser would buffer them whole), no document type declaration
 * (external entities, entity expansion).
 */
final class GuardedPart extends FilterInputStream {

    /** Carries the refusal through parsers that only pass on {@link IOException}s. */
    static final class Refusal extends IOException {
        Refusal(ImportRefused refused) {
            super(refused.getMessage(), refused);
        }

        ImportRefused refused() {
            return (ImportRefused) getCause();
        }
    }

    private static final byte[] CDATA = "![CDATA[".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final String what;
    private final boolean spacesBetweenTags;
    private final long maxBytes;
    private final Supplier<ImportRefused> tooLarge;
    private long total;
    private long sinceTag;
    private long tags;
    private int head = -1;
    private boolean cdata;
    private int last1;
    private int last2;
    private boolean inTag;
    private int quote;

    /**
     * @param spacesBetweenTags whether whitespace outside tags is exempt from the markup limit: for the sheet, whose
     *                          SAX parser passes text on in pieces (a cell's own text is counted by the sheet handler)
     */
    GuardedPart(InputStream in, String what, long maxBytes, Supplier<ImportRefused> tooLarge, boolean spacesBetweenTags) {
        super(in);
        this.what = what;
        this.spacesBetweenTags = spacesBetweenTags;
        this.maxBytes = maxBytes;
        this.tooLarge = tooLarge;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            inspect((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = 0; i < n; i++) {
            inspect(buffer[offset + i]);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    private void inspect(byte b) throws Refusal {
        if (++total > maxBytes) {
            throw new Refusal(tooLarge.get());
        }
        boolean space = b == ' ' || b == '\n' || b == '\r' || b == '\t';
        if (!(spacesBetweenTags && space && !inTag && !cdata) && ++sinceTag > WorkbookLimits.MAX_MARKUP_BYTES) {
            throw refuse("cell_too_long", "The " + what + " holds more than " + WorkbookLimits.mib(WorkbookLimits.MAX_MARKUP_BYTES)
                    + " of text or markup in one place; a cell holds at most 32,767 characters.");
        }
        if (cdata) {
            if (b == '>' && last1 == ']' && last2 == ']') {
                cdata = false;
            }
            last2 = last1;
            last1 = b;
            return;
        }
        if (inTag) {
            // a tag ends at the first '>' outside an attribute value
            if (quote != 0) {
                if (b == quote) {
                    quote = 0;
                }
            } else if (b == '"' || b == '\'') {
                quote = b;
            } else if (b == '>') {
                inTag = false;
                sinceTag = 0;
            }
        }
        if (b == '<' && quote == 0) {
            sinceTag = 0;
            tags++;
            head = 0;
            inTag = true;
            return;
        }
        if (head >= 0) {
            if (head == 0 && b == '?' && tags > 1) {
                throw refuse("invalid_workbook", "The " + what + " holds an XML processing instruction; spreadsheet programs write none.");
            }
            if (head == 0 && b != '!') {
                head = -1;
                return;
            }
            inTag = false; // <!...: a CDATA section or a declaration, not a tag with attributes
            if (head == 1 && b == '-') {
                throw refuse("invalid_workbook", "The " + what + " holds an XML comment; spreadsheet programs write none.");
            }
            if (head == 1 && b == 'D') {
                // Entities and DTDs can read files, call out or expand a few bytes into gigabytes; none is ever needed.
                throw refuse("invalid_workbook", "The " + what + " holds a document type declaration (<!DOCTYPE>); spreadsheet "
                        + "programs write none.");
            }
            if (head < CDATA.length && b == CDATA[head]) {
                if (++head == CDATA.length) {
                    cdata = true;
                    head = -1;
                    last1 = 0;
                    last2 = 0;
                }
            } else {
                head = -1;
            }
        }
    }

    private static Refusal refuse(String code, String message) {
        return new Refusal(new ImportRefused(code, message));
    }
}
