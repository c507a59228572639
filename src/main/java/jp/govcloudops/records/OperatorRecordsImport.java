package jp.govcloudops.records;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports the operator CSV files described in docs/operator-records.md. Each file is checked completely first and
 * stored in one transaction: a file with any bad row is refused whole, with every problem and its line number.
 */
@Service
public class OperatorRecordsImport {

    private final OperatorRecordsStore store;
    private final ServiceWindow window;
    private final TransactionTemplate transaction;
    private final FindingResolver findings;

    public OperatorRecordsImport(OperatorRecordsStore store, ServiceWindow window, TransactionTemplate transaction,
            FindingResolver findings) {
        this.store = store;
        this.window = window;
        this.transaction = transaction;
        this.findings = findings;
    }

    public record Outcome(int imported, int replaced) {
    }

    /** Work effort: replaces what an earlier import of a file with the same name stored. */
    public Outcome importEffort(Path file, Charset charset) {
        List<WorkEffort> rows = resolve(file, CsvRows.read(file, charset, WorkEffort.REQUIRED, WorkEffort.OPTIONAL,
                WorkEffort::fromRow), WorkEffort::findingRef, WorkEffort::line, WorkEffort::withFindingId);
        String source = sourceName(file);
        int replaced = transaction.execute(status -> store.replaceEffort(source, rows, window));
        return new Outcome(rows.size(), replaced);
    }

    public void addEffort(WorkEffort effort) {
        transaction.executeWithoutResult(status -> store.insertEffort("effort add", List.of(effort), window));
    }

    public Outcome importIncidents(Path file, Charset charset) {
        List<Incident> rows = resolve(file, CsvRows.read(file, charset, Incident.REQUIRED, Incident.OPTIONAL,
                Incident::fromRow), Incident::findingRef, Incident::line, Incident::withFindingId);
        checkUniqueIds(file, rows, Incident::id, Incident::line);
        transaction.executeWithoutResult(status -> store.upsertIncidents(sourceName(file), rows));
        return new Outcome(rows.size(), 0);
    }

    public Outcome importInquiries(Path file, Charset charset) {
        List<Inquiry> rows = CsvRows.read(file, charset, Inquiry.REQUIRED, Inquiry.OPTIONAL, Inquiry::fromRow);
        checkUniqueIds(file, rows, Inquiry::id, Inquiry::line);
        transaction.executeWithoutResult(status -> store.upsertInquiries(sourceName(file), rows));
        return new Outcome(rows.size(), 0);
    }

    public Outcome importRisks(Path file, Charset charset) {
        List<Risk> rows = CsvRows.read(file, charset, Risk.REQUIRED, Risk.OPTIONAL, Risk::fromRow);
        checkUniqueIds(file, rows, Risk::id, Risk::line);
        transaction.executeWithoutResult(status -> store.upsertRisks(sourceName(file), rows));
        return new Outcome(rows.size(), 0);
    }

    /** Replaces each row's finding reference by the finding's id; a reference to no finding refuses the file. */
    private <T> List<T> resolve(Path file, List<T> rows, Function<T, FindingReference> reference, ToIntFunction<T> line,
            java.util.function.BiFunction<T, Long, T> withId) {
        List<String> problems = new ArrayList<>();
        List<T> resolved = new ArrayList<>(rows.size());
        for (T row : rows) {
            FindingReference ref = reference.apply(row);
            if (ref == null) {
                resolved.add(row);
                continue;
            }
            Long id = findings.resolve(ref);
            if (id == null) {
                problems.add("line " + line.applyAsInt(row) + ": 'finding_ref' " + ref + " matches no finding (none of"
                        + " account " + ref.accountId() + " with its first event in the hour from " + ref.firstEvent()
                        + " Japan time; run detection for that day first, or give finding_id)");
            }
            resolved.add(withId.apply(row, id));
        }
        if (!problems.isEmpty()) {
            throw new RecordImportException(file.toString(), problems);
        }
        return resolved;
    }

    private static <T> void checkUniqueIds(Path file, List<T> rows, Function<T, String> id, ToIntFunction<T> line) {
        Map<String, Integer> first = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (T row : rows) {
            Integer earlier = first.putIfAbsent(id.apply(row), line.applyAsInt(row));
            if (earlier != null) {
                problems.add("line " + line.applyAsInt(row) + ": id '" + id.apply(row) + "' already used on line " + earlier);
            }
        }
        if (!problems.isEmpty()) {
            throw new RecordImportException(file.toString(), problems);
        }
    }

    /** The file's name without folders: moving the folder does not make a re-import a different file. */
    static String sourceName(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }
}
