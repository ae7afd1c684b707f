package com.memberdirectory.app.storage.embedded;

import com.memberdirectory.app.credentials.SecretBox;
import com.memberdirectory.app.storage.ImportSecretsReader;
import com.memberdirectory.command.importing.ImportSecrets;
import com.memberdirectory.kernel.member.MemberId;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Generated passwords of an import on the embedded JDBC store, encrypted, written in the transaction of
 * the row that generated them; read once for the password file and then deleted.
 */
public class JdbcImportSecrets implements ImportSecrets, ImportSecretsReader {

    private final JdbcTemplate jdbc;
    private final SecretBox box;

    public JdbcImportSecrets(JdbcTemplate jdbc, SecretBox box) {
        this.jdbc = jdbc;
        this.box = box;
    }

    @Override
    public void keep(String importId, MemberId memberId, String password) {
        jdbc.update("DELETE FROM directory_import_secrets WHERE import_id = ? AND member_id = ?", importId, memberId.value());
        jdbc.update("INSERT INTO directory_import_secrets (import_id, member_id, secret) VALUES (?, ?, ?)",
                importId, memberId.value(), box.seal(password));
    }

    @Override
    public boolean holdsAny(String importId) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM directory_import_secrets WHERE import_id = ?",
                Integer.class, importId);
        return count != null && count > 0;
    }

    @Override
    public Map<String, String> passwords(String importId) {
        Map<String, String> passwords = new LinkedHashMap<>();
        jdbc.query("SELECT member_id, secret FROM directory_import_secrets WHERE import_id = ? ORDER BY member_id",
                rs -> {
                    passwords.put(rs.getString(1), box.open(rs.getBytes(2)));
                }, importId);
        return passwords;
    }

    @Override
    public void forget(String importId) {
        jdbc.update("DELETE FROM directory_import_secrets WHERE import_id = ?", importId);
    }
}
