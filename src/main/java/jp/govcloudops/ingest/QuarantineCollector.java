package jp.govcloudops.ingest;

import java.util.ArrayList;
import java.util.List;

import jp.govcloudops.format.Quarantine;

/** Collects an object's quarantine: every entry is counted, detail rows are kept up to a bound. */
final class QuarantineCollector implements Quarantine {

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
            entries.add(new QuarantineEntry(position, reason, excerpt, count));
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
