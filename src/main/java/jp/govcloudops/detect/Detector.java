package jp.govcloudops.detect;

import java.util.List;

/** Derives findings for a range of days from stored data. */
public interface Detector {

    /** Stored with each finding; a re-derivation replaces only the findings of the detectors that ran. */
    String name();

    /** The rules this detector derives findings for (all enabled ones). */
    List<String> ruleIds();

    List<Finding> detect(DetectionWindow window);

    /**
     * The days this detector derives when {@code requested} is asked for. Detectors whose inputs are kept per day
     * derive the requested days; one whose findings move between days as they are updated (a security service's
     * finding lives on the day of its last update) derives all of its kept inputs at once.
     */
    default DetectionWindow scope(DetectionWindow requested) {
        return requested;
    }

    /**
     * Whether the detector judges records one by one (rules, the services' own findings), so that the intraday run
     * derives it; statistical detections need whole days and run at night only.
     */
    default boolean perRecord() {
        return false;
    }
}
