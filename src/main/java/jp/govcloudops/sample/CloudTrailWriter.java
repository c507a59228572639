package jp.govcloudops.sample;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import jp.govcloudops.sample.Principal.Persona;
import jp.govcloudops.sample.SampleEstate.Account;
import jp.govcloudops.sample.SampleScenario.Deployment;
import tools.jackson.databind.ObjectMapper;

import static jp.govcloudops.sample.Json.items;
import static jp.govcloudops.sample.Json.obj;

/**
 * CloudTrail log files: {@code AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/<account>_CloudTrail_<region>_
 * <YYYYMMDDTHHmmZ>_<unique>.json.gz}, one per stream and delivery window, named and filed by delivery time. The
 * last ten minutes of each day are delivered just after midnight, so their file sits in the next day's folder.
 *
 * <p>Each (account, region, day) gets about its share of 5,000 x scale records: console sign-ins of the
 * operators (always with MFA), scheduled deployments, the on-premises batch, then routine calls of every persona
 * until the day's count is reached; planted incident records join the files their times fall in.
 */
public final class CloudTrailWriter implements SampleWriter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'")
            .withZone(ZoneOffset.UTC);
    private static final double BACKGROUND_DENIED = 0.004;
    private static final int MAX_DENIED_PER_PRINCIPAL_DAY = 3;

    private final CloudTrailCatalog catalog = new CloudTrailCatalog();

    @Override
    public String name() {
        return "cloudtrail";
    }

    @Override
    public List<String> ownedPaths() {
        return List.of(SampleContext.LOGS);
    }

    @Override
    public void write(SampleContext context) {
        SampleOptions options = context.options();
        DeliverySchedule schedule = options.schedule();
        for (Account account : context.estate().accounts()) {
            AccountResources resources = new AccountResources(account);
            for (String region : context.estate().regions()) {
                for (LocalDate day : options.days()) {
                    SplittableRandom random = context.seeds().stream(name(), account.id(), region, day);
                    List<ApiCall> calls = background(context, account, resources, region, day, random);
                    calls.addAll(context.scenario().plantedCalls(account.id(), region, day));
                    calls.sort(Comparator.comparingLong(ApiCall::time));
                    deliver(context, account, region, day, schedule, calls, random);
                }
            }
        }
    }

    private List<ApiCall> background(SampleContext context, Account account, AccountResources resources,
            String region, LocalDate day, SplittableRandom random) {
        SampleEstate estate = context.estate();
        boolean tokyo = region.equals(SampleEstate.TOKYO);
        double share = account.cloudTrailShare() * (tokyo ? 1 - account.osakaShare() : account.osakaShare());
        double target = SampleOptions.CLOUDTRAIL_RECORDS_PER_DAY * context.options().scale() * share
                * DayShape.dayFactor(day, estate.calendar(), 1.08, 0.8) * (0.96 + 0.08 * random.nextDouble());
        Map<DayShape, double[]> shapes = new EnumMap<>(DayShape.class);
        for (DayShape shape : DayShape.values()) {
            shapes.put(shape, shape.weights(day, estate.calendar()));
        }
        List<ApiCall> calls = new ArrayList<>();
        if (tokyo) {
            signIns(context, account, day, calls);
            batch(account, day, calls);
            for (Deployment deployment : context.scenario().deployments(account.id(), region, day)) {
                deployment(deployment, resources, random, calls);
            }
        }
        Map<Persona, Double> mix = mix(tokyo);
        List<Persona> personas = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (Map.Entry<Persona, Double> entry : mix.entrySet()) {
            if (!account.principals(entry.getKey()).isEmpty()
                    && (entry.getKey() != Persona.INSTANCE || !resources.instances(region).isEmpty())) {
                personas.add(entry.getKey());
                weights.add(entry.getValue());
            }
        }
        double[] w = weights.stream().mapToDouble(Double::doubleValue).toArray();
        Map<String, Integer> denied = new TreeMap<>();
        int fill = (int) Math.round(target) - calls.size();
        for (int i = 0; i < fill; i++) {
            Persona persona = personas.get(RandomText.weighted(random, w));
            DayShape shape = persona == Persona.OPERATOR ? DayShape.BUSINESS
                    : persona == Persona.BACKUP ? DayShape.NIGHT : DayShape.STEADY;
            long time = DayShape.draw(random, day, shapes.get(shape));
            ApiCall call = catalog.call(persona, account, resources, region, time, random);
            if (persona == Persona.OPERATOR && call.readOnly && random.nextDouble() < BACKGROUND_DENIED) {
                int already = denied.getOrDefault(call.principal().name(), 0);
                if (already < MAX_DENIED_PER_PRINCIPAL_DAY) {
                    denied.put(call.principal().name(), already + 1);
                    CloudTrailCatalog.deny(call, "*");
                }
            }
            calls.add(call);
        }
        return calls;
    }

    /** Relative call volume of each persona: Osaka is mostly AWS's own services looking around. */
    private static Map<Persona, Double> mix(boolean tokyo) {
        Map<Persona, Double> mix = new EnumMap<>(Persona.class);
        mix.put(Persona.CONFIG, tokyo ? 14.0 : 45.0);
        mix.put(Persona.GUARDDUTY, tokyo ? 5.0 : 15.0);
        mix.put(Persona.SECURITYHUB, tokyo ? 5.0 : 15.0);
        mix.put(Persona.BACKUP, tokyo ? 4.0 : 12.0);
        mix.put(Persona.INSTANCE, tokyo ? 22.0 : 10.0);
        mix.put(Persona.OPERATOR, tokyo ? 14.0 : 1.0);
        if (tokyo) {
            mix.put(Persona.SERVICE, 10.0);
            mix.put(Persona.TASK, 16.0);
        }
        return mix;
    }

    /**
     * Operators sign in on business mornings (08:30–10:30 JST), some again after lunch; always with MFA. A JST
     * morning straddles two UTC days, so each JST date decides its sign-ins from its own stream and each UTC day
     * keeps the ones that fall in it.
     */
    private static void signIns(SampleContext context, Account account, LocalDate day, List<ApiCall> calls) {
        long dayStart = day.toEpochDay() * 86_400L;
        for (LocalDate jstDate : List.of(day, day.plusDays(1))) {
            if (!context.estate().calendar().isBusinessDay(jstDate)) {
                continue;
            }
            long jstMidnight = jstDate.toEpochDay() * 86_400L - 9 * 3600;
            for (Principal operator : account.principals(Persona.OPERATOR)) {
                SplittableRandom random = context.seeds().stream("cloudtrail-sign-in", account.id(), operator.name(),
                        jstDate);
                List<Long> times = new ArrayList<>();
                if (random.nextDouble() < 0.85) {
                    times.add(jstMidnight + 8 * 3600 + 1800 + random.nextInt(7_200));
                }
                if (random.nextDouble() < 0.3) {
                    times.add(jstMidnight + 13 * 3600 + random.nextInt(7_200));
                }
                for (long time : times) {
                    if (time >= dayStart && time < dayStart + 86_400L) {
                        calls.add(signIn(operator, time, random));
                    }
                }
            }
        }
    }

    private static ApiCall signIn(Principal operator, long time, SplittableRandom random) {
        return new ApiCall(time, operator, "signin.amazonaws.com", "ConsoleLogin", false)
                .from(RandomText.pick(random, operator.sourceIps()), operator.userAgents().get(0))
                .eventType("AwsConsoleSignIn").request(null).response(obj("ConsoleLogin", "Success"))
                .additional(obj("LoginTo", "https://ap-northeast-1.console.aws.amazon.com/console/home?region="
                        + "ap-northeast-1&state=hashArgs%23&isauthcode=true", "MobileVersion", "No",
                        "MFAIdentifier", "arn:aws:iam::" + operator.accountId() + ":mfa/" + operator.name(),
                        "MFAUsed", "Yes"));
    }

    /** The on-premises batch reads its upload target every night at 01:30 JST. */
    private void batch(Account account, LocalDate day, List<ApiCall> calls) {
        for (Principal user : account.principals(Persona.BATCH)) {
            long time = day.toEpochDay() * 86_400L + 16 * 3600 + 30 * 60 + 5;
            calls.add(new ApiCall(time, user, "sts.amazonaws.com", "GetCallerIdentity", true)
                    .from(user.sourceIps().get(0), user.userAgents().get(0)).request(null));
            calls.add(new ApiCall(time + 2, user, "ssm.amazonaws.com", "GetParameter", true)
                    .from(user.sourceIps().get(0), user.userAgents().get(0))
                    .request(obj("name", "/" + account.slug() + "/batch/upload-target", "withDecryption", false)));
        }
    }

    private void deployment(Deployment deployment, AccountResources resources, SplittableRandom random,
            List<ApiCall> calls) {
        Account account = deployment.account();
        int total = deployment.calls() + deployment.extraCreateTags();
        for (int i = 0; i < total; i++) {
            long time = deployment.start() + (i < deployment.calls() ? random.nextInt(600) : random.nextInt(420));
            ApiCall call;
            if (i < deployment.calls()) {
                call = catalog.call(Persona.DEPLOY, account, resources, deployment.region(), time, random);
                if (call.eventName.equals("GetParameter") && random.nextDouble() < 0.02) {
                    call.error("ParameterNotFound", null);
                }
            } else {
                call = new ApiCall(time, account.principals(Persona.DEPLOY).get(0), "ec2.amazonaws.com",
                        "CreateTags", false);
                Principal role = call.principal();
                call.from(role.sourceIps().get(0), role.userAgents().get(0))
                        .request(obj("resourcesSet", items(obj("resourceId", "eni-" + RandomText.of(random,
                                RandomText.HEX, 17))), "tagSet", items(obj("key", "System", "value",
                                account.system()))))
                        .response(obj("requestId", RandomText.uuid(random), "_return", true));
            }
            calls.add(call);
        }
        if (deployment.opensHttpsToLgcs()) {
            Principal role = account.principals(Persona.DEPLOY).get(0);
            String group = resources.securityGroup(1);
            calls.add(new ApiCall(deployment.start() + 300, role, "ec2.amazonaws.com",
                    "AuthorizeSecurityGroupIngress", false).from(role.sourceIps().get(0), role.userAgents().get(0))
                    .request(obj("groupId", group, "ipPermissions", items(obj("ipProtocol", "tcp", "fromPort", 443,
                            "toPort", 443, "groups", Json.empty(), "ipRanges", items(obj("cidrIp", "10.100.0.0/16",
                                    "description", "LGCS terminals")), "ipv6Ranges", Json.empty(),
                            "prefixListIds", Json.empty()))))
                    .response(obj("requestId", RandomText.uuid(random), "_return", true)));
        }
    }

    /** Cuts the day's calls into delivery windows and writes one file per non-empty window. */
    private void deliver(SampleContext context, Account account, String region, LocalDate day,
            DeliverySchedule schedule, List<ApiCall> calls, SplittableRandom random) {
        long dayEnd = (day.toEpochDay() + 1) * 86_400L;
        long lateCut = dayEnd - 600;
        int next = 0;
        for (long[] window : schedule.windows(day)) {
            List<long[]> parts = new ArrayList<>();
            if (window[1] < dayEnd) {
                long latest = Math.min(9, (dayEnd - 60 - window[1]) / 60);
                parts.add(new long[] {window[0], window[1], window[1] + 60 * (1 + random.nextInt((int) latest))});
            } else if (window[0] < lateCut) {
                parts.add(new long[] {window[0], lateCut, lateCut + 60 * (1 + random.nextInt(9))});
                parts.add(new long[] {lateCut, window[1], window[1] + 60 * (1 + random.nextInt(9))});
            } else {
                parts.add(new long[] {window[0], window[1], window[1] + 60 * (1 + random.nextInt(9))});
            }
            for (long[] part : parts) {
                List<ApiCall> batch = new ArrayList<>();
                while (next < calls.size() && calls.get(next).time() < part[1]) {
                    batch.add(calls.get(next++));
                }
                if (!batch.isEmpty()) {
                    writeFile(context, account, region, part[2] + random.nextInt(60), batch, random);
                }
            }
        }
        if (next < calls.size()) {
            throw new IllegalStateException("a CloudTrail record of " + day + " falls after the day: "
                    + Json.iso(calls.get(next).time()) + " " + calls.get(next).eventName());
        }
    }

    private void writeFile(SampleContext context, Account account, String region, long deliveredAt,
            List<ApiCall> calls, SplittableRandom random) {
        String stamp = STAMP.format(java.time.Instant.ofEpochSecond(deliveredAt));
        String key = "AWSLogs/" + account.id() + "/CloudTrail/" + region + "/" + datePath(deliveredAt) + "/"
                + account.id() + "_CloudTrail_" + region + "_" + stamp + "_" + RandomText.of(random, RandomText.ALNUM, 16)
                + ".json.gz";
        ByteArrayOutputStream json = new ByteArrayOutputStream(calls.size() * 1_500);
        json.writeBytes("{\"Records\":[".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < calls.size(); i++) {
            if (i > 0) {
                json.write(',');
            }
            json.writeBytes(JSON.writeValueAsBytes(CloudTrailRecords.toJson(calls.get(i), region, random)));
        }
        json.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
        byte[] gz = ObjectSink.gzip(json.toByteArray());
        context.writeLog(name(), key, gz, calls.size());
        context.cloudTrailDeliveries().add(new SampleContext.Delivery(account.id(), region, key, deliveredAt,
                sha256(json.toByteArray()), calls.get(0).time(), calls.get(calls.size() - 1).time()));
        for (ApiCall call : calls) {
            if (call.incident() != null) {
                call.incident().wroteTo(key);
            }
        }
    }

    static String datePath(long epochSecond) {
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(epochSecond, 86_400L));
        return String.format("%04d/%02d/%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
