package jp.govcloudops.source;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The folders a Firehose delivery stream writes below its prefix: {@code <prefix>YYYY/MM/DD/HH/}, in UTC, with
 * no account or region in the key (each record names its own). One partition per folder date of the range, for
 * account and region {@code -}, when the prefix holds any folder at all; the hour folders are read as part of
 * their day.
 */
public final class FirehoseLayout {

    private final ObjectSource source;
    private final String prefix;
    private final LogType logType;

    public FirehoseLayout(ObjectSource source, String prefix, LogType logType) {
        this.source = source;
        this.prefix = source.rootPrefix() + prefix;
        this.logType = logType;
    }

    public List<AwsLogsLayout.Discovered> discover(LocalDate from, LocalDate to) throws IOException {
        Map<LocalDate, String> days = new HashMap<>();
        List<String> years = source.listFolders(prefix);
        if (years.isEmpty()) {
            return List.of(); // no stream delivers to this source
        }
        for (String year : years) {
            Integer y = number(year);
            if (y == null || y < from.getYear() || y > to.getYear()) {
                continue;
            }
            for (String month : source.listFolders(year)) {
                Integer m = number(month);
                if (m == null || m < 1 || m > 12) {
                    continue;
                }
                for (String day : source.listFolders(month)) {
                    Integer d = number(day);
                    if (d != null && d >= 1 && d <= LocalDate.of(y, m, 1).lengthOfMonth()) {
                        LocalDate date = LocalDate.of(y, m, d);
                        if (!date.isBefore(from) && !date.isAfter(to)) {
                            days.put(date, day);
                        }
                    }
                }
            }
        }
        List<AwsLogsLayout.Discovered> found = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            String folder = days.get(day);
            found.add(new AwsLogsLayout.Discovered(new LogPartition(logType, "-", "-", day, source.location(),
                    folder != null ? folder : prefix + "%04d/%02d/%02d/".formatted(day.getYear(), day.getMonthValue(),
                            day.getDayOfMonth())), folder != null));
        }
        return found;
    }

    private static Integer number(String folder) {
        String name = AwsLogsLayout.lastSegment(folder);
        return !name.isEmpty() && name.length() <= 4 && name.chars().allMatch(Character::isDigit)
                ? Integer.valueOf(name) : null;
    }
}
