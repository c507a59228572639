package jp.govcloudops.detect;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jp.govcloudops.calendar.UtcTime;
import jp.govcloudops.config.DetectionProperties;
import jp.govcloudops.config.GovcloudProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Derives the findings of a range of days with every detector and puts them in place of the previous derivation,
 * keeps the "objects seen" watermark that tells which days new or reprocessed objects touched, and prunes the
 * detection inputs by age.
 */
@Service
public class DetectionService {

    private static final Logger log = LoggerFactory.getLogger(DetectionService.class);

    public record Result(DetectionWindow window, Map<String, FindingStore.Outcome> byDetector, int findings) {
        public FindingStore.Outcome total() {
            return byDetector.values().stream().reduce(new FindingStore.Outcome(0, 0, 0), FindingStore.Outcome::plus);
        }
    }

    private final List<Detector> detectors;
    private final FindingStore store;
    private final JdbcTemplate jdbc;
    private final List<DetectionInput> inputs;
    private final DetectionProperties properties;
    private final GovcloudProperties settings;

    public DetectionService(List<Detector> detectors, List<DetectionInput> inputs, FindingStore store,
            JdbcTemplate jdbc, DetectionProperties properties, GovcloudProperties settings) {
        this.detectors = detectors;
        this.inputs = inputs;
        this.store = store;
        this.jdbc = jdbc;
        this.properties = properties;
        this.settings = settings;
    }

    public DetectionWindow window(LocalDate from, LocalDate to) {
        return new DetectionWindow(from, to, settings.zoneOffsetHours());
    }

    public Result run(DetectionWindow window) {
        return run(window, detector -> true);
    }

    /** Runs the detectors that {@code which} accepts (the intraday run: the per-record ones). */
    public Result run(DetectionWindow window, java.util.function.Predicate<Detector> which) {
        Map<String, FindingStore.Outcome> outcomes = new TreeMap<>();
        int findings = 0;
        for (Detector detector : detectors) {
            if (!which.test(detector)) {
                continue;
            }
            List<String> ruleIds = detector.ruleIds();
            if (ruleIds.isEmpty()) {
                continue;
            }
            long started = System.nanoTime();
            DetectionWindow scope = detector.scope(window);
            List<Finding> derived = detector.detect(scope);
            findings += derived.size();
            outcomes.put(detector.name(), store.reconcile(detector.name(), ruleIds, scope, derived));
            log.debug("Detector {}: {} findings in {} ms", detector.name(), derived.size(),
                    (System.nanoTime() - started) / 1_000_000);
        }
        log.info("Detection {}..{}: {} findings derived", window.from(), window.to(), findings);
        return new Result(window, outcomes, findings);
    }

    /**
     * The days the nightly run for {@code day} re-derives: the last {@code redetect-days} days, extended back to the
     * earliest day that objects ingested since the previous run touched (late files, reprocessing), but never
     * further back than the kept detection inputs.
     */
    public DetectionWindow nightlyWindow(LocalDate day) {
        LocalDate from = day.minusDays(properties.redetectDays());
        LocalDate to = day;
        long watermark = watermark();
        List<LocalDateTime> touched = new ArrayList<>();
        for (String table : List.of("ct_hourly", "flow_hourly")) {
            Map<String, Object> range = jdbc.queryForMap("SELECT MIN(h.event_hour) AS lo, MAX(h.event_hour) AS hi"
                    + " FROM " + table + " h JOIN source_object o ON o.id = h.object_id AND o.state = 'ACTIVE'"
                    + " WHERE h.object_id > ?", watermark);
            if (range.get("lo") != null) {
                touched.add(toLocal(range.get("lo")));
                touched.add(toLocal(range.get("hi")));
            }
        }
        DetectionWindow probe = window(from, to);
        LocalDate oldestKept = day.minusDays(Math.min(properties.matchRetentionDays(), properties.flowRetentionDays()) - 1);
        for (LocalDateTime t : touched) {
            LocalDate d = probe.dayOf(t);
            if (d.isBefore(from)) {
                from = d.isBefore(oldestKept) ? oldestKept : d;
            }
            if (d.isAfter(to) && !d.isAfter(day.plusDays(1))) {
                to = d;
            }
        }
        return window(from, to);
    }

    private static LocalDateTime toLocal(Object value) {
        if (value instanceof LocalDateTime t) {
            return t;
        }
        if (value instanceof java.sql.Timestamp ts) {
            // JDBC drivers may hand TIMESTAMP columns back as java.sql.Timestamp; its fields are the stored wall clock.
            return ts.toLocalDateTime();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }

    public long watermark() {
        return jdbc.queryForObject("SELECT last_object_id FROM det_state WHERE id = 1", Long.class);
    }

    /** Everything ingested so far has been looked at. */
    public void advanceWatermark() {
        Long max = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM source_object", Long.class);
        jdbc.update("UPDATE det_state SET last_object_id = ?, last_run_at = ? WHERE id = 1", max, UtcTime.now());
    }

    /** Drops detection inputs older than their retention, counted back from {@code day}. */
    public int prune(LocalDate day) {
        DetectionWindow w = window(day, day);
        int removed = jdbc.update("DELETE FROM " + RuleMatchCollector.TABLE + " WHERE event_time < ?",
                w.startUtc(day.minusDays(properties.matchRetentionDays())));
        for (DetectionInput input : inputs) {
            removed += jdbc.update("DELETE FROM " + input.table() + " WHERE event_hour < ?",
                    w.startUtc(day.minusDays(input.retentionDays(properties))));
        }
        removed += jdbc.update("DELETE FROM det_baseline WHERE day < ?",
                day.minusDays(properties.baselineRetentionDays()));
        return removed;
    }
}
