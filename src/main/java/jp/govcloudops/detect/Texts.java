package jp.govcloudops.detect;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Short Japanese renderings for finding summaries. */
public final class Texts {

    private Texts() {
    }

    /** {@code A×3、B×1}, most frequent first; a single name seen once is just its name. */
    public static String counts(Map<String, Long> counts, int limit) {
        if (counts.size() == 1 && counts.values().iterator().next() == 1) {
            return counts.keySet().iterator().next();
        }
        List<Map.Entry<String, Long>> sorted = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .toList();
        String shown = sorted.stream().limit(limit).map(e -> e.getKey() + "×" + e.getValue())
                .collect(Collectors.joining(", "));
        return sorted.size() > limit ? shown + " ほか" + (sorted.size() - limit) + "種" : shown;
    }

    /** Distinct values, {@code a, b 他n件} beyond {@code limit}; null when there are none. */
    public static String distinct(Collection<String> values, int limit) {
        List<String> list = values.stream().filter(v -> v != null && !v.isBlank()).distinct().toList();
        if (list.isEmpty()) {
            return null;
        }
        String shown = String.join(", ", list.subList(0, Math.min(limit, list.size())));
        return list.size() > limit ? shown + " 他" + (list.size() - limit) + "件" : shown;
    }

    public static String duration(Duration d) {
        if (d.toSeconds() % 86400 == 0) {
            return d.toDays() + "日";
        }
        if (d.toSeconds() % 3600 == 0) {
            return d.toHours() + "時間";
        }
        return d.toMinutes() + "分";
    }

    /** Decimal units, as the monthly report prints them (a finding's "3.4 GB" is the report's 3.39 GB). */
    public static String bytes(long bytes) {
        if (bytes >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
        }
        if (bytes >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
        if (bytes >= 1_000L) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1e3);
        }
        return bytes + " B";
    }

    public static Map<String, Long> tally(Collection<String> values) {
        Map<String, Long> counts = new LinkedHashMap<>();
        values.forEach(v -> counts.merge(v == null ? "-" : v, 1L, Long::sum));
        return counts;
    }
}
