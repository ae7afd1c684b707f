package com.memberdirectory.app.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes .xlsx files part by part with java.util.zip, for workbooks POI would not make (hostile ones): one sheet
 * named {@code Members}, inline-string cells. A test may alter any part before zipping them.
 */
public final class Xlsx {

    public static final String NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    public static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    public static final String CONTENT_TYPES = "[Content_Types].xml";
    public static final String WORKBOOK = "xl/workbook.xml";
    public static final String SHEET = "xl/worksheets/sheet1.xml";
    public static final String SHARED_STRINGS = "xl/sharedStrings.xml";
    public static final String STYLES = "xl/styles.xml";

    private Xlsx() {
    }

    /** The workbook of {@code sheetBody} (the worksheet's content, e.g. {@code <sheetData>…</sheetData>}). */
    public static byte[] xlsx(String sheetBody, String sharedStrings) {
        return zip(parts(sheetBody, sharedStrings));
    }

    /**
     * The parts of a workbook by their names in the zip, in the order written: the sheet's worksheet element holds
     * {@code sheetBody}; with styles, and with {@code sharedStrings} as the whole shared-strings part unless null.
     */
    public static Map<String, String> parts(String sheetBody, String sharedStrings) {
        Map<String, String> parts = new LinkedHashMap<>();
        boolean strings = sharedStrings != null;
        parts.put(CONTENT_TYPES, HEAD + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + (strings ? "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>" : "")
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                + "</Types>");
        parts.put("_rels/.rels", HEAD + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>");
        parts.put(WORKBOOK, HEAD + "<workbook xmlns=\"" + NS + "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + "<sheets><sheet name=\"Members\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        parts.put("xl/_rels/workbook.xml.rels", HEAD + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + (strings ? "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>" : "")
                + "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
                + "</Relationships>");
        parts.put(SHEET, HEAD + "<worksheet xmlns=\"" + NS + "\">" + sheetBody + "</worksheet>");
        parts.put(STYLES, HEAD + "<styleSheet xmlns=\"" + NS + "\"><cellXfs count=\"1\"><xf/></cellXfs></styleSheet>");
        if (strings) {
            parts.put(SHARED_STRINGS, sharedStrings);
        }
        return parts;
    }

    public static byte[] zip(Map<String, String> parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                entry(zip, part.getKey(), part.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Every part into an open zip but those the caller writes itself, streamed or unusually compressed: the
     * shared strings and styles (both declared), and the sheet too when {@code sheetBody} is null.
     */
    public static void writeParts(ZipOutputStream zip, String sheetBody, boolean strings) throws IOException {
        for (Map.Entry<String, String> part : parts(sheetBody == null ? "" : sheetBody, strings ? "" : null).entrySet()) {
            String name = part.getKey();
            if (!name.equals(SHARED_STRINGS) && !name.equals(STYLES) && !(sheetBody == null && name.equals(SHEET))) {
                entry(zip, name, part.getValue());
            }
        }
    }

    public static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** Column letters of a 0-based index: 0 → A, 16,383 → XFD. */
    public static String column(int index) {
        StringBuilder name = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            name.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return name.toString();
    }

    public static String cell(String reference, String text) {
        return "<c r=\"" + reference + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
    }

    /** A row of inline-string cells from column A. */
    public static String row(int number, String... cells) {
        StringBuilder row = new StringBuilder("<row r=\"" + number + "\">");
        for (int c = 0; c < cells.length; c++) {
            row.append(cell(column(c) + number, cells[c]));
        }
        return row.append("</row>").toString();
    }
}
