package jp.govcloudops.sample;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;

import jp.govcloudops.sample.SampleScenario.Insight;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import static jp.govcloudops.sample.Json.arr;
import static jp.govcloudops.sample.Json.obj;

/**
 * CloudTrail Insights events ({@code eventType AwsCloudTrailInsight}) under {@code CloudTrail-Insight/}: for each
 * insight of the scenario a Start event and, in a later file, its End event, sharing one {@code sharedEventID}.
 */
public final class CloudTrailInsightWriter implements SampleWriter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'")
            .withZone(ZoneOffset.UTC);
    /** The baseline CloudTrail Insights compares against: seven days, in minutes. */
    private static final int BASELINE_MINUTES = 7 * 24 * 60 - 1;

    @Override
    public String name() {
        return "cloudtrail-insight";
    }

    @Override
    public List<String> ownedPaths() {
        return List.of(SampleContext.LOGS);
    }

    @Override
    public void write(SampleContext context) {
        List<Insight> insights = context.scenario().insights();
        for (int i = 0; i < insights.size(); i++) {
            Insight insight = insights.get(i);
            SplittableRandom random = context.seeds().stream(name(), i);
            String shared = RandomText.uuid(random);
            writeFile(context, insight, event(insight, "Start", shared, random),
                    insight.start() + 900 + random.nextInt(600), random);
            writeFile(context, insight, event(insight, "End", shared, random),
                    insight.end() + 900 + random.nextInt(600), random);
        }
    }

    private static ObjectNode event(Insight insight, String state, String sharedEventId, SplittableRandom random) {
        ObjectNode statistics = obj("baseline", obj("average", insight.baselineAverage()),
                "insight", obj("average", insight.insightAverage()));
        if (state.equals("End")) {
            statistics.put("insightDuration", (int) ((insight.end() - insight.start()) / 60));
            statistics.put("baselineDuration", BASELINE_MINUTES);
        }
        String errorValue = insight.errorCode() == null ? "null" : insight.errorCode();
        ObjectNode details = obj("state", state, "eventSource", insight.eventSource(), "eventName",
                insight.eventName(), "insightType", insight.insightType());
        if (insight.errorCode() != null) {
            details.put("errorCode", insight.errorCode());
        }
        details.set("insightContext", obj("statistics", statistics, "attributions", arr(
                attribution("userIdentityArn", insight.principalArn(), insight),
                attribution("userAgent", insight.userAgent(), insight),
                attribution("errorCode", errorValue, insight))));
        return obj("eventVersion", "1.08", "eventTime", Json.iso(state.equals("Start") ? insight.start()
                : insight.end()), "awsRegion", insight.region(), "eventID", RandomText.uuid(random),
                "eventType", "AwsCloudTrailInsight", "recipientAccountId", insight.account().id(),
                "sharedEventID", sharedEventId, "insightDetails", details, "eventCategory", "Insight");
    }

    private static ObjectNode attribution(String attribute, String value, Insight insight) {
        return obj("attribute", attribute,
                "insight", arr(obj("value", value, "average", insight.insightAverage())),
                "baseline", arr(obj("value", value, "average", insight.baselineAverage())));
    }

    private void writeFile(SampleContext context, Insight insight, ObjectNode event, long deliveredAt,
            SplittableRandom random) {
        String account = insight.account().id();
        String region = insight.region();
        String key = "AWSLogs/" + account + "/CloudTrail-Insight/" + region + "/"
                + CloudTrailWriter.datePath(deliveredAt) + "/" + account + "_CloudTrail-Insight_" + region + "_"
                + STAMP.format(Instant.ofEpochSecond(deliveredAt)) + "_" + RandomText.of(random, RandomText.ALNUM, 16)
                + ".json.gz";
        byte[] json = ("{\"Records\":[" + new String(JSON.writeValueAsBytes(event), StandardCharsets.UTF_8) + "]}")
                .getBytes(StandardCharsets.UTF_8);
        context.writeLog(name(), key, ObjectSink.gzip(json), 1);
    }
}
