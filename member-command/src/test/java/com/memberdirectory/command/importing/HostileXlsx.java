package com.memberdirectory.command.importing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes .xlsx files part by part with java.util.zip, for workbooks POI would not make. */
final class HostileXlsx {

    interface Part {
        void write(Writer out) throws IOException;
    }

    static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    static final String NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private HostileXlsx() {
    }

    static Path write(Path file, Part sheet, Part strings, Part styles) throws IOException {
        return write(file, sheet, strings, styles, java.util.zip.Deflater.DEFAULT_COMPRESSION);
    }

    /** Without compression: past POI's inflate-ratio guard, as filler of incompressible bytes would get it. */
    static Path writeUncompressed(Path file, Part sheet, Part strings, Part styles) throws IOException {
        return write(file, sheet, strings, styles, java.util.zip.Deflater.NO_COMPRESSION);
    }

    private static Path write(Path file, Part sheet, Part strings, Part styles, int level) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(level);
            entry(zip, "[Content_Types].xml", w -> w.write(HEAD + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                    + (strings == null ? "" : "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>")
                    + (styles == null ? "" : "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>")
                    + "</Types>"));
            entry(zip, "_rels/.rels", w -> w.write(HEAD + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                    + "</Relationships>"));
            entry(zip, "xl/workbook.xml", w -> w.write(HEAD + "<workbook xmlns=\"" + NS + "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                    + "<sheets><sheet name=\"Members\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
            entry(zip, "xl/_rels/workbook.xml.rels", w -> w.write(HEAD + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + (strings == null ? "" : "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>")
                    + (styles == null ? "" : "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>")
                    + "</Relationships>"));
            entry(zip, "xl/worksheets/sheet1.xml", sheet);
            if (strings != null) {
                entry(zip, "xl/sharedStrings.xml", strings);
            }
            if (styles != null) {
                entry(zip, "xl/styles.xml", styles);
            }
        }
        return file;
    }

    /** A sheet of inline-string rows; {@code rows[r][c]} null for no cell; {@code dimension} null for none. */
    static Part sheet(String dimension, String... rowsXml) {
        return w -> {
            w.write(HEAD + "<worksheet xmlns=\"" + NS + "\">");
            if (dimension != null) {
                w.write("<dimension ref=\"" + dimension + "\"/>");
            }
            w.write("<sheetData>");
            for (String row : rowsXml) {
                w.write(row);
            }
            w.write("</sheetData></worksheet>");
        };
    }

    static String row(int number, String... cells) {
        StringBuilder row = new StringBuilder("<row r=\"" + number + "\">");
        for (int c = 0; c < cells.length; c++) {
            if (cells[c] != null) {
                row.append(cell(WorkbookLimits.columnName(c) + number, cells[c]));
            }
        }
        return row.append("</row>").toString();
    }

    static String cell(String reference, String text) {
        return "<c r=\"" + reference + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
    }

    private static void entry(ZipOutputStream zip, String name, Part part) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        Writer w = new OutputStreamWriter(new java.io.FilterOutputStream(zip) {
            @Override
            public void close() {
                // the zip stays open
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }
        }, StandardCharsets.UTF_8);
        Writer buffered = new java.io.BufferedWriter(w, 1 << 16);
        part.write(buffered);
        buffered.flush();
        zip.closeEntry();
    }
}
