package jp.govcloudops.sample;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

import jp.govcloudops.sample.SampleEstate.Account;

/**
 * {@code records/}: the operators' own records of the sample period, as the operator-record CSV files
 * (docs/operator-records.md): work effort per month ({@code effort-YYYY-MM.csv}), incidents, inquiries and the risk
 * register. They tell the same story as the logs: every planted incident is answered (on call at night for the
 * severe ones, on the next business day for the others) after the nightly run that detects it, the worst become
 * incident records, the cost spike of 児童扶養手当 brings a cost review and an inquiry, and routine work fills the
 * business days.
 *
 * <p>Finding ids do not exist when the sample is generated, so effort and incidents name their finding by
 * {@code finding_ref}: the account and the Japan minute of the incident's first record, which the import resolves
 * to the finding detected there.
 */
public final class RecordsWriter implements SampleWriter {

    static final String DIR = "records";
    static final String LEAD = "田中 誠";
    static final String OPERATOR = "佐藤 美咲";
    static final String ANALYST = "鈴木 健太";
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");
    /** When the nightly run (which detects the previous day) has mailed its findings. */
    private static final LocalTime NIGHTLY_DONE = LocalTime.of(2, 30);

    @Override
    public String name() {
        return "records";
    }

    @Override
    public List<String> ownedPaths() {
        return List.of(DIR);
    }

    /** How the operators answered one kind of planted incident. */
    private record Response(boolean onCall, String category, String person, double hours, String note,
            String followUpCategory, double followUpHours, String followUpNote) {
    }

    private static Response response(String label) {
        return switch (label) {
            case "stop-logging" -> new Response(true, "アラート対応", ANALYST, 1.5,
                    "CloudTrail 証跡の停止（StopLogging）を確認し、ASP 事業者へ連絡して記録を再開", "障害対応", 2,
                    "証跡停止の経緯確認、停止権限の棚卸しと SCP による禁止の検討");
            case "access-denied-burst" -> new Response(false, "セキュリティ分析", ANALYST, 2.5,
                    "外部アドレス 198.51.100.23 からの一覧・参照系 API の拒否の集中を調査、アクセスキーの無効化を依頼", null, 0, null);
            case "root-signin" -> new Response(true, "アラート対応", ANALYST, 1,
                    "ルートユーザーのコンソールサインインを確認、発注者と ASP 事業者へ電話連絡", "セキュリティ分析", 3,
                    "認証情報漏えいの疑いの調査（アクセスキー、ルートのパスワード・MFA、操作履歴）");
            case "delete-flow-logs" -> new Response(true, "アラート対応", OPERATOR, 1,
                    "VPC フローログの削除（DeleteFlowLogs）を確認、作業者に経緯を確認して再作成を依頼", null, 0, null);
            case "console-login-without-mfa" -> new Response(true, "アラート対応", OPERATOR, 0.75,
                    "MFA なしのコンソールサインインを確認、利用者へ MFA の設定を依頼", null, 0, null);
            case "port-scan" -> new Response(false, "アラート対応", OPERATOR, 1,
                    "外部（203.0.113.66）からのポートスキャンを確認、公開ロードバランサ以外への到達がないことを確認", null, 0, null);
            case "sg-open-ssh-world" -> new Response(true, "アラート対応", ANALYST, 1,
                    "SSH（22/tcp）のインターネット全体への開放を確認、ASP 事業者へ連絡しルールを削除", "構成・コストレビュー", 1,
                    "セキュリティグループ変更の承認手順を ASP 事業者と確認");
            case "rejected-traffic-spike" -> new Response(false, "アラート対応", OPERATOR, 1.5,
                    "レセプト DB への接続拒否の急増を調査、送信元のバッチサーバ（10.100.20.31）の設定誤りを庁内担当へ連絡",
                    null, 0, null);
            case "exfiltration-spike" -> new Response(true, "アラート対応", ANALYST, 2,
                    "インターネット向け通信量の急増（10.4.1.25 → 198.51.100.200:443、約 3.4 GB）を確認、外部通信の遮断を依頼",
                    "障害対応", 3, "持ち出しの疑いの調査（通信の宛先・時間帯、サーバのプロセスとログ）、関係者への報告");
            default -> new Response(false, "アラート対応", OPERATOR, 1, "検知の確認", null, 0, null);
        };
    }

    /** One row of an effort file, in Japan time. */
    private record Effort(LocalDate date, LocalTime start, double hours, String category, String person, String findingRef,
            String note) {
    }

    @Override
    public void write(SampleContext context) {
        SampleEstate estate = context.estate();
        SampleCalendar calendar = estate.calendar();
        SampleOptions options = context.options();
        SplittableRandom random = context.seeds().stream(name(), "effort");
        List<LocalDate> days = options.days();
        List<Effort> effort = new ArrayList<>();

        // Routine: the morning check on every business day, the weekly review, last month's report, the meeting.
        for (LocalDate day : days) {
            if (!calendar.isBusinessDay(day)) {
                continue;
            }
            effort.add(new Effort(day, LocalTime.of(9, 0), 0.5 + 0.25 * random.nextInt(3),
                    "定常監視", day.getDayOfYear() % 2 == 0 ? OPERATOR : ANALYST, null,
                    "ログ受信状況・夜間処理の結果・検知一覧の確認"));
            if (day.getDayOfWeek() == DayOfWeek.FRIDAY) {
                effort.add(new Effort(day, LocalTime.of(15, 0), 1, "構成・コストレビュー", LEAD, null,
                        "構成変更（CloudTrail の変更系 API）と利用料の週次確認"));
            }
        }
        for (YearMonth month : months(options)) {
            List<LocalDate> business = days.stream().filter(d -> YearMonth.from(d).equals(month))
                    .filter(calendar::isBusinessDay).toList();
            if (business.size() >= 2) {
                YearMonth previous = month.minusMonths(1);
                effort.add(new Effort(business.get(0), LocalTime.of(13, 0), 3, "報告書作成", LEAD, null,
                        previous.getMonthValue() + "月分の月次運用報告書の作成"));
                effort.add(new Effort(business.get(1), LocalTime.of(13, 0), 2, "報告書作成", LEAD, null,
                        previous.getMonthValue() + "月分の月次運用報告書の確認・提出"));
            }
            business.stream().filter(d -> d.getDayOfMonth() > 7 && d.getDayOfWeek() == DayOfWeek.WEDNESDAY).findFirst()
                    .ifPresent(d -> {
                        effort.add(new Effort(d, LocalTime.of(14, 0), 1.5, "会議", LEAD, null, "月次定例会（県・ASP 事業者）"));
                        effort.add(new Effort(d, LocalTime.of(14, 0), 1.5, "会議", OPERATOR, null, "月次定例会（県・ASP 事業者）"));
                    });
            if (!business.isEmpty()) {
                effort.add(new Effort(business.get(business.size() - 1), LocalTime.of(10, 0), 2, "セキュリティ分析",
                        ANALYST, null, "当月の検知結果の分析（重要度の低い検知の傾向、誤検知の確認）"));
            }
        }

        // The mandatory-template updates: the first two deployments inside 受付時間 after the first week.
        scenarioTemplateWork(context, effort);

        // Planted incidents: answered after the nightly run that detects them.
        for (PlantedIncident incident : context.scenario().incidents()) {
            Response r = response(incident.label());
            LocalDateTime first = jst(incident.firstTime());
            LocalDateTime detected = first.toLocalDate().plusDays(1).atTime(NIGHTLY_DONE);
            LocalDateTime start = r.onCall() ? onCall(detected) : nextBusinessMorning(calendar, detected, 9, 30);
            if (start.toLocalDate().isAfter(options.to().plusDays(1))) {
                continue;
            }
            String ref = reference(incident);
            effort.add(new Effort(start.toLocalDate(), start.toLocalTime(), r.hours(), r.category(), r.person(), ref, r.note()));
            if (r.followUpCategory() != null) {
                LocalDateTime follow = nextBusinessMorning(calendar, start.plusHours(1), 10, 0);
                if (!follow.toLocalDate().isAfter(options.to().plusDays(1))) {
                    effort.add(new Effort(follow.toLocalDate(), follow.toLocalTime(), r.followUpHours(),
                            r.followUpCategory(), r.followUpCategory().equals("障害対応") ? LEAD : r.person(), ref,
                            r.followUpNote()));
                }
            }
        }

        // The cost spike: the forecast notice arrives a few nights after the fleet starts; reviewed next business day.
        Account jido = estate.accounts().get(3);
        LocalDate costReview = nextBusinessMorning(calendar, CostWriter.spikeStart(options).plusDays(3).atTime(NIGHTLY_DONE),
                10, 30).toLocalDate();
        if (!costReview.isAfter(options.to())) {
            effort.add(new Effort(costReview, LocalTime.of(10, 30), 1.5, "構成・コストレビュー", LEAD, null,
                    "利用料通知（" + jido.system() + "、月末予測が予算超過）を受け、負荷試験用 EC2（c6i.4xlarge×6）の稼働を確認、"
                            + "ASP 事業者へ停止予定を照会"));
        }

        List<String[]> inquiries = inquiries(context, costReview, effort);
        effort.sort(Comparator.comparing(Effort::date).thenComparing(Effort::start).thenComparing(Effort::category)
                .thenComparing(Effort::person));
        writeEffort(context, effort);
        writeIncidents(context);
        write(context, "inquiries.csv", List.of("id", "received", "channel", "requester", "subject", "answer", "answered",
                "status", "person"), inquiries);
        writeRisks(context, costReview);
    }

    private static List<YearMonth> months(SampleOptions options) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(options.from()); !m.isAfter(YearMonth.from(options.to())); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    private static void scenarioTemplateWork(SampleContext context, List<Effort> effort) {
        SampleCalendar calendar = context.estate().calendar();
        LocalDate after = context.options().from().plusDays(7);
        int added = 0;
        for (SampleScenario.Deployment deployment : context.scenario().deployments().stream()
                .sorted(Comparator.comparingLong(SampleScenario.Deployment::start)).toList()) {
            LocalDateTime at = jst(deployment.start());
            if (added == 2 || at.toLocalDate().isBefore(after)
                    || !calendar.isInsideServiceHours(Instant.ofEpochSecond(deployment.start()).atZone(SampleCalendar.JST))) {
                continue;
            }
            LocalDateTime start = at.minusMinutes(30 + at.getMinute() % 15);
            effort.add(new Effort(start.toLocalDate(), start.toLocalTime(), 1.5, "テンプレート適用", OPERATOR, null,
                    "必須適用テンプレートの更新を " + deployment.account().system() + " に適用（GovCloudDeployRole による"
                            + " Terraform 実行の立会い・結果確認）"));
            added++;
        }
    }

    private static LocalDateTime jst(long epochSecond) {
        return LocalDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), SampleCalendar.JST);
    }

    /**
     * The finding reference of an incident: its account and the Japan minute of its first record, or for flow logs
     * the start of that hour, since flow findings are per hour.
     */
    private static String reference(PlantedIncident incident) {
        LocalDateTime first = jst(incident.firstTime());
        if (incident.logType().equals("vpcflow")) {
            first = first.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        }
        return incident.account().id() + "@" + first.format(MINUTE);
    }

    /** A severe finding mailed at night is taken up by the person on call at 08:00, or at once if later. */
    private static LocalDateTime onCall(LocalDateTime detected) {
        LocalDateTime eight = detected.toLocalDate().atTime(8, 0);
        return detected.isAfter(eight) ? detected.plusMinutes(30) : eight;
    }

    private static LocalDateTime nextBusinessMorning(SampleCalendar calendar, LocalDateTime after, int hour, int minute) {
        LocalDate day = after.toLocalDate();
        if (!after.toLocalTime().isBefore(LocalTime.of(hour, minute))) {
            day = day.plusDays(1);
        }
        while (!calendar.isBusinessDay(day)) {
            day = day.plusDays(1);
        }
        return day.atTime(hour, minute);
    }

    private void writeEffort(SampleContext context, List<Effort> effort) {
        TreeMap<YearMonth, List<String[]>> byMonth = new TreeMap<>();
        SampleOptions options = context.options();
        for (Effort e : effort) {
            if (e.date().isBefore(options.from()) || e.date().isAfter(options.to())) {
                continue;
            }
            byMonth.computeIfAbsent(YearMonth.from(e.date()), k -> new ArrayList<>()).add(new String[] {
                    e.date().toString(), e.start().toString(), hours(e.hours()), e.category(), e.person(),
                    e.findingRef(), e.note()});
        }
        byMonth.forEach((month, rows) -> write(context, "effort-" + month + ".csv",
                List.of("date", "start", "hours", "category", "person", "finding_ref", "note"), rows));
    }

    private static String hours(double hours) {
        return hours == Math.rint(hours) ? String.valueOf((long) hours) : String.valueOf(hours);
    }

    private PlantedIncident incident(SampleContext context, String label) {
        return context.scenario().incidents().stream().filter(i -> i.label().equals(label)).findFirst().orElse(null);
    }

    private void writeIncidents(SampleContext context) {
        SampleCalendar calendar = context.estate().calendar();
        List<String[]> rows = new ArrayList<>();
        int year = context.options().from().getYear();
        PlantedIncident stop = incident(context, "stop-logging");
        PlantedIncident denied = incident(context, "access-denied-burst");
        PlantedIncident root = incident(context, "root-signin");
        PlantedIncident ssh = incident(context, "sg-open-ssh-world");
        PlantedIncident exfiltration = incident(context, "exfiltration-spike");
        List<Object[]> planned = new ArrayList<>();
        if (!context.scenario().skippedRecords().isEmpty()) {
            FlowRow skipped = context.scenario().skippedRecords().stream().min(Comparator.comparingLong(FlowRow::start))
                    .orElseThrow();
            LocalDateTime at = jst(skipped.start());
            LocalDateTime detected = at.toLocalDate().plusDays(1).atTime(NIGHTLY_DONE);
            planned.add(new Object[] {at, new String[] {null, "VPC フローログの記録欠落（SKIPDATA）", "軽微", minute(at),
                    minute(detected), "検知（フローログの記録欠落）・夜間処理", "VPC フローログ",
                    "欠落した時間帯の通信は記録されていない（フローログの集計・検知の対象外）",
                    "AWS 側の容量制約による記録の欠落（AWS の仕様。利用者側の設定の問題ではない）",
                    "欠落の時間帯を月次運用報告書に記載。継続する場合は AWS へ問い合わせる", "県 デジタル政策課",
                    minute(nextBusinessMorning(calendar, detected, 11, 0)), minute(detected), "完了", null}});
        }
        if (stop != null) {
            LocalDateTime at = jst(stop.firstTime());
            LocalDateTime detected = at.toLocalDate().plusDays(1).atTime(NIGHTLY_DONE);
            LocalDateTime restored = onCall(detected).plusMinutes(90);
            planned.add(new Object[] {at, new String[] {null, "CloudTrail 証跡の停止（" + stop.account().system() + "）", "中",
                    minute(at), minute(detected), "検知（CloudTrail ログ記録の停止）の通知", label(stop.account()),
                    "停止から再開までの約 " + java.time.Duration.between(at, restored).toHours()
                            + " 時間、当該アカウントの API 操作が監査証跡に記録されなかった",
                    "ASP 事業者の保守作業で、証跡の設定変更の手順を誤り記録を停止した",
                    "証跡を再開。StopLogging・DeleteTrail を SCP で禁止する案を県へ提出（課題・リスク参照）",
                    "県 デジタル政策課、" + stop.account().system() + " ASP 事業者",
                    minute(nextBusinessMorning(calendar, restored, 11, 0)), minute(restored), "完了", reference(stop)}});
        }
        if (denied != null && root != null) {
            // The denied burst is detected first (an analysis on the next business day), the root sign-in the night
            // after, which makes it an incident and brings the person on call.
            LocalDateTime at = jst(denied.firstTime());
            LocalDateTime detected = at.toLocalDate().plusDays(1).atTime(NIGHTLY_DONE);
            LocalDateTime rootDetected = jst(root.firstTime()).toLocalDate().plusDays(1).atTime(NIGHTLY_DONE);
            LocalDateTime contained = onCall(rootDetected).plusHours(2);
            planned.add(new Object[] {at, new String[] {null, "認証情報漏えいの疑い（" + root.account().system() + "）", "重大",
                    minute(at), minute(detected), "検知（権限のない API 呼び出しの多発、ルートユーザーの使用）の通知",
                    label(root.account()),
                    "外部アドレスから一覧・参照系 API の呼出し（拒否）と、ルートユーザーのコンソールサインインがあった。"
                            + "データの変更・削除の記録はない",
                    "調査中（バッチ用アクセスキーの漏えいの疑い。ルートの認証情報の管理状況を確認中）",
                    "アクセスキーを無効化、ルートのパスワード変更と MFA の再設定、送信元アドレスの遮断。操作履歴を継続して監視",
                    "県 デジタル政策課、" + root.account().system() + " ASP 事業者、デジタル庁",
                    minute(contained.plusHours(2)), minute(contained), "経過観察", reference(root)}});
        }
        if (ssh != null) {
            LocalDateTime at = jst(ssh.firstTime());
            LocalDateTime detected = at.toLocalDate().plusDays(1).atTime(NIGHTLY_DONE);
            LocalDateTime removed = onCall(detected).plusMinutes(40);
            planned.add(new Object[] {at, new String[] {null, "SSH のインターネット全体への開放（" + ssh.account().system() + "）",
                    "中", minute(at), minute(detected), "検知（管理ポートの全開放）の通知", label(ssh.account()),
                    "約 " + java.time.Duration.between(at, removed).toHours() + " 時間、22/tcp が 0.0.0.0/0 に開放された。"
                            + "外部からの接続の記録はない",
                    "ASP 事業者の作業者が保守用の一時ルールを誤った送信元で追加した",
                    "ルールを削除。セキュリティグループ変更の承認手順を ASP 事業者と確認", "県 デジタル政策課、"
                            + ssh.account().system() + " ASP 事業者",
                    minute(nextBusinessMorning(calendar, removed, 11, 0)), minute(removed), "完了", reference(ssh)}});
        }
        if (exfiltration != null) {
            LocalDateTime at = jst(exfiltration.firstTime());
            LocalDateTime detected = at.toLocalDate().plusDays(1).atTime(NIGHTLY_DONE);
            planned.add(new Object[] {at, new String[] {null, "インターネット向け大量通信（持ち出しの疑い、"
                    + exfiltration.account().system() + "）", "重大", minute(at), minute(detected),
                    "検知（インターネット向け通信量の急増）の通知", label(exfiltration.account()),
                    "アプリケーションサーバ（" + SampleScenario.EXFILTRATION_SOURCE + "）から外部（"
                            + SampleScenario.EXFILTRATION_TARGET + ":443）へ約 3.4 GB が送信された",
                    "調査中", "当該サーバの外部向け通信を遮断。ASP 事業者と通信内容・プロセスを調査中",
                    "県 デジタル政策課、" + exfiltration.account().system() + " ASP 事業者、デジタル庁",
                    minute(onCall(detected).plusHours(3)), null, "対応中", reference(exfiltration)}});
        }
        planned.sort(Comparator.comparing(o -> (LocalDateTime) o[0]));
        int n = 1;
        for (Object[] p : planned) {
            String[] row = (String[]) p[1];
            row[0] = String.format("INC-%d-%03d", year, n++);
            rows.add(row);
        }
        write(context, "incidents.csv", List.of("id", "title", "severity", "occurred", "detected", "detected_by", "accounts",
                "impact", "cause", "measures", "shared_with", "shared", "resolved", "status", "finding_ref"), rows);
    }

    private static String label(Account account) {
        return account.system() + "（" + account.id() + "）";
    }

    private static String minute(LocalDateTime time) {
        return time == null ? null : time.format(MINUTE);
    }

    /** Inquiries of the period; each answered one also becomes an effort row. */
    private List<String[]> inquiries(SampleContext context, LocalDate costReview, List<Effort> effort) {
        SampleCalendar calendar = context.estate().calendar();
        SampleOptions options = context.options();
        List<LocalDate> business = options.days().stream().filter(calendar::isBusinessDay).toList();
        List<String[]> rows = new ArrayList<>();
        if (business.size() < 10) {
            return rows;
        }
        int year = options.from().getYear();
        List<Object[]> planned = new ArrayList<>();
        planned.add(new Object[] {business.get(3).atTime(10, 20), "メール", "県 デジタル政策課",
                "前月分の月次運用報告書について、利用料の前月比の増減理由を知りたい",
                "増加は主に生活保護システムの RDS の容量追加による。報告書の該当箇所と内訳を回答した", 1, LEAD, 0.75});
        planned.add(new Object[] {business.get(6).atTime(15, 40), "電話", "レセプト管理システム ASP 事業者",
                "保守作業で CloudTrail の設定を変更する場合の事前連絡の要否",
                "証跡の変更は事前に運用管理補助者へ連絡し、作業後に記録の継続を確認する手順を案内した", 0, OPERATOR, 0.5});
        PlantedIncident root = incident(context, "root-signin");
        if (root != null) {
            LocalDate day = nextBusinessMorning(calendar, jst(root.firstTime()).plusDays(1), 13, 0).toLocalDate();
            planned.add(new Object[] {day.atTime(13, 10), "電話", "県 デジタル政策課",
                    "児童扶養手当システムの認証情報漏えいの疑いについて、住民情報への影響の有無",
                    "データの変更・削除・持ち出しの記録はないこと、調査の状況と今後の監視を回答した", 0, LEAD, 1.0});
        }
        if (!costReview.isAfter(options.to())) {
            planned.add(new Object[] {costReview.atTime(16, 5), "メール", "県 デジタル政策課（予算担当）",
                    "児童扶養手当システムの利用料が月額予算を超える見込みの理由と見通し",
                    "負荷試験用 EC2 の常時稼働による。ASP 事業者の停止予定と、停止しない場合の月末の見込み額を回答した", 1, LEAD, 1.0});
        }
        planned.add(new Object[] {business.get(business.size() - 3).atTime(11, 30), "メール", "A市 情報政策課",
                "ガバメントクラウド上の標準準拠システムへの庁内端末からの接続経路（LGCS 経由）の確認",
                "LGCS 経由の経路と許可されている宛先を回答した", 0, OPERATOR, 0.5});
        planned.add(new Object[] {business.get(business.size() - 1).atTime(14, 0), "メール", "生活保護システム ASP 事業者",
                "大阪リージョン（DR 環境）への切替試験の実施時期の相談", null, -1, ANALYST, 0.5});
        planned.sort(Comparator.comparing(o -> (LocalDateTime) o[0]));
        int n = 1;
        for (Object[] p : planned) {
            LocalDateTime received = (LocalDateTime) p[0];
            int answerDays = (Integer) p[5];
            String person = (String) p[6];
            LocalDateTime answered = null;
            if (answerDays >= 0) {
                LocalDate day = received.toLocalDate();
                for (int i = 0; i < answerDays; i++) {
                    day = nextBusinessMorning(calendar, day.atTime(23, 0), 9, 0).toLocalDate();
                }
                answered = answerDays == 0 ? received.plusMinutes(50) : day.atTime(11, 0);
            }
            String id = String.format("Q-%d-%03d", year, n++);
            rows.add(new String[] {id, minute(received), (String) p[1], (String) p[2], (String) p[3], (String) p[4],
                    minute(answered), answered == null ? "対応中" : answerDays == 0 ? "完了" : "回答済", person});
            LocalDateTime work = answered == null ? received.plusMinutes(20) : answered.minusMinutes(45);
            effort.add(new Effort(work.toLocalDate(), work.toLocalTime().withSecond(0), (Double) p[7], "問合せ対応", person,
                    null, id + " " + p[2] + "からの問合せへの対応"));
        }
        return rows;
    }

    private void writeRisks(SampleContext context, LocalDate costReview) {
        SampleOptions options = context.options();
        LocalDate from = options.from();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"R-001", from.minusDays(92).toString(), "大阪リージョン（DR 環境）への切替手順が未訓練",
                "切替手順書はあるが、実環境での切替試験を実施していない", "高", "低", "年度内に ASP 事業者と切替試験を計画・実施する",
                LEAD, "対応中", LocalDate.of(from.getMonthValue() >= 4 ? from.getYear() + 1 : from.getYear(), 3, 31).toString(), null});
        rows.add(new String[] {"R-002", from.minusDays(61).toString(), "オンプレミスのバッチ用アクセスキーの長期利用",
                "ローテーションされていないアクセスキーが複数ある。漏えい時の影響が大きい", "高", "中",
                "IAM Roles Anywhere への移行、移行までは 90 日ごとのローテーション", ANALYST, "対応中",
                from.plusDays(60).toString(), null});
        rows.add(new String[] {"R-003", from.minusDays(75).toString(), "フローログの保存期間が要件（1 年）に満たない",
                "ログ保管バケットのライフサイクルが 180 日で削除する設定だった", "中", "高",
                "ライフサイクルを 400 日に変更し、削除済みの期間を報告", OPERATOR, "解決済", from.plusDays(2).toString(),
                from.plusDays(2).toString()});
        PlantedIncident stop = incident(context, "stop-logging");
        if (stop != null) {
            LocalDate identified = jst(stop.firstTime()).toLocalDate().plusDays(1);
            rows.add(new String[] {"R-004", identified.toString(), "ASP 事業者に CloudTrail 証跡を停止できる権限がある",
                    "証跡の停止（" + identified.minusDays(1) + "）で顕在化。停止・削除を防ぐ仕組みがない", "高", "中",
                    "SCP で StopLogging・DeleteTrail を禁止（デジタル庁の必須適用テンプレートとの整合を確認）", LEAD, "対応中",
                    identified.plusDays(30).toString(), null});
        }
        if (!costReview.isAfter(options.to())) {
            rows.add(new String[] {"R-005", costReview.toString(), "検証用リソースの停止漏れによる利用料の予算超過",
                    "負荷試験用 EC2 が常時稼働し、児童扶養手当システムの月額予算を超過した", "中", "高",
                    "検証環境の停止期限を ASP 事業者と合意し、週次確認で稼働を点検する", LEAD, "監視中", null, null});
        }
        write(context, "risks.csv", List.of("id", "identified", "title", "description", "impact", "likelihood",
                "countermeasure", "owner", "status", "due", "closed"), rows);
    }

    private void write(SampleContext context, String file, List<String> header, List<String[]> rows) {
        StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                csv.append(field(row[i]));
            }
            csv.append('\n');
        }
        context.sink().write(name(), DIR + "/" + file, csv.toString().getBytes(StandardCharsets.UTF_8), rows.size());
    }

    /** RFC 4180: quoted when it holds a comma, a quote or a line break. */
    private static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
