package jp.govcloudops.records;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The contract's work categories (作業区分), in the order the report lists them. */
public enum WorkCategory {
    ROUTINE_MONITORING("定常監視"),
    ALERT_RESPONSE("アラート対応"),
    FAILURE_RESPONSE("障害対応"),
    SECURITY_ANALYSIS("セキュリティ分析"),
    TEMPLATE_APPLICATION("テンプレート適用"),
    CONFIGURATION_COST_REVIEW("構成・コストレビュー"),
    REPORTING("報告書作成"),
    MEETING("会議"),
    INQUIRY("問合せ対応");

    private final String label;

    WorkCategory(String label) {
        this.label = label;
    }

    /** The Japanese name, as written in CSV files, stored and reported. */
    public String label() {
        return label;
    }

    public static Optional<WorkCategory> fromLabel(String label) {
        return Arrays.stream(values()).filter(c -> c.label.equals(label)).findFirst();
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(WorkCategory::label).toList();
    }
}
