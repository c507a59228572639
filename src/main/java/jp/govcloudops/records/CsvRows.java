package jp.govcloudops.records;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an operator CSV file (header row, RFC 4180 quoting, UTF-8 with or without BOM unless another encoding is
 * given) and turns each row into a value with {@code parse}. Every problem is collected with the row's first line
 * number; if there is any, the whole file is refused with {@link RecordImportException}.
 */
public final class CsvRows {

    /** Stops collecting after this many problems: a wrong file would otherwise list every line. */
    private static final int MAX_PROBLEMS = 50;

    private CsvRows() {
    }

    /** One data row: its values by lower-case column name and the line it starts on. */
    public record Row(int line, Map<String, String> values) {

        public String get(String column) {
            String value = values.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    public static <T> List<T> read(Path file, Charset charset, List<String> required, List<String> optional,
            Function<Row, T> parse) {
        String name = file.toString();
        List<String> problems = new ArrayList<>();
        List<T> rows = new ArrayList<>();
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = Files.newInputStream(file);
                Reader reader = new InputStreamReader(in, decoder);
                CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                        .setIgnoreEmptyLines(true).setTrim(true).get().parse(skipBom(reader))) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
            Set<String> known = new LinkedHashSet<>(required);
            known.addAll(optional);
            for (String column : required) {
                if (!header.contains(column)) {
                    problems.add("line 1: missing column '" + column + "' (the header must name " + String.join(", ",
                            required) + "; optional: " + String.join(", ", optional) + ")");
                }
            }
            for (String column : header) {
                if (!known.contains(column)) {
                    problems.add("line 1: unknown column '" + column + "' (known: " + String.join(", ", known) + ")");
                }
            }
            if (!problems.isEmpty()) {
                throw new RecordImportException(name, problems);
            }
            long previousEnd = 1;
            for (CSVRecord record : parser) {
                int line = (int) previousEnd + 1;
                previousEnd = parser.getCurrentLineNumber();
                if (!record.isConsistent()) {
                    problems.add("line " + line + ": " + record.size() + " fields, the header has " + header.size());
                } else {
                    Map<String, String> values = new java.util.HashMap<>();
                    for (int i = 0; i < header.size(); i++) {
                        values.put(header.get(i), record.get(i));
                    }
                    try {
                        rows.add(parse.apply(new Row(line, values)));
                    } catch (BadValueException e) {
                        problems.add("line " + line + ": " + e.getMessage());
                    }
                }
                if (problems.size() >= MAX_PROBLEMS) {
                    problems.add("(stopped after " + MAX_PROBLEMS + " problems)");
                    break;
                }
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            problems.add("the file is not valid " + charset.name() + " text; a CSV saved by Excel is often Shift_JIS:"
                    + " give --encoding=windows-31j");
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            if (e.getCause() instanceof java.nio.charset.CharacterCodingException) {
                problems.add("the file is not valid " + charset.name() + " text; a CSV saved by Excel is often"
                        + " Shift_JIS: give --encoding=windows-31j");
            } else {
                problems.add("cannot read the file: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new RecordImportException(name, problems);
        }
        return rows;
    }

    private static Reader skipBom(Reader reader) throws IOException {
        java.io.PushbackReader pushback = new java.io.PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }

    /** A value that does not fit its column; the message names the column and says what is expected. */
    public static class BadValueException extends RuntimeException {
        public BadValueException(String message) {
            super(message);
        }
    }
}
