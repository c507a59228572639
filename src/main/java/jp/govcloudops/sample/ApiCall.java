package jp.govcloudops.sample;

import tools.jackson.databind.JsonNode;

/**
 * One CloudTrail record to write, before it becomes JSON: who called what, when, from where, and with which
 * outcome. Background calls and planted incidents are described the same way, so both come out in one shape.
 */
public final class ApiCall {

    long time;
    Principal principal;
    String sessionName;
    String sourceIp;
    String userAgent;
    String eventSource;
    String eventName;
    boolean readOnly;
    String eventType = "AwsApiCall";
    String errorCode;
    String errorMessage;
    JsonNode requestParameters;
    JsonNode responseElements;
    JsonNode additionalEventData;
    JsonNode resources;
    String vpcEndpointId;
    /** Signed-in console session (console users, root after sign-in) rather than an access key or a role. */
    boolean consoleSession;
    boolean mfaAuthenticated;
    String eventId;
    PlantedIncident incident;

    public ApiCall(long time, Principal principal, String eventSource, String eventName, boolean readOnly) {
        this.time = time;
        this.principal = principal;
        this.eventSource = eventSource;
        this.eventName = eventName;
        this.readOnly = readOnly;
        this.sessionName = principal.sessionName();
    }

    public long time() {
        return time;
    }

    public String eventName() {
        return eventName;
    }

    public String eventSource() {
        return eventSource;
    }

    public String eventId() {
        return eventId;
    }

    public Principal principal() {
        return principal;
    }

    public String errorCode() {
        return errorCode;
    }

    public PlantedIncident incident() {
        return incident;
    }

    ApiCall from(String ip, String agent) {
        this.sourceIp = ip;
        this.userAgent = agent;
        return this;
    }

    ApiCall session(String name) {
        this.sessionName = name;
        return this;
    }

    ApiCall request(JsonNode parameters) {
        this.requestParameters = parameters;
        return this;
    }

    ApiCall response(JsonNode elements) {
        this.responseElements = elements;
        return this;
    }

    ApiCall additional(JsonNode data) {
        this.additionalEventData = data;
        return this;
    }

    ApiCall resources(JsonNode list) {
        this.resources = list;
        return this;
    }

    ApiCall error(String code, String message) {
        this.errorCode = code;
        this.errorMessage = message;
        this.responseElements = null;
        return this;
    }

    ApiCall eventType(String type) {
        this.eventType = type;
        return this;
    }

    ApiCall console(boolean mfa) {
        this.consoleSession = true;
        this.mfaAuthenticated = mfa;
        return this;
    }

    ApiCall viaEndpoint(String endpointId) {
        this.vpcEndpointId = endpointId;
        return this;
    }

    ApiCall planted(PlantedIncident incident) {
        this.incident = incident;
        return this;
    }
}
