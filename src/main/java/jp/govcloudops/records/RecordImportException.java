package jp.govcloudops.records;

import java.util.List;

/** A file that was refused as a whole: every bad row is listed with its line number, and nothing was stored. */
public class RecordImportException extends RuntimeException {

    private final List<String> problems;

    public RecordImportException(String file, List<String> problems) {
        super(file + ": " + problems.size() + " problem(s), nothing imported:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
