package com.memberdirectory.app.storage.embedded;

import com.memberdirectory.command.uniqueness.UniqueKind;
import com.memberdirectory.command.uniqueness.UniqueValues;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The lookup table on the embedded JDBC store. It runs on the connection of the command's transaction, so a
 * claim commits or rolls back together with the command's events; the primary key makes a concurrent claim
 * of the same value wait for the first transaction and then fail.
 */
public class JdbcUniqueValues implements UniqueValues {

    private final JdbcTemplate jdbc;

    public JdbcUniqueValues(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(UniqueKind kind, String value, String owner) {
        try {
            jdbc.update("INSERT INTO directory_claims (kind, claim_value, owner) VALUES (?, ?, ?)", kind.name(), value, owner);
            return true;
        } catch (DuplicateKeyException taken) {
            return ownerOf(kind, value).map(owner::equals).orElse(false);
        }
    }

    @Override
    public void release(UniqueKind kind, String value, String owner) {
        jdbc.update("DELETE FROM directory_claims WHERE kind = ? AND claim_value = ? AND owner = ?", kind.name(), value, owner);
    }

    @Override
    public long count(UniqueKind kind, String prefix) {
        String pattern = like(prefix);
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM directory_claims WHERE kind = ? AND claim_value LIKE ? ESCAPE '\\'",
                Long.class, kind.name(), pattern);
        return count == null ? 0 : count;
    }

    @Override
    public Map<String, String> owners(UniqueKind kind, String prefix) {
        Map<String, String> found = new LinkedHashMap<>();
        jdbc.query("SELECT claim_value, owner FROM directory_claims WHERE kind = ? AND claim_value LIKE ? ESCAPE '\\'",
                rs -> {
                    found.put(rs.getString(1), rs.getString(2));
                }, kind.name(), like(prefix));
        return found;
    }

    private static String like(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    @Override
    public Optional<String> ownerOf(UniqueKind kind, String value) {
        return jdbc.query("SELECT owner FROM directory_claims WHERE kind = ? AND claim_value = ?",
                rs -> rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty(), kind.name(), value);
    }
}
