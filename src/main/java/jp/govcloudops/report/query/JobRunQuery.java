package jp.govcloudops.report.query;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import jp.govcloudops.report.ReportContext;

/**
 * The batch job runs (Spring Batch's job repository). Spring Batch writes its times in the local zone of the JVM
 * that ran the job; they are returned in Japan time.
 */
public final class JobRunQuery {

    /**
     * One job execution; {@code end} is null while it runs; {@code objects} is how many of the month's log objects
     * (by folder date) it ingested.
     */
    public record Run(String jobName, long executionId, LocalDateTime start, LocalDateTime end, String status,
            String exitCode, long objects) {
    }

    private JobRunQuery() {
    }

    /**
     * The runs that ingested the month's logs (objects of its folder dates, whenever the run was: a report made
     * after the month, or a reprocessing, finds them outside the month) and the runs started within the month, in
     * the order they started.
     */
    public static List<Run> forMonth(ReportContext c) {
        ZoneId jvm = ZoneId.systemDefault();
        LocalDateTime from = c.first().atStartOfDay(c.zone()).withZoneSameInstant(jvm).toLocalDateTime();
        LocalDateTime to = c.month().plusMonths(1).atDay(1).atStartOfDay(c.zone()).withZoneSameInstant(jvm).toLocalDateTime();
        return c.jdbc().queryForList("SELECT i.job_name, e.job_execution_id, e.start_time, e.end_time, e.status,"
                + " e.exit_code, COALESCE(n.objects, 0) AS objects FROM batch_job_execution e JOIN batch_job_instance i"
                + " ON i.job_instance_id = e.job_instance_id LEFT JOIN (SELECT o.job_execution_id, COUNT(*) AS objects"
                + " FROM source_object o JOIN log_partition p ON p.id = o.partition_id WHERE p.folder_date BETWEEN ? AND ?"
                + " AND o.job_execution_id IS NOT NULL GROUP BY o.job_execution_id) n"
                + " ON n.job_execution_id = e.job_execution_id WHERE (e.start_time >= ? AND e.start_time < ?)"
                + " OR n.objects IS NOT NULL ORDER BY e.start_time, e.job_execution_id", c.first(), c.last(), from, to)
                .stream()
                .map(r -> new Run(Rows.text(r, "job_name"), Rows.num(r, "job_execution_id"),
                        japan(Rows.timestamp(r, "start_time"), jvm, c), japan(Rows.timestamp(r, "end_time"), jvm, c),
                        Rows.text(r, "status"), Rows.text(r, "exit_code"), Rows.num(r, "objects"))).toList();
    }

    private static LocalDateTime japan(LocalDateTime jvmLocal, ZoneId jvm, ReportContext c) {
        return jvmLocal == null ? null : jvmLocal.atZone(jvm).withZoneSameInstant(c.zone()).toLocalDateTime();
    }
}
