package jp.govcloudops.ingest;

import java.util.ArrayList;
import java.util.List;

import jp.govcloudops.format.PrintableText;
import jp.govcloudops.format.Quarantine;
import jp.govcloudops.store.QuarantineEntry;

/**
 * Collects an object's quarantine: every entry is counted, detail rows are kept up to a bound. Every reason and
 * excerpt passes through here, so this is where text quoted from the input is made printable (control bytes of a
 * binary file escaped) and bounded, whichever reader wrote it.
 */
final class QuarantineCollector implements Quarantine {

    static final int MAX_POSITION_CHARS = 200;
    static final int MAX_REASON_CHARS = 1000;
    static final int MAX_EXCERPT_CHARS = 1000;

    private final int maxRows;
    private final List<QuarantineEntry> entries = new ArrayList<>();
    private long records;
    private long omitted;

    QuarantineCollector(int maxRows) {
        this.maxRows = maxRows;
    }

    @Override
    public void reject(String position, String reason, String excerpt, long count) {
        records += count;
        if (entries.size() < maxRows) {
            entries.add(new QuarantineEntry(PrintableText.of(position, MAX_POSITION_CHARS),
                    PrintableText.of(reason, MAX_REASON_CHARS), PrintableText.of(excerpt, MAX_EXCERPT_CHARS), count));
        } else {
            omitted += count;
        }
    }

    long records() {
        return records;
    }

    List<QuarantineEntry> entries() {
        if (omitted == 0) {
            return entries;
        }
        // The last kept row stands for the records whose detail was not kept, so sums stay exact.
        List<QuarantineEntry> bounded = new ArrayList<>(entries);
        QuarantineEntry last = bounded.remove(bounded.size() - 1);
        bounded.add(new QuarantineEntry(last.position(), last.reason() + " (and " + omitted
                + " more quarantined records of this object not listed)", last.excerpt(), last.records() + omitted));
        return bounded;
    }
}
