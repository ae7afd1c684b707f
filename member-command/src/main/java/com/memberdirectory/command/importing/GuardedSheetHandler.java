package com.memberdirectory.command.importing;

import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;

import java.util.Set;

/**
 * POI's sheet handler, with the sheet's limits checked as it goes: rows, cell elements in a row, valid cell and row
 * references, characters in one cell. It gives the collector each cell's column.
 */
final class GuardedSheetHandler extends XSSFSheetXMLHandler {
    private static final String NS = XSSFRelation.NS_SPREADSHEETML;
    /** Elements whose text POI's handler keeps. */
    private static final Set<String> TEXT = Set.of("v", "is", "t", "f", "inlineStr", "oddHeader",
            "evenHeader", "firstHeader", "oddFooter", "evenFooter", "firstFooter");

    private final RowCollector collector;
    private final TextsOfHeader lazy;
    private final FormulaCells formulas = new FormulaCells();
    private long rows;
    private int cellsInRow;
    private int column = -1;
    private int chars;
    private boolean inCell;
    private int textDepth;

    /** @param lazy the shared strings when they are not held (a header check), else {@code null} */
    GuardedSheetHandler(StylesTable styles, SharedStrings strings, RowCollector collector, TextsOfHeader lazy) {
        super(styles, null, strings, collector, new PlainFormatter(), false);
        this.collector = collector;
        this.lazy = lazy;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
        if (uri == null || uri.isEmpty() || uri.equals(NS)) {
            switch (localName) {
                case "row" -> {
                    if (++rows > WorkbookLimits.SHEET_ROWS) {
                        throw new ImportRefused("too_many_rows", "The sheet has more than " + WorkbookLimits.SHEET_ROWS
                                + " rows, more than any sheet can have; the file is damaged.");
                    }
                    String r = attributes.getValue("r");
                    if (r != null) {
                        CellReferences.rowNumber(r, r);
                    }
                    cellsInRow = 0;
                    column = -1;
                }
                case "c" -> {
                    if (++cellsInRow > WorkbookLimits.MAX_CELLS_PER_ROW) {
                        throw new ImportRefused("too_many_cells", "A row of the sheet has more than "
                                + WorkbookLimits.MAX_CELLS_PER_ROW + " cells, more than a row can have; the file is damaged.");
                    }
                    String r = attributes.getValue("r");
                    if (r != null) {
                        column = CellReferences.column(r);
                        CellReferences.row(r);
                    } else {
                        column++;
                    }
                    String style = attributes.getValue("s");
                    if (style != null && !style.strip().matches("\\d{1,9}")) {
                        throw new ImportRefused("invalid_workbook", "A cell of the sheet has the style '"
                                + (style.length() > 20 ? style.substring(0, 20) + "…" : style) + "', which is not a style number; "
                                + "the file is damaged. Save it again with your spreadsheet program.");
                    }
                    collector.column = column;
                    formulas.startCell(r != null ? r : WorkbookLimits.columnName(column) + (collector.currentRow() + 1),
                            attributes.getValue("t"));
                    chars = 0;
                    if (lazy != null) {
                        lazy.takeLast();
                    }
                }
                default -> {
                }
            }
        }
        if (localName.equals("c")) {
            inCell = true;
        } else if (inCell) {
            formulas.startElement(localName);
        }
        if (TEXT.contains(localName) && textDepth++ == 0 && !inCell) {
            chars = 0;
        }
        super.startElement(uri, localName, qName, attributes);
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        // Only text POI keeps counts (a cell's, a header's or footer's): whitespace between elements is passed on.
        if (inCell || textDepth > 0) {
            chars += length;
        }
        if (chars > WorkbookLimits.MAX_CELL_CHARS) {
            throw new ImportRefused("cell_too_long", "A cell of the sheet holds more than " + WorkbookLimits.MAX_CELL_CHARS
                    + " characters; a cell holds at most 32,767.");
        }
        super.characters(ch, start, length);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        super.endElement(uri, localName, qName);
        if (TEXT.contains(localName) && textDepth > 0) {
            textDepth--;
        }
        if (localName.equals("c")) {
            formulas.endCell(column < collector.width());
        }
        if (localName.equals("c") || localName.equals("row")) {
            chars = 0;
            inCell = false;
        }
    }
}
