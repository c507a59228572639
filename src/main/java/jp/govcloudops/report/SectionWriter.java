package jp.govcloudops.report;

import jp.govcloudops.report.document.Section;

/** Builds one numbered section of the monthly report from the store. */
public interface SectionWriter {

    Section write(ReportContext context);
}
