package com.memberdirectory.app.storage.embedded;

import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.notification.password.PasswordOutbox;
import com.memberdirectory.notification.password.PasswordSeal;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Optional;

/**
 * Sealed passwords in the embedded JDBC store: written in the transaction of the command that set the password,
 * re-keyed to the notification in the saga's transaction, deleted after delivery.
 */
public class JdbcPasswordOutbox implements PasswordOutbox {

    private final JdbcTemplate jdbc;
    private final PasswordSeal seal;

    public JdbcPasswordOutbox(JdbcTemplate jdbc, PasswordSeal seal) {
        this.jdbc = jdbc;
        this.seal = seal;
    }

    @Override
    public void put(MemberId memberId, String password) {
        jdbc.update("MERGE INTO directory_password_outbox o USING (VALUES(CAST(? AS VARCHAR(255)), CAST(? AS VARBINARY(4096)))) "
                        + "AS v(owner, sealed) ON o.owner = v.owner "
                        + "WHEN MATCHED THEN UPDATE SET o.sealed = v.sealed "
                        + "WHEN NOT MATCHED THEN INSERT (owner, sealed) VALUES (v.owner, v.sealed)",
                memberKey(memberId), seal.seal(password));
    }

    @Override
    public boolean claim(MemberId memberId, String notificationId) {
        return jdbc.update("UPDATE directory_password_outbox SET owner = ? WHERE owner = ?",
                notificationKey(notificationId), memberKey(memberId)) == 1;
    }

    @Override
    public Optional<String> open(String notificationId) {
        return jdbc.query("SELECT sealed FROM directory_password_outbox WHERE owner = ?",
                        (row, n) -> row.getBytes(1), notificationKey(notificationId))
                .stream().findFirst().flatMap(seal::open);
    }

    @Override
    public void discard(String notificationId) {
        jdbc.update("DELETE FROM directory_password_outbox WHERE owner = ?", notificationKey(notificationId));
    }

    private static String memberKey(MemberId memberId) {
        return "member:" + memberId.value();
    }

    private static String notificationKey(String notificationId) {
        return "notification:" + notificationId;
    }
}
