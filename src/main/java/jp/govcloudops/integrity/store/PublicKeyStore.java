package jp.govcloudops.integrity.store;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jp.govcloudops.calendar.UtcTime;
import jp.govcloudops.integrity.signature.PublicKeyEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** CloudTrail public keys by fingerprint (trail_public_key), so a key read or fetched once serves later runs. */
@Repository
public class PublicKeyStore {

    private final JdbcTemplate jdbc;

    public PublicKeyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void save(PublicKeyEntry key) {
        String value = Base64.getEncoder().encodeToString(key.der());
        LocalDateTime now = UtcTime.now();
        int updated = jdbc.update("UPDATE trail_public_key SET key_value = ?, valid_from = ?, valid_to = ?, origin = ?,"
                + " stored_at = ? WHERE fingerprint = ?", value, utc(key.validFrom()), utc(key.validTo()),
                key.origin(), now, key.fingerprint());
        if (updated == 0) {
            jdbc.update("INSERT INTO trail_public_key (fingerprint, key_value, valid_from, valid_to, origin, stored_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", key.fingerprint(), value, utc(key.validFrom()), utc(key.validTo()),
                    key.origin(), now);
        }
    }

    public Optional<PublicKeyEntry> find(String fingerprint) {
        List<PublicKeyEntry> found = jdbc.query("SELECT fingerprint, key_value, valid_from, valid_to, origin"
                + " FROM trail_public_key WHERE fingerprint = ?", (rs, i) -> new PublicKeyEntry(rs.getString(1),
                        Base64.getDecoder().decode(rs.getString(2)), instant(rs.getObject(3, LocalDateTime.class)),
                        instant(rs.getObject(4, LocalDateTime.class)), rs.getString(5)),
                fingerprint.toLowerCase(java.util.Locale.ROOT));
        return found.stream().findFirst();
    }

    private static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
