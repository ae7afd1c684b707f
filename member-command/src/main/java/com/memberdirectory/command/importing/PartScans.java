package com.memberdirectory.command.importing;

import org.apache.poi.util.XMLHelper;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import static com.memberdirectory.command.importing.WorkbookLimits.MAX_COLUMNS;
import static com.memberdirectory.command.importing.WorkbookLimits.MAX_STYLES;

/** Quick StAX passes over parts of the workbook before POI reads them: the styles, and the sheet's declared size. */
final class PartScans {

    /** The lists of the styles part that POI loads whole; each may hold at most {@link WorkbookLimits#MAX_STYLES}. */
    private static final Set<String> STYLE_LISTS = Set.of("numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs",
            "cellStyles", "dxfs", "tableStyles", "colors", "indexedColors", "mruColors");

    private PartScans() {
    }

    /** Refuses a styles part with more than {@link WorkbookLimits#MAX_STYLES} entries in a list (declared or counted). */
    static void styles(InputStream part) {
        XMLStreamReader xml = null;
        try {
            xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(part);
            int depth = 0;
            int listDepth = -1;
            int entries = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (listDepth < 0 && STYLE_LISTS.contains(xml.getLocalName())) {
                        listDepth = depth;
                        entries = 0;
                        String declared = xml.getAttributeValue(null, "count");
                        if (declared != null && declared.strip().matches("\\d{1,18}") && Long.parseLong(declared.strip()) > MAX_STYLES) {
                            throw tooManyStyles(xml.getLocalName());
                        }
                    } else if (listDepth >= 0 && depth == listDepth + 1 && ++entries > MAX_STYLES) {
                        throw tooManyStyles(xml.getLocalName());
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (depth == listDepth) {
                        listDepth = -1;
                    }
                    depth--;
                }
            }
        } catch (XMLStreamException e) {
            throw unreadable("styles", e);
        } finally {
            close(xml, part);
        }
    }

    /**
     * Refuses a sheet whose {@code <dimension ref>} (the range it says it uses) is wider than {@link WorkbookLimits#MAX_COLUMNS}
     * or not a range of a sheet. Reads no further than the start of the rows.
     */
    static void dimension(InputStream sheet) {
        // SAX, not StAX: it passes long whitespace on in pieces (the sheet's guard lets whitespace between tags through)
        try (InputStream in = sheet) {
            org.xml.sax.XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, org.xml.sax.Attributes attributes) {
                    if (localName.equals("sheetData")) {
                        throw new SheetRows.Stop();
                    }
                    if (localName.equals("dimension")) {
                        String ref = attributes.getValue("ref");
                        if (ref != null && !ref.isBlank()) {
                            checkDimension(ref.strip());
                        }
                        throw new SheetRows.Stop();
                    }
                }
            });
            parser.parse(new org.xml.sax.InputSource(in));
        } catch (SheetRows.Stop stop) {
            // read far enough
        } catch (IOException | org.xml.sax.SAXException | javax.xml.parsers.ParserConfigurationException e) {
            ImportRefused refused = ReadFailures.refusalIn(e);
            throw refused != null ? refused : ReadFailures.zipBomb(e) ? ReadFailures.zipBombRefused(e)
                    : new ImportRefused("not_xlsx", "The workbook's sheet cannot be read: " + e.getMessage(), e);
        }
    }

    private static void checkDimension(String ref) {
        String[] corners = ref.split(":", -1);
        if (corners.length > 2) {
            throw CellReferences.invalid(ref);
        }
        int first = CellReferences.column(corners[0]);
        int last = corners.length == 2 ? CellReferences.column(corners[1]) : first;
        CellReferences.row(corners[0]);
        if (corners.length == 2) {
            CellReferences.row(corners[1]);
        }
        if (Math.abs(last - first) + 1 > MAX_COLUMNS) {
            throw new ImportRefused("too_many_columns", "The sheet uses " + (Math.abs(last - first) + 1)
                    + " columns (" + ref + "); an import reads at most " + MAX_COLUMNS + " (A to "
                    + WorkbookLimits.columnName(MAX_COLUMNS - 1) + "). Delete the columns you do not import.");
        }
    }

    private static ImportRefused tooManyStyles(String list) {
        return new ImportRefused("too_many_styles", "The workbook has more than " + MAX_STYLES + " styles ("
                + list + "); an import reads at most that many. Clear the formatting or save the data into a new workbook.");
    }

    private static ImportRefused unreadable(String what, XMLStreamException e) {
        ImportRefused refused = ReadFailures.refusalIn(e);
        return refused != null ? refused : ReadFailures.zipBomb(e) ? ReadFailures.zipBombRefused(e)
                : new ImportRefused("not_xlsx", "The workbook's " + what + " cannot be read: " + e.getMessage(), e);
    }

    private static void close(XMLStreamReader xml, InputStream in) {
        try {
            if (xml != null) {
                xml.close();
            }
        } catch (XMLStreamException e) {
            // nothing held
        }
        try {
            in.close();
        } catch (IOException e) {
            // nothing held
        }
    }
}
