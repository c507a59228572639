package jp.govcloudops.detect;

import java.util.List;

/** Derives findings for a range of days from stored data. */
public interface Detector {

    /** Stored with each finding; a re-derivation replaces only the findings of the detectors that ran. */
    String name();

    /** The rules this detector derives findings for (all enabled ones). */
    List<String> ruleIds();

    List<Finding> detect(DetectionWindow window);
}
