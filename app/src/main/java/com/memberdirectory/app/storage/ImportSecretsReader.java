package com.memberdirectory.app.storage;

import java.util.Map;

/** Reads (once) and destroys the passwords an import generated. */
public interface ImportSecretsReader {

    /** member id → password, in clear, for building the password file. */
    Map<String, String> passwords(String importId);

    void forget(String importId);
}
