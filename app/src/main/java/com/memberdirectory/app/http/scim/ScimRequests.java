package com.memberdirectory.app.http.scim;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.memberdirectory.app.scim.ScimException;

import java.io.IOException;

/** What the SCIM controllers read from a request the same way: the JSON body and the paging numbers. */
final class ScimRequests {

    /** Duplicate keys are refused, not resolved by the last one. */
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private ScimRequests() {
    }

    static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw ScimException.invalidSyntax("The request has no body.");
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw ScimException.invalidSyntax("The body is not valid JSON.");
        }
    }

    /** A whole number given as text; absent: {@code otherwise}; beyond an int: clamped. */
    static int number(String text, String name, int otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            if (text.strip().matches("-?[0-9]+")) {
                return text.strip().startsWith("-") ? Integer.MIN_VALUE : Integer.MAX_VALUE;
            }
            throw ScimException.invalidValue(name + " is a whole number.");
        }
    }
}
