package jp.govcloudops.aggregate;

import java.util.List;

import jp.govcloudops.store.ObjectContribution;

/**
 * Sees every accepted record of one object, then hands over what it wants stored for that object. Aggregators
 * and per-record detections are analyzers; each object gets fresh ones.
 */
public interface ObjectAnalyzer<R> {

    void accept(R record);

    List<ObjectContribution> contributions();
}
