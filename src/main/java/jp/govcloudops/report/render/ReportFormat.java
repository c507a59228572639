package jp.govcloudops.report.render;

import java.util.Arrays;
import java.util.Locale;

/** The formats a report can be written in. */
public enum ReportFormat {
    PDF("pdf", "application/pdf"),
    HTML("html", "text/html; charset=UTF-8"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final String extension;
    private final String contentType;

    ReportFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    public static ReportFormat of(String name) {
        return Arrays.stream(values()).filter(f -> f.extension.equals(name.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown report format '" + name
                        + "' (expected pdf, html or xlsx)"));
    }
}
