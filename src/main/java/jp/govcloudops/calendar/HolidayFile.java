package jp.govcloudops.calendar;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a holiday list in the Cabinet Office's CSV format ({@code syukujitsu.csv}): one {@code yyyy/M/d,名称} a
 * line, an optional header line, Shift_JIS as published or UTF-8 (with or without BOM) as people re-save it.
 * The encoding is recognised by whether the bytes are valid UTF-8. A line that is neither a header, blank, a
 * {@code #} comment nor a valid entry is an error naming the file and line.
 */
public final class HolidayFile {

    private static final Charset SHIFT_JIS = Charset.forName("windows-31j");

    private HolidayFile() {
    }

    public static Map<LocalDate, String> read(Path file) throws IOException {
        return parse(Files.readAllBytes(file), file.toString());
    }

    static Map<LocalDate, String> parse(byte[] bytes, String name) {
        String text = decode(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Map<LocalDate, String> holidays = new TreeMap<>();
        String[] lines = text.split("\r?\n|\r");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int comma = line.indexOf(',');
            String date = comma < 0 ? line : line.substring(0, comma).strip();
            String label = comma < 0 ? "" : line.substring(comma + 1).strip();
            if (label.length() >= 2 && label.startsWith("\"") && label.endsWith("\"")) {
                label = label.substring(1, label.length() - 1);
            }
            if (date.startsWith("\"") && date.endsWith("\"") && date.length() >= 2) {
                date = date.substring(1, date.length() - 1);
            }
            LocalDate day = parseDate(date);
            if (day == null) {
                if (i == 0 && !Character.isDigit(date.isEmpty() ? 'x' : date.charAt(0))) {
                    continue; // the header line (国民の祝日・休日月日,国民の祝日・休日名称)
                }
                throw new IllegalArgumentException(name + " line " + (i + 1) + ": expected yyyy/M/d,名称 but found '"
                        + line + "'");
            }
            holidays.put(day, label.isEmpty() ? "休日" : label);
        }
        return holidays;
    }

    private static LocalDate parseDate(String text) {
        String[] parts = text.split("[/-]");
        if (parts.length != 3) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, SHIFT_JIS);
        }
    }
}
