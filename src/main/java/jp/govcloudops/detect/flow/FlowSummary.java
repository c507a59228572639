package jp.govcloudops.detect.flow;

import jp.govcloudops.store.ObjectContribution;

/**
 * One flow detection's summary of one object: it sees each of the object's traffic records and hands over the
 * rows of its table, capped per object.
 */
public interface FlowSummary {

    void accept(ClassifiedFlow flow);

    ObjectContribution rows();
}
