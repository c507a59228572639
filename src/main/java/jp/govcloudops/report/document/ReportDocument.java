package jp.govcloudops.report.document;

import java.util.List;

/** A whole report: the cover and the sections, ready for rendering. */
public record ReportDocument(Cover cover, List<Section> sections) {

    /** What the cover and the running header say. */
    public record Cover(String fiscalYearTitle, String documentTitle, String periodTitle, String periodText,
            String recipient, String contractor, String issuedOn, String runningTitle, String note) {
    }
}
