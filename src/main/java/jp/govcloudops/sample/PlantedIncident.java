package jp.govcloudops.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import jp.govcloudops.sample.SampleEstate.Account;

/**
 * A security incident hidden in the normal log files, and its entry in {@code labels.json}. The scenario decides
 * its records; the writers put them into whichever objects their times fall in and record those objects' keys.
 */
public final class PlantedIncident {

    private String id;
    private final String label;
    private final String logType;
    private final Account account;
    private final String region;
    private final String description;
    private final List<ApiCall> calls = new ArrayList<>();
    private final List<FlowRow> flows = new ArrayList<>();
    private final SortedSet<String> objectKeys = new TreeSet<>();

    PlantedIncident(String label, String logType, Account account, String region, String description) {
        this.label = label;
        this.logType = logType;
        this.account = account;
        this.region = region;
        this.description = description;
    }

    /** {@code incident-NN}, numbered in time order. */
    public String id() {
        return id;
    }

    void number(int n) {
        id = String.format("incident-%02d", n);
    }

    /** The kebab-case kind of incident, e.g. {@code root-signin}. */
    public String label() {
        return label;
    }

    /** {@code cloudtrail} or {@code vpcflow}, as the store names log types. */
    public String logType() {
        return logType;
    }

    public Account account() {
        return account;
    }

    public String region() {
        return region;
    }

    public String description() {
        return description;
    }

    public List<ApiCall> calls() {
        return calls;
    }

    public List<FlowRow> flows() {
        return flows;
    }

    /** Keys (below the logs root) of the objects holding the incident's records, filled in as they are written. */
    public SortedSet<String> objectKeys() {
        return objectKeys;
    }

    ApiCall add(ApiCall call) {
        calls.add(call.planted(this));
        return call;
    }

    void add(List<FlowRow> rows) {
        for (FlowRow row : rows) {
            row.incident = this;
            flows.add(row);
        }
    }

    void wroteTo(String key) {
        objectKeys.add(key);
    }

    public long firstTime() {
        return logType.equals("cloudtrail") ? calls.stream().mapToLong(ApiCall::time).min().orElseThrow()
                : flows.stream().mapToLong(FlowRow::start).min().orElseThrow();
    }

    public long lastTime() {
        return logType.equals("cloudtrail") ? calls.stream().mapToLong(ApiCall::time).max().orElseThrow()
                : flows.stream().mapToLong(f -> f.end).max().orElseThrow();
    }

    public int records() {
        return calls.size() + flows.size();
    }
}
