package jp.govcloudops.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

import jp.govcloudops.config.GovcloudProperties;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whether a store is as this version leaves it after starting: every versioned migration applied, every repeatable
 * one applied as it reads now, and the configured zone written ({@link StoreZoneSync}). Read from Flyway's history
 * table in two queries, without starting Flyway (whose start costs more than the commands that ask this), so
 * that the commands that only read the store can leave the schema alone when it is current. Any doubt answers
 * "not current": the caller then lets the whole application migrate the store, which is always safe.
 */
public class SchemaState {

    private static final String DEFAULT_LOCATION = "classpath:db/migration";

    private final String url;
    private final ObjectProvider<JdbcTemplate> reader;
    private final GovcloudProperties settings;
    private final List<JavaMigration> javaMigrations;
    private final String location;

    /**
     * @param reader reads the store; not asked for when the store is an H2 file not made yet, which connecting would
     *               make, with the reader as its administrator
     */
    public SchemaState(DataSourceProperties store, ObjectProvider<JdbcTemplate> reader, GovcloudProperties settings,
            List<JavaMigration> javaMigrations, Environment environment) {
        this.url = store.getUrl();
        this.reader = reader;
        this.settings = settings;
        this.javaMigrations = javaMigrations;
        this.location = environment.getProperty("spring.flyway.locations", DEFAULT_LOCATION).trim();
    }

    /** Whether the store lives only as long as the process that opened it (an H2 {@code mem:} URL). */
    public boolean inMemory() {
        return url != null && url.startsWith("jdbc:h2:mem:");
    }

    /** Why the store is not current, or null when it is. */
    public String staleness() {
        if (url != null && url.startsWith("jdbc:h2:")
                && !H2FileStore.of(url).map(file -> Files.isRegularFile(file.dataFile())).orElse(false)) {
            return "a new or in-memory H2 store";
        }
        JdbcTemplate jdbc = reader.getObject();
        if (!location.startsWith("classpath:") || location.contains(",")) {
            return "migrations are read from " + location;
        }
        Set<String> applied = new HashSet<>();
        Map<String, Integer> repeatable = new HashMap<>();
        try {
            // Ordered by rank, so that a repeatable migration applied more than once ends at its latest checksum.
            jdbc.query("SELECT \"version\", \"script\", \"checksum\" FROM \"flyway_schema_history\""
                    + " WHERE \"success\" ORDER BY \"installed_rank\"", rs -> {
                        String version = rs.getString(1);
                        if (version != null) {
                            applied.add(normalized(version));
                        } else {
                            int checksum = rs.getInt(3);
                            repeatable.put(rs.getString(2), rs.wasNull() ? null : checksum);
                        }
                    });
        } catch (DataAccessException e) {
            return "no schema history (" + e.getMostSpecificCause().getMessage() + ")";
        }
        for (JavaMigration migration : javaMigrations) {
            if (!applied.contains(normalized(migration.getVersion().getVersion()))) {
                return "migration " + migration.getVersion() + " is not applied";
            }
        }
        try {
            for (Resource script : new PathMatchingResourcePatternResolver(getClass().getClassLoader())
                    .getResources(location + "/*.sql")) {
                String name = script.getFilename();
                if (name == null) {
                    continue;
                }
                if (name.startsWith("V") && name.contains("__")) {
                    String version = name.substring(1, name.indexOf("__"));
                    if (!applied.contains(normalized(version))) {
                        return "migration " + version + " is not applied";
                    }
                } else if (name.startsWith("R__")) {
                    Integer checksum = repeatable.get(name);
                    if (checksum == null || checksum != checksum(script)) {
                        return name + " has changed since it was applied";
                    }
                }
            }
        } catch (IOException e) {
            return "cannot read the migrations: " + e.getMessage();
        }
        List<Map<String, Object>> zone = jdbc.queryForList("SELECT zone_id, offset_hours FROM store_zone WHERE id = 1");
        if (zone.isEmpty() || !settings.zone().getId().equals(zone.get(0).get("zone_id"))
                || ((Number) zone.get(0).get("offset_hours")).intValue() != settings.zoneOffsetHours()) {
            return "the store's zone is not " + settings.zone().getId();
        }
        return null;
    }

    /**
     * Flyway's checksum of a script: CRC-32 of its UTF-8 lines without their line ends and without a leading byte
     * order mark, so that it does not depend on how the file ends its lines.
     */
    static int checksum(Resource script) throws IOException {
        CRC32 crc = new CRC32();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(script.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = lines.readLine();
            if (line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            for (; line != null; line = lines.readLine()) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        return (int) crc.getValue();
    }

    /** A version as Flyway compares them: {@code _} and {@code .} separate parts, trailing zero parts do not count. */
    static String normalized(String version) {
        String dotted = version.replace('_', '.');
        while (dotted.endsWith(".0")) {
            dotted = dotted.substring(0, dotted.length() - 2);
        }
        return dotted.replaceAll("(^|\\.)0+(\\d)", "$1$2");
    }
}
