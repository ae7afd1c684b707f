package com.memberdirectory.command.importing;

import com.memberdirectory.kernel.member.MemberField;
import com.memberdirectory.kernel.member.MemberFields;

import java.util.HashMap;
import java.util.Map;

import static com.memberdirectory.kernel.workbook.MemberColumns.*;

/** The workbook column of a member field, for messages in the error report. */
final class ColumnNames {

    private static final Map<String, String> COLUMNS = new HashMap<>();

    static {
        for (MemberField<?, ?> field : MemberFields.ALL) {
            if (field.column() != null) {
                COLUMNS.put(field.name(), field.column());
            }
        }
        // The login details are not fields of the record; a password error belongs to the login type's column.
        COLUMNS.putAll(Map.of("loginEmailType", LOGIN_EMAIL_TYPE, "password", LOGIN_EMAIL_TYPE,
                "loginPassword", LOGIN_PASSWORD, "hasLoginPassword", LOGIN_PASSWORD, "version", VERSION));
    }

    private ColumnNames() {
    }

    static String of(String field) {
        if (field.startsWith("custom.")) {
            return field.substring("custom.".length());
        }
        return COLUMNS.getOrDefault(field, field);
    }
}
