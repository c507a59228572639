package jp.govcloudops.aggregate;

/** Where an address lies, as the network operator names the estate's boundaries. */
public enum Boundary {
    LGCS("庁内/LGCS"),
    ASP("ASP"),
    VPC("VPC"),
    PRIVATE("その他プライベート"),
    INTERNET("インターネット"),
    UNKNOWN("不明");

    private final String label;

    Boundary(String label) {
        this.label = label;
    }

    /** The Japanese label used in reports and mails. */
    public String label() {
        return label;
    }
}
