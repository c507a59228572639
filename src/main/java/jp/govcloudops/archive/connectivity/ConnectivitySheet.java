package jp.govcloudops.archive.connectivity;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jp.govcloudops.archive.connectivity.ConnectivityCheck.Direction;
import jp.govcloudops.archive.connectivity.ConnectivityCheck.Evidence;
import jp.govcloudops.archive.connectivity.ConnectivityCheck.Line;
import jp.govcloudops.archive.read.ArchiveSearch;
import jp.govcloudops.report.render.DirectOnlyCompiler;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.xml.JRXmlLoader;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The connectivity evidence as a sheet to send to the vendor: a Japanese PDF (疎通確認結果, the template
 * {@code reports/connectivity.jrxml} with the report's font) and CSV, both with the partitions read and their gaps.
 */
public final class ConnectivitySheet {

    static final String TEMPLATE = "reports/connectivity.jrxml";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String[] CSV_HEADER = {"direction", "account_id", "interface_id", "port", "protocol",
        "accepted_flows", "rejected_flows", "first_seen", "last_seen", "packets", "bytes", "verdict"};

    private final Evidence evidence;
    private final ZoneId zone;

    public ConnectivitySheet(Evidence evidence, ZoneId zone) {
        this.evidence = evidence;
        this.zone = zone;
    }

    public void writePdf(OutputStream out) throws IOException {
        SimpleJasperReportsContext context = new SimpleJasperReportsContext(DefaultJasperReportsContext.getInstance());
        context.setProperty("net.sf.jasperreports.compiler.java", DirectOnlyCompiler.class.getName());
        try (InputStream template = ConnectivitySheet.class.getClassLoader().getResourceAsStream(TEMPLATE)) {
            if (template == null) {
                throw new IllegalStateException("report template " + TEMPLATE + " is not on the classpath");
            }
            JasperReport report = JasperCompileManager.getInstance(context).compile(JRXmlLoader.load(context,
                    template));
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("title", "疎通確認結果");
            parameters.put("request", requestText());
            parameters.put("verdicts", verdictText());
            parameters.put("coverage", coverageText());
            parameters.put(JRParameter.REPORT_LOCALE, Locale.JAPAN);
            List<Map<String, ?>> rows = new ArrayList<>();
            for (Line line : lines()) {
                rows.add(row(line));
            }
            JasperPrint print = JasperFillManager.getInstance(context).fill(report, parameters,
                    new JRMapCollectionDataSource(rows));
            print.setName("疎通確認結果");
            JRPdfExporter exporter = new JRPdfExporter(context);
            exporter.setExporterInput(new SimpleExporterInput(print));
            SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
            configuration.setMetadataTitle("疎通確認結果");
            configuration.setMetadataCreator("govcloud-ops");
            configuration.setTagged(true);
            configuration.setTagLanguage("ja");
            exporter.setConfiguration(configuration);
            exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
            exporter.exportReport();
        } catch (JRException e) {
            throw new IllegalStateException("cannot render the connectivity sheet: " + e.getMessage(), e);
        }
    }

    /** RFC 4180 with a header row: one row per direction, interface and port, then a row per direction's verdict. */
    public void writeCsv(Writer out) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(CSV_HEADER).get());
        for (Line line : lines()) {
            csv.printRecord(row(line).values());
        }
        for (Direction d : List.of(evidence.outbound(), evidence.back())) {
            if (d.lines().isEmpty()) {
                csv.printRecord(d.name(), "", "", port(), protocol(), 0, 0, "", "", 0, 0, d.verdict());
            }
        }
        csv.flush();
    }

    private List<Line> lines() {
        List<Line> lines = new ArrayList<>(evidence.outbound().lines());
        lines.addAll(evidence.back().lines());
        return lines;
    }

    private Map<String, String> row(Line line) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("direction", line.direction());
        row.put("account", line.account());
        row.put("interfaceId", line.interfaceId());
        row.put("port", line.port() == null ? "-" : line.port().toString());
        row.put("protocol", protocolName(line.protocol()));
        row.put("accepted", Long.toString(line.acceptedFlows()));
        row.put("rejected", Long.toString(line.rejectedFlows()));
        row.put("firstSeen", time(line.firstSeen()));
        row.put("lastSeen", time(line.lastSeen()));
        row.put("packets", Long.toString(line.packets()));
        row.put("bytes", Long.toString(line.bytes()));
        row.put("verdict", line.verdict());
        return row;
    }

    private String requestText() {
        ConnectivityCheck.Request r = evidence.request();
        return "送信元 " + r.source() + " → 宛先 " + r.destination() + "　ポート " + port() + "　プロトコル " + protocol()
                + "\n期間 " + time(r.since()) + " ～ " + time(r.until()) + "（" + zone.getId() + "）"
                + (r.accounts().isEmpty() ? "" : "　アカウント " + String.join(", ", r.accounts()));
    }

    private String verdictText() {
        return "判定: 往路 " + evidence.outbound().verdict() + "　／　復路 " + evidence.back().verdict();
    }

    /** Which partitions were read and what the window lacks, so that no record is never mistaken for no log. */
    String coverageText() {
        StringBuilder text = new StringBuilder("読み込んだパーティション（フローログ）: ");
        List<String> read = new ArrayList<>();
        for (ArchiveSearch.PartitionRead p : evidence.outbound().read().partitions()) {
            read.add(p.partition().day() + " " + p.partition().account() + " " + p.partition().region()
                    + (p.read() ? "" : "（対象期間の記録なし）"));
        }
        text.append(read.isEmpty() ? "なし" : String.join("、", read));
        List<String> missing = new ArrayList<>(evidence.outbound().read().missing());
        evidence.back().read().missing().stream().filter(m -> !missing.contains(m)).forEach(missing::add);
        text.append("\nログ欠損: ").append(missing.isEmpty() ? "なし" : String.join("\n　", missing));
        return text.toString();
    }

    private String port() {
        return evidence.request().port() == null ? "すべて" : evidence.request().port().toString();
    }

    private String protocol() {
        return evidence.request().protocol() == null ? "すべて" : evidence.request().protocol();
    }

    private static String protocolName(Integer protocol) {
        if (protocol == null) {
            return "-";
        }
        return switch (protocol) {
            case 6 -> "tcp";
            case 17 -> "udp";
            case 1 -> "icmp";
            case 58 -> "icmpv6";
            default -> protocol.toString();
        };
    }

    private String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(zone));
    }
}
