package jp.govcloudops.cost;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

import jp.govcloudops.format.cost.CostLine;
import jp.govcloudops.format.cost.DecimalSum;

/**
 * Sums line items into {@link CostDayRow}s in memory: a billing period of an export reduces to days × accounts ×
 * services × regions, a few thousand rows even for a large estate. A lookup key is reused, so a line item that
 * lands in an existing row allocates nothing.
 */
public final class CostAggregation implements Consumer<CostLine> {

    private final Map<Key, Cell> cells = new HashMap<>();
    private final Map<Integer, long[]> periods = new TreeMap<>();
    private final Key probe = new Key();

    @Override
    public void accept(CostLine line) {
        probe.set(line);
        Cell cell = cells.get(probe);
        if (cell == null) {
            cell = new Cell();
            cells.put(probe.copy(), cell);
        }
        line.billed.addTo(cell.billed);
        line.effective.addTo(cell.effective);
        cell.lineItems++;
        long[] period = periods.computeIfAbsent(line.billingPeriod, p -> new long[] {Long.MIN_VALUE, 0});
        if (!line.periodCharge && line.day > period[0]) {
            period[0] = line.day;
        }
        period[1]++;
    }

    /** Adds another aggregation's sums (a file read on its own) into this one. */
    public void merge(CostAggregation other) {
        for (Map.Entry<Key, Cell> e : other.cells.entrySet()) {
            Cell cell = cells.computeIfAbsent(e.getKey(), k -> new Cell());
            cell.billed.add(e.getValue().billed);
            cell.effective.add(e.getValue().effective);
            cell.lineItems += e.getValue().lineItems;
        }
        other.periods.forEach((period, stats) -> {
            long[] mine = periods.computeIfAbsent(period, p -> new long[] {Long.MIN_VALUE, 0});
            mine[0] = Math.max(mine[0], stats[0]);
            mine[1] += stats[1];
        });
    }

    public List<CostDayRow> rows() {
        List<CostDayRow> rows = new ArrayList<>(cells.size());
        for (Map.Entry<Key, Cell> e : cells.entrySet()) {
            Key k = e.getKey();
            Cell c = e.getValue();
            rows.add(new CostDayRow(CostLine.billingPeriodText(k.billingPeriod), LocalDate.ofEpochDay(k.day),
                    k.periodCharge, k.provider, k.accountId, k.service, k.region, k.currency, c.billed.value(),
                    c.effective.value(), c.lineItems));
        }
        rows.sort(Comparator.comparing(CostDayRow::billingPeriod).thenComparing(CostDayRow::day)
                .thenComparing(CostDayRow::provider).thenComparing(CostDayRow::accountId)
                .thenComparing(CostDayRow::service).thenComparing(CostDayRow::region)
                .thenComparing(CostDayRow::currency).thenComparing(CostDayRow::periodCharge));
        return rows;
    }

    public List<PeriodSummary> periods() {
        List<PeriodSummary> out = new ArrayList<>();
        periods.forEach((period, stats) -> out.add(new PeriodSummary(CostLine.billingPeriodText(period),
                stats[0] == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(stats[0]), stats[1])));
        return out;
    }

    public long lineItems() {
        long n = 0;
        for (long[] stats : periods.values()) {
            n += stats[1];
        }
        return n;
    }

    private static final class Cell {
        final DecimalSum billed = new DecimalSum();
        final DecimalSum effective = new DecimalSum();
        long lineItems;
    }

    private static final class Key {
        int billingPeriod;
        long day;
        boolean periodCharge;
        String provider;
        String accountId;
        String service;
        String region;
        String currency;
        int hash;

        void set(CostLine line) {
            billingPeriod = line.billingPeriod;
            day = line.day;
            periodCharge = line.periodCharge;
            provider = line.provider;
            accountId = line.accountId;
            service = line.service;
            region = line.region;
            currency = line.currency;
            int h = billingPeriod;
            h = 31 * h + Long.hashCode(day);
            h = 31 * h + (periodCharge ? 1 : 0);
            h = 31 * h + provider.hashCode();
            h = 31 * h + accountId.hashCode();
            h = 31 * h + service.hashCode();
            h = 31 * h + region.hashCode();
            h = 31 * h + currency.hashCode();
            hash = h;
        }

        Key copy() {
            Key k = new Key();
            k.billingPeriod = billingPeriod;
            k.day = day;
            k.periodCharge = periodCharge;
            k.provider = provider;
            k.accountId = accountId;
            k.service = service;
            k.region = region;
            k.currency = currency;
            k.hash = hash;
            return k;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && k.billingPeriod == billingPeriod && k.day == day
                    && k.periodCharge == periodCharge && Objects.equals(k.accountId, accountId)
                    && Objects.equals(k.service, service) && Objects.equals(k.region, region)
                    && Objects.equals(k.currency, currency) && Objects.equals(k.provider, provider);
        }
    }
}
