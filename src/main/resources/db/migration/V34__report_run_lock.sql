-- One monthly-report run at a time per store: JobLaunching's restart rules (recovering an execution left running,
-- passing over an instance without executions) hold only while the caller has the job's run lock.
INSERT INTO run_lock (name) VALUES ('report');
