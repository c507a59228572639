package jp.govcloudops.web.console.page;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import jp.govcloudops.job.cost.CostIngestJobConfiguration;
import jp.govcloudops.job.ingest.IngestJobConfiguration;
import jp.govcloudops.job.report.ReportJobConfiguration;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/** The latest runs of each job, read from Spring Batch's job repository. */
@Component
class RecentRuns {

    /** One run: the job's Japanese name, when it started (UTC), its status and exit description's first line. */
    record Run(String job, long executionId, LocalDateTime started, LocalDateTime ended, String status,
            String exitCode, String message) {
    }

    private static final String[][] JOBS = {{IngestJobConfiguration.JOB_NAME, "ログ取込（夜間・日中）"},
            {CostIngestJobConfiguration.JOB_NAME, "利用料取込"}, {ReportJobConfiguration.JOB_NAME, "月次報告書"}};

    private final JobRepository jobs;

    RecentRuns(JobRepository jobs) {
        this.jobs = jobs;
    }

    List<Run> latest(int perJob) {
        List<Run> runs = new ArrayList<>();
        for (String[] job : JOBS) {
            for (JobInstance instance : jobs.getJobInstances(job[0], 0, perJob)) {
                JobExecution e = jobs.getLastJobExecution(instance);
                if (e != null) {
                    String description = e.getExitStatus().getExitDescription();
                    runs.add(new Run(job[1], e.getId(), e.getStartTime(), e.getEndTime(), e.getStatus().name(),
                            e.getExitStatus().getExitCode(),
                            description == null ? "" : description.lines().findFirst().orElse("")));
                }
            }
        }
        return runs;
    }
}
