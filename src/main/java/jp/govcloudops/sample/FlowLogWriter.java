package jp.govcloudops.sample;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import jp.govcloudops.sample.SampleEstate.Account;
import jp.govcloudops.sample.SampleEstate.FlowFormat;
import jp.govcloudops.sample.SampleEstate.FlowLog;
import jp.govcloudops.sample.SampleEstate.Vpc;

/**
 * VPC flow logs in every layout the estate uses: default v2 text, a custom v5 field order, Parquet; plain,
 * Hive-compatible and per-hour prefixes. One file per flow log and delivery window, named
 * {@code <account>_vpcflowlogs_<region>_<flow-log-id>_<YYYYMMDDTHHmmZ>_<hash>.log.gz} ({@code .log.parquet}),
 * stamped with the window's start. Each VPC gets about its share of 20,000 x scale records a day.
 */
public final class FlowLogWriter implements SampleWriter {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'")
            .withZone(ZoneOffset.UTC);

    @Override
    public String name() {
        return "vpcflow";
    }

    @Override
    public List<String> ownedPaths() {
        return List.of(SampleContext.LOGS);
    }

    @Override
    public void write(SampleContext context) {
        SampleOptions options = context.options();
        FlowBackground background = new FlowBackground(context.estate());
        DeliverySchedule schedule = options.schedule();
        for (Account account : context.estate().accounts()) {
            for (Vpc vpc : account.vpcs()) {
                for (LocalDate day : options.days()) {
                    SplittableRandom random = context.seeds().stream(name(), account.id(), vpc.id(), day);
                    double target = SampleOptions.FLOW_RECORDS_PER_DAY * options.scale() * vpc.flowShare()
                            * DayShape.dayFactor(day, context.estate().calendar(), 1.04, 0.9)
                            * (0.97 + 0.06 * random.nextDouble());
                    List<FlowRow> rows = background.day(account, vpc, day, target, random);
                    rows.addAll(context.scenario().plantedFlows(vpc, day));
                    rows.sort(Comparator.comparingLong(FlowRow::start));
                    for (FlowLog flowLog : vpc.flowLogs()) {
                        List<FlowRow> logged = rows.stream().filter(r -> r.eni.flowLogId().equals(flowLog.id()))
                                .toList();
                        deliver(context, account, vpc, flowLog, day, schedule, logged, random);
                    }
                }
            }
        }
    }

    private void deliver(SampleContext context, Account account, Vpc vpc, FlowLog flowLog, LocalDate day,
            DeliverySchedule schedule, List<FlowRow> rows, SplittableRandom random) {
        int next = 0;
        for (long[] window : schedule.windows(day)) {
            List<FlowRow> batch = new ArrayList<>();
            while (next < rows.size() && rows.get(next).start() < window[1]) {
                batch.add(rows.get(next++));
            }
            if (!batch.isEmpty()) {
                writeFile(context, account, vpc, flowLog, window[0], batch, random);
            }
        }
        if (next < rows.size()) {
            throw new IllegalStateException("a flow record of " + day + " starts after the day: "
                    + rows.get(next).start());
        }
    }

    private void writeFile(SampleContext context, Account account, Vpc vpc, FlowLog flowLog, long stampTime,
            List<FlowRow> rows, SplittableRandom random) {
        String key = folder(account, vpc.region(), flowLog, stampTime) + account.id() + "_vpcflowlogs_"
                + vpc.region() + "_" + flowLog.id() + "_" + STAMP.format(Instant.ofEpochSecond(stampTime)) + "_"
                + RandomText.of(random, RandomText.HEX, 8)
                + (flowLog.format() == FlowFormat.V5_PARQUET ? ".log.parquet" : ".log.gz");
        List<FlowLogFields> fields = FlowLogFields.of(flowLog.format());
        int version = FlowLogFields.version(flowLog.format());
        if (flowLog.format() == FlowFormat.V5_PARQUET) {
            long size = FlowLogEncoders.parquet(fields, version, rows, context.logPath(key));
            context.sink().count(name(), size, rows.size());
        } else {
            context.writeLog(name(), key, FlowLogEncoders.text(fields, version, rows), rows.size());
        }
        for (FlowRow row : rows) {
            if (row.incident() != null) {
                row.incident().wroteTo(key);
            }
        }
    }

    /** The object's folder in the flow log's layout, ending with a slash. */
    static String folder(Account account, String region, FlowLog flowLog, long time) {
        ZonedDateTime t = Instant.ofEpochSecond(time).atZone(ZoneOffset.UTC);
        if (flowLog.hive()) {
            return String.format("AWSLogs/aws-account-id=%s/aws-service=vpcflowlogs/aws-region=%s/year=%04d/month=%02d"
                    + "/day=%02d/%s", account.id(), region, t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
                    flowLog.perHour() ? String.format("hour=%02d/", t.getHour()) : "");
        }
        return String.format("AWSLogs/%s/vpcflowlogs/%s/%04d/%02d/%02d/%s", account.id(), region, t.getYear(),
                t.getMonthValue(), t.getDayOfMonth(), flowLog.perHour() ? String.format("%02d/", t.getHour()) : "");
    }
}
