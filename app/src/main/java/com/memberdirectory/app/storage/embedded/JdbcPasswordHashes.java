package com.memberdirectory.app.storage.embedded;

import com.memberdirectory.app.credentials.HashingLoginPasswords;
import org.springframework.jdbc.core.JdbcTemplate;

/** Password hashes in the embedded JDBC store, written in the transaction of the command that sets them. */
public class JdbcPasswordHashes implements HashingLoginPasswords.HashStore {

    private final JdbcTemplate jdbc;

    public JdbcPasswordHashes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(String memberId, String hash) {
        jdbc.update("MERGE INTO directory_credentials c USING (VALUES(CAST(? AS VARCHAR(255)), CAST(? AS VARCHAR(255)))) "
                + "AS v(member_id, password_hash) ON c.member_id = v.member_id "
                + "WHEN MATCHED THEN UPDATE SET c.password_hash = v.password_hash "
                + "WHEN NOT MATCHED THEN INSERT (member_id, password_hash) VALUES (v.member_id, v.password_hash)",
                memberId, hash);
    }
}
