package jp.govcloudops.archive.write;

import jp.govcloudops.archive.ArchiveSchema;
import jp.govcloudops.format.cloudtrail.CloudTrailEvent;

/** One CloudTrail record as a row of {@link ArchiveSchema#CLOUDTRAIL}. */
final class CloudTrailWriteSupport extends RecordWriteSupport<CloudTrailEvent> {

    private static final String[] TEXT = ArchiveSchema.CLOUDTRAIL_TEXT;
    private static final String[] JSON = ArchiveSchema.CLOUDTRAIL_JSON;
    private static final int READ_ONLY = TEXT.length + 1;
    private static final int FIRST_JSON = READ_ONLY + 1;
    private static final int SEGMENT = FIRST_JSON + JSON.length;

    private final String[] values = new String[TEXT.length];

    CloudTrailWriteSupport() {
        super(ArchiveSchema.CLOUDTRAIL);
    }

    @Override
    void writeFields(CloudTrailEvent e) {
        int64(0, "event_time", e.eventEpochSecond() * 1000);
        String[] v = values;
        v[0] = e.eventVersion();
        v[1] = e.eventSource();
        v[2] = e.eventName();
        v[3] = e.awsRegion();
        v[4] = e.sourceIpAddress();
        v[5] = e.userAgent();
        v[6] = e.errorCode();
        v[7] = e.errorMessage();
        v[8] = e.eventType();
        v[9] = e.recipientAccountId();
        v[10] = e.identityType();
        v[11] = e.identityArn();
        v[12] = e.principalId();
        v[13] = e.accessKeyId();
        v[14] = e.identityAccountId();
        v[15] = e.userName();
        v[16] = e.invokedBy();
        v[17] = e.sessionIssuerArn();
        v[18] = e.mfaAuthenticated();
        v[19] = e.mfaUsed();
        v[20] = e.principal();
        v[21] = e.eventId();
        v[22] = e.requestId();
        v[23] = e.vpcEndpointId();
        for (int i = 0; i < v.length; i++) {
            text(i + 1, TEXT[i], v[i]);
        }
        bool(READ_ONLY, "read_only", e.readOnly());
        span(FIRST_JSON, JSON[0], e, e.resourcesSpan());
        span(FIRST_JSON + 1, JSON[1], e, e.requestParametersSpan());
        span(FIRST_JSON + 2, JSON[2], e, e.responseElementsSpan());
        int64(SEGMENT, ArchiveSchema.SEGMENT, segment);
    }

    private void span(int index, String name, CloudTrailEvent e, long span) {
        if (span != 0 && e.hasRaw()) {
            int from = (int) (span >>> 32);
            bytes(index, name, e.rawBuffer(), e.rawOffset() + from, (int) span - from);
        }
    }
}
