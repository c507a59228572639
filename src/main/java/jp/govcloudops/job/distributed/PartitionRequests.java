package jp.govcloudops.job.distributed;

import org.springframework.batch.integration.partition.StepExecutionRequest;

/**
 * Partition requests travel as small JSON texts, not Java-serialised objects, so that a worker never deserialises
 * classes from the broker.
 */
final class PartitionRequests {

    private PartitionRequests() {
    }

    static String toJson(StepExecutionRequest request) {
        return "{\"stepName\":\"" + request.getStepName() + "\",\"stepExecutionId\":" + request.getStepExecutionId() + "}";
    }

    static StepExecutionRequest fromJson(String json) {
        var tree = new tools.jackson.databind.ObjectMapper().readTree(json);
        String stepName = tree.path("stepName").asString();
        long id = tree.path("stepExecutionId").asLong(-1);
        if (stepName.isEmpty() || id < 0) {
            throw new IllegalArgumentException("not a partition request: " + json);
        }
        return new StepExecutionRequest(stepName, id);
    }
}
