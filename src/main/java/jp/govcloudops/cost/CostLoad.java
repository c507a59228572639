package jp.govcloudops.cost;

import java.util.List;

import jp.govcloudops.format.cost.CostSchema;

/**
 * A unit as read: its aggregates, or the reason it could not be read (then nothing of it is stored and its
 * previous data stays).
 */
public record CostLoad(CostUnit unit, List<CostSchema> schemas, long lineItems, long rejectedRows,
        List<RejectedRow> rejected, List<CostDayRow> rows, List<PeriodSummary> periods, String error) {

    public static CostLoad failed(CostUnit unit, String error) {
        return new CostLoad(unit, List.of(), 0, 0, List.of(), List.of(), List.of(), error);
    }

    public boolean isFailed() {
        return error != null;
    }

    /** FOCUS before CUR 2.0 before legacy CUR: the rank of the best schema among the files. */
    public int schemaRank() {
        return schemas.stream().mapToInt(s -> s.ordinal() + 1).min().orElse(CostSchema.values().length + 1);
    }
}
