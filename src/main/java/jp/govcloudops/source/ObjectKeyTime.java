package jp.govcloudops.source;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time an object's key stands for: the {@code _YYYYMMDDTHHmmZ_} stamp of AWS file names, else the hour
 * folder of per-hour layouts, else the start of the folder date. Flow records without {@code start} take it.
 */
public final class ObjectKeyTime {

    private static final Pattern FILE_STAMP = Pattern.compile("_(\\d{8})T(\\d{2})(\\d{2})Z");
    private static final Pattern HOUR_FOLDER = Pattern.compile("(?:hour=)?(\\d{1,2})/[^/]*");

    private ObjectKeyTime() {
    }

    public static Instant of(String key, String folderPrefix, LocalDate folderDate) {
        String fileName = key.substring(key.lastIndexOf('/') + 1);
        Matcher stamp = FILE_STAMP.matcher(fileName);
        if (stamp.find()) {
            String d = stamp.group(1);
            try {
                return LocalDateTime.of(Integer.parseInt(d.substring(0, 4)), Integer.parseInt(d.substring(4, 6)),
                        Integer.parseInt(d.substring(6, 8)), Integer.parseInt(stamp.group(2)),
                        Integer.parseInt(stamp.group(3))).toInstant(ZoneOffset.UTC);
            } catch (java.time.DateTimeException ignored) {
                // fall through to the folder
            }
        }
        String belowDay = key.startsWith(folderPrefix) ? key.substring(folderPrefix.length()) : fileName;
        Matcher hour = HOUR_FOLDER.matcher(belowDay);
        if (hour.matches()) {
            int h = Integer.parseInt(hour.group(1));
            if (h < 24) {
                return folderDate.atTime(h, 0).toInstant(ZoneOffset.UTC);
            }
        }
        return folderDate.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
