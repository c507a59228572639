package jp.govcloudops.cost;

/** A line item that could not be used, with the file and place it came from; {@code rows} it stands for. */
public record RejectedRow(String file, String position, String reason, String excerpt, long rows) {
}
