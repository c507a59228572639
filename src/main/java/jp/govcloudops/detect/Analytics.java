package jp.govcloudops.detect;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import jp.govcloudops.detect.rule.Rule;
import jp.govcloudops.detect.rule.RuleCatalog;
import org.springframework.jdbc.core.JdbcTemplate;

/** Shared plumbing of the built-in analytic detectors: their rules, and SQL over ACTIVE objects only. */
public abstract class Analytics implements Detector {

    /** Joins a per-object table aliased {@code t} to its ACTIVE manifest row and its partition {@code p}. */
    public static final String ACTIVE = " JOIN source_object o ON o.id = t.object_id AND o.state = 'ACTIVE'"
            + " JOIN log_partition p ON p.id = t.partition_id";

    protected final JdbcTemplate jdbc;
    protected final RuleCatalog catalog;
    private final List<String> ids;

    protected Analytics(JdbcTemplate jdbc, RuleCatalog catalog, String... ruleIds) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.ids = List.of(ruleIds);
    }

    @Override
    public List<String> ruleIds() {
        return ids.stream().filter(id -> catalog.analytic(id).isPresent()).toList();
    }

    protected Optional<Rule> rule(String id) {
        return catalog.analytic(id);
    }

    protected static LocalDateTime time(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        return rs.getObject(column, LocalDateTime.class);
    }

    protected static String boundaryLabel(String name) {
        try {
            return jp.govcloudops.aggregate.Boundary.valueOf(name).label();
        } catch (IllegalArgumentException | NullPointerException e) {
            return name;
        }
    }
}
