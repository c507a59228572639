package jp.govcloudops.report.sections;

import jp.govcloudops.report.ReportContext;
import jp.govcloudops.report.document.Section;

/** Builds one numbered section of the monthly report from the store. */
public interface SectionWriter {

    Section write(ReportContext context);
}
