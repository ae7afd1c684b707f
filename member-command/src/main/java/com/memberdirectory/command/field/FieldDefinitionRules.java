package com.memberdirectory.command.field;

import com.memberdirectory.command.member.PlainTextRule;
import com.memberdirectory.kernel.member.MemberFields;
import com.memberdirectory.kernel.field.FieldType;
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a field definition must look like: keys are stable identifiers of letters and digits (starting with a
 * letter, at most 64), labels 1–64 characters, option labels 1–100 characters and unique within their field; labels
 * are plain text ({@link PlainTextRule}): they are the export's column headers and cell values, matched on import.
 */
public final class FieldDefinitionRules {

    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,63}");

    public String key(String raw) {
        String key = raw == null ? "" : raw.strip();
        if (!KEY.matcher(key).matches()) {
            throw new DomainRuleViolation(ErrorCode.INVALID_VALUE, "key",
                    "A field key starts with a letter and has only letters and digits (at most 64).");
        }
        if (MemberFields.isBuiltIn(key)) {
            throw new DomainRuleViolation(ErrorCode.DUPLICATE_VALUE, "key", "'" + key + "' is a built-in field.");
        }
        return key;
    }

    public String label(String raw) {
        String label = raw == null ? "" : raw.strip();
        if (label.isEmpty() || label.length() > 64) {
            throw new DomainRuleViolation(ErrorCode.INVALID_VALUE, "label", "A field label has 1-64 characters.");
        }
        return PlainTextRule.check("label", label);
    }

    public FieldType customType(FieldType type) {
        if (type == null || type == FieldType.SPECIAL) {
            throw new DomainRuleViolation(ErrorCode.INVALID_VALUE, "type",
                    "The type is one of TEXT, NUMBER, DATE, URL, SINGLE_OPTION, MULTI_OPTION, MEMBER.");
        }
        return type;
    }

    /** @return the trimmed labels; refuses blank, too long and duplicate (ignoring case) labels */
    public List<String> optionLabels(List<String> raw) {
        Set<String> seen = new HashSet<>();
        return raw.stream().map(label -> {
            String text = label == null ? "" : label.strip();
            if (text.isEmpty() || text.length() > 100) {
                throw new DomainRuleViolation(ErrorCode.INVALID_VALUE, "options", "An option label has 1-100 characters.");
            }
            PlainTextRule.check("options", text);
            if (!seen.add(text.toLowerCase(Locale.ROOT))) {
                throw new DomainRuleViolation(ErrorCode.DUPLICATE_VALUE, "options",
                        "The option '" + text + "' is listed twice.");
            }
            return text;
        }).toList();
    }
}
