package com.memberdirectory.query.export;

import com.memberdirectory.kernel.field.FieldOption;
import com.memberdirectory.kernel.field.FieldType;
import com.memberdirectory.kernel.field.FieldView;
import com.memberdirectory.kernel.workbook.MemberColumns;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the member workbook with POI's streaming SXSSF API: only a window of rows is in memory, whatever the
 * number of members. Sheet {@code Members}: the built-in columns, one column per custom field (headed by its
 * label), and a hidden {@code Version} column; option columns get a drop-down of their options (kept on a
 * hidden sheet, so long lists work); dates are date cells, phone numbers text.
 */
public final class MemberWorkbookWriter implements AutoCloseable {

    /** One member's values, already as people read them; keys are the column headers. */
    public record RowValues(Map<String, Object> values) {
    }

    private static final String LISTS = "Lists";
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(500);
    private final Sheet sheet;
    private final List<String> columns = new ArrayList<>();
    private final CellStyle dateStyle;
    private final CellStyle textStyle;
    private int rows;

    /**
     * @param optionFields the option fields (built-in and custom) whose columns get a drop-down
     * @param customFields the custom fields, in column order
     */
    public MemberWorkbookWriter(List<FieldView> optionFields, List<FieldView> customFields) {
        sheet = workbook.createSheet(MemberColumns.SHEET);
        columns.addAll(MemberColumns.BUILT_IN);
        customFields.forEach(f -> columns.add(f.label()));
        columns.add(MemberColumns.VERSION);
        dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
        textStyle = workbook.createCellStyle();
        textStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("@"));
        CellStyle headerStyle = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        headerStyle.setFont(bold);
        Row header = sheet.createRow(rows++);
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(columns.get(i));
            cell.setCellStyle(headerStyle);
        }
        sheet.createFreezePane(0, 1);
        // Never filled by an export (import only); as text, a typed password such as 1234E567 stays what was typed.
        sheet.setDefaultColumnStyle(columns.indexOf(MemberColumns.LOGIN_PASSWORD), textStyle);
        sheet.setColumnHidden(columns.size() - 1, true);
        addDropDowns(optionFields, customFields);
    }

    private void addDropDowns(List<FieldView> optionFields, List<FieldView> customFields) {
        Sheet lists = workbook.createSheet(LISTS);
        workbook.setSheetHidden(workbook.getSheetIndex(lists), true);
        DataValidationHelper helper = sheet.getDataValidationHelper();
        int listColumn = 0;
        int longest = optionFields.stream().mapToInt(f -> f.options().size()).max().orElse(0);
        List<Row> listRows = new ArrayList<>();
        for (int i = 0; i < longest; i++) {
            listRows.add(lists.createRow(i));
        }
        for (FieldView field : optionFields) {
            int column = columnOf(field, customFields);
            if (column < 0 || field.options().isEmpty() || field.type() != FieldType.SINGLE_OPTION) {
                continue;
            }
            List<FieldOption> options = field.options();
            for (int i = 0; i < options.size(); i++) {
                listRows.get(i).createCell(listColumn).setCellValue(options.get(i).label());
            }
            String letter = CellReference.convertNumToColString(listColumn);
            DataValidationConstraint constraint = helper.createFormulaListConstraint(
                    LISTS + "!$" + letter + "$1:$" + letter + "$" + options.size());
            DataValidation validation = helper.createValidation(constraint, new CellRangeAddressList(1,
                    SpreadsheetVersion.EXCEL2007.getLastRowIndex(), column, column));
            validation.setShowErrorBox(true);
            validation.createErrorBox("Not an option", "Choose one of the options of " + field.label() + ".");
            sheet.addValidationData(validation);
            listColumn++;
        }
    }

    private int columnOf(FieldView field, List<FieldView> customFields) {
        if (field.builtIn()) {
            return field.key().equals("jobTitle") ? columns.indexOf(MemberColumns.JOB_TITLE)
                    : field.key().equals("workforceType") ? columns.indexOf(MemberColumns.WORKFORCE_TYPE) : -1;
        }
        return customFields.stream().anyMatch(f -> f.key().equals(field.key())) ? columns.indexOf(field.label()) : -1;
    }

    public void add(RowValues member) {
        Row row = sheet.createRow(rows++);
        for (int i = 0; i < columns.size(); i++) {
            Object value = member.values().get(columns.get(i));
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (value instanceof LocalDate date) {
                cell.setCellValue(date);
                cell.setCellStyle(dateStyle);
            } else if (value instanceof BigDecimal number) {
                cell.setCellValue(number.doubleValue());
            } else if (value instanceof Long number) {
                cell.setCellValue(number);
            } else {
                cell.setCellValue(value.toString());
                cell.setCellStyle(textStyle);
            }
        }
    }

    public int rowCount() {
        return rows - 1;
    }

    public void writeTo(OutputStream out) throws IOException {
        workbook.write(out);
    }

    @Override
    public void close() {
        workbook.dispose();
        try {
            workbook.close();
        } catch (IOException e) {
            // only temporary files
        }
    }
}
