package com.memberdirectory.command.importing;

import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static com.memberdirectory.command.importing.WorkbookLimits.MAX_SHARED_STRINGS;
import static com.memberdirectory.command.importing.WorkbookLimits.MAX_SHARED_STRING_CHARS;

/**
 * The shared-strings part read with a StAX counter, never with POI's {@code ReadOnlySharedStringsTable} (which keeps
 * every string as its own object): {@link #scan} counts the strings and their characters, refusing the workbook as
 * soon as a limit is passed, and remembers only which strings are blank (a bit each); {@link #load} then keeps all of
 * them in one array sized exactly, for the import; {@link #pick} fetches a few, for the header.
 * The text of a string is that of its {@code <t>} elements, phonetic runs ({@code <rPh>}) left out, as Excel shows it.
 */
final class SharedStringsPart {

    /** What {@link #scan} found: how many strings, how many characters, whether all fit in Latin-1, which are blank. */
    record Summary(int count, long chars, boolean latin1, BitSet blank) {
        static final Summary NONE = new Summary(0, 0, true, new BitSet());
    }

    /** Receives each string's text in order. */
    private interface Sink {
        void string(int index, StringBuilder text);
    }

    private SharedStringsPart() {
    }

    static Summary scan(InputStream part) {
        BitSet blank = new BitSet();
        long[] chars = {0};
        boolean[] latin1 = {true};
        int count = read(part, (index, text) -> {
            chars[0] += text.length();
            if (chars[0] > MAX_SHARED_STRING_CHARS) {
                throw tooMuchText();
            }
            boolean empty = true;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c > 0xFF) {
                    latin1[0] = false;
                }
                if (empty && !Character.isWhitespace(c)) {
                    empty = false;
                }
            }
            if (empty) {
                blank.set(index);
            }
        });
        return new Summary(count, chars[0], latin1[0], blank);
    }

    /** Every string, held compactly: one character array (one byte a character when all are Latin-1) and offsets. */
    static SharedStrings load(InputStream part, Summary summary) {
        int[] offsets = new int[summary.count() + 1];
        byte[] narrow = summary.latin1() ? new byte[Math.toIntExact(summary.chars())] : null;
        char[] wide = summary.latin1() ? null : new char[Math.toIntExact(summary.chars())];
        int[] at = {0};
        read(part, (index, text) -> {
            if (index >= summary.count() || at[0] + text.length() > summary.chars()) {
                throw new ImportRefused("invalid_workbook", "The workbook's shared strings changed while they were read.");
            }
            for (int i = 0; i < text.length(); i++) {
                if (narrow != null) {
                    narrow[at[0]++] = (byte) text.charAt(i);
                } else {
                    wide[at[0]++] = text.charAt(i);
                }
            }
            offsets[index + 1] = at[0];
        });
        return new SharedStrings() {
            @Override
            public RichTextString getItemAt(int idx) {
                checkIndex(idx, summary.count());
                int from = offsets[idx];
                int length = offsets[idx + 1] - from;
                return new XSSFRichTextString(narrow != null
                        ? new String(narrow, from, length, java.nio.charset.StandardCharsets.ISO_8859_1)
                        : new String(wide, from, length));
            }

            @Override
            public int getCount() {
                return summary.count();
            }

            @Override
            public int getUniqueCount() {
                return summary.count();
            }
        };
    }

    /** The strings at these indexes only (as POI's rich text decodes them). */
    static Map<Integer, String> pick(InputStream part, Set<Integer> indexes) {
        Map<Integer, String> picked = new HashMap<>();
        if (indexes.isEmpty()) {
            return picked;
        }
        int last = indexes.stream().mapToInt(Integer::intValue).max().orElse(-1);
        try {
            read(part, (index, text) -> {
                if (indexes.contains(index)) {
                    picked.put(index, new XSSFRichTextString(text.toString()).getString());
                }
                if (index >= last) {
                    throw new SheetRows.Stop();
                }
            });
        } catch (SheetRows.Stop stop) {
            // all found
        }
        return picked;
    }

    static void checkIndex(int idx, int count) {
        if (idx < 0 || idx >= count) {
            throw new ImportRefused("invalid_workbook", "A cell refers to shared string " + idx + ", but the workbook has "
                    + count + "; the file is damaged. Save it again with your spreadsheet program.");
        }
    }

    /** Streams the {@code <si>} items; answers how many there were. */
    private static int read(InputStream part, Sink sink) {
        StringBuilder text = new StringBuilder();
        int count = 0;
        XMLStreamReader xml = null;
        try {
            xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(part);
            int depthInItem = 0;
            boolean inText = false;
            int phonetic = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    if (depthInItem == 0 && name.equals("sst")) {
                        declared(xml.getAttributeValue(null, "uniqueCount"), MAX_SHARED_STRINGS);
                        declared(xml.getAttributeValue(null, "count"), (long) ImportRunner.MAX_ROWS * WorkbookLimits.MAX_COLUMNS);
                    } else if (name.equals("si") && depthInItem == 0) {
                        depthInItem = 1;
                        text.setLength(0);
                        continue;
                    }
                    if (depthInItem > 0) {
                        depthInItem++;
                        if (name.equals("rPh")) {
                            phonetic++;
                        } else if (name.equals("t") && phonetic == 0) {
                            inText = true;
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (depthInItem > 0) {
                        depthInItem--;
                        String name = xml.getLocalName();
                        if (name.equals("rPh")) {
                            phonetic--;
                        } else if (name.equals("t")) {
                            inText = false;
                        }
                        if (depthInItem == 0) {
                            if (count >= MAX_SHARED_STRINGS) {
                                throw tooMany();
                            }
                            sink.string(count++, text);
                        }
                    }
                } else if (inText && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                        || event == XMLStreamConstants.SPACE)) {
                    text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                    if (text.length() > WorkbookLimits.MAX_CELL_CHARS) {
                        throw new ImportRefused("cell_too_long", "A text of the workbook has more than "
                                + WorkbookLimits.MAX_CELL_CHARS + " characters; a cell holds at most 32,767.");
                    }
                }
            }
            return count;
        } catch (XMLStreamException e) {
            ImportRefused refused = ReadFailures.refusalIn(e);
            if (refused != null) {
                throw refused;
            }
            if (ReadFailures.zipBomb(e)) {
                throw ReadFailures.zipBombRefused(e);
            }
            throw new ImportRefused("not_xlsx", "The workbook's shared strings cannot be read: " + e.getMessage(), e);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException e) {
                    // nothing held
                }
            }
            try {
                part.close();
            } catch (IOException e) {
                // nothing held
            }
        }
    }

    private static void declared(String value, long limit) {
        if (value == null) {
            return;
        }
        long declared;
        try {
            declared = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return; // not trusted anyway: the strings are counted
        }
        if (declared > limit) {
            throw limit == MAX_SHARED_STRINGS ? tooMany() : new ImportRefused("too_many_strings",
                    "The workbook declares " + declared + " text cells; an import reads at most " + limit + ".");
        }
    }

    static ImportRefused tooMany() {
        return new ImportRefused("too_many_strings", "The workbook has more than " + MAX_SHARED_STRINGS
                + " different texts (shared strings); an import reads at most that many. Split the file.");
    }

    static ImportRefused tooMuchText() {
        return new ImportRefused("too_many_strings", "The workbook's texts (shared strings) have more than "
                + (MAX_SHARED_STRING_CHARS >> 20) + " Mi characters together; an import reads at most that. Split the file.");
    }
}
