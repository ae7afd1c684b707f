package com.memberdirectory.query.audit;

import com.memberdirectory.kernel.audit.AuditEntry;
import com.memberdirectory.kernel.member.FieldChange;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

/** Writes changes as a workbook for auditors who work in spreadsheets: one row per changed field. */
public final class ChangeListWriter {

    private static final List<String> COLUMNS = List.of("Time (UTC)", "Member ID", "Change", "Field", "Before", "After",
            "Actor", "Source", "Correlation ID", "Event ID");

    private ChangeListWriter() {
    }

    public static void write(Iterable<AuditEntry> entries, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(500)) {
            Sheet sheet = workbook.createSheet("Changes");
            CellStyle time = workbook.createCellStyle();
            time.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            Row header = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                header.createCell(i).setCellValue(COLUMNS.get(i));
            }
            sheet.createFreezePane(0, 1);
            int rows = 1;
            for (AuditEntry entry : entries) {
                for (FieldChange change : entry.changes()) {
                    Row row = sheet.createRow(rows++);
                    row.createCell(0).setCellValue(LocalDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC));
                    row.getCell(0).setCellStyle(time);
                    row.createCell(1).setCellValue(entry.memberId());
                    row.createCell(2).setCellValue(entry.type());
                    row.createCell(3).setCellValue(change.field());
                    row.createCell(4).setCellValue(text(change.before()));
                    row.createCell(5).setCellValue(text(change.after()));
                    row.createCell(6).setCellValue(text(entry.actor()));
                    row.createCell(7).setCellValue(text(entry.source()));
                    row.createCell(8).setCellValue(text(entry.correlationId()));
                    row.createCell(9).setCellValue(entry.eventId());
                }
            }
            workbook.write(out);
            workbook.dispose();
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining("; "));
        }
        return value.toString();
    }
}
