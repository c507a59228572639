package jp.govcloudops.sample;

import java.util.SplittableRandom;

import tools.jackson.databind.node.ObjectNode;

/**
 * Turns an {@link ApiCall} into a CloudTrail record with the fields, nesting and order of real records
 * (eventVersion, userIdentity with its session context, eventTime, ..., eventCategory, tlsDetails).
 */
final class CloudTrailRecords {

    private static final Seeds KEYS = new Seeds(0x5e55);

    private CloudTrailRecords() {
    }

    static ObjectNode toJson(ApiCall call, String region, SplittableRandom random) {
        Principal p = call.principal;
        if (call.eventId == null) {
            call.eventId = RandomText.uuid(random);
        }
        boolean signIn = call.eventSource.equals("signin.amazonaws.com");
        boolean serviceEvent = call.eventType.equals("AwsServiceEvent");
        ObjectNode record = Json.obj("eventVersion", signIn ? "1.09" : "1.11",
                "userIdentity", serviceEvent ? Json.obj("accountId", p.accountId(), "invokedBy", p.invokedBy())
                        : identity(call, signIn),
                "eventTime", Json.iso(call.time), "eventSource", call.eventSource, "eventName", call.eventName,
                "awsRegion", region, "sourceIPAddress", call.sourceIp, "userAgent", call.userAgent);
        if (call.errorCode != null) {
            record.put("errorCode", call.errorCode);
            if (call.errorMessage != null) {
                record.put("errorMessage", call.errorMessage);
            }
        }
        record.set("requestParameters", call.requestParameters);
        record.set("responseElements", call.responseElements);
        if (call.additionalEventData != null) {
            record.set("additionalEventData", call.additionalEventData);
        }
        if (!signIn) {
            record.put("requestID", RandomText.uuid(random));
        }
        record.put("eventID", call.eventId);
        record.put("readOnly", call.readOnly);
        if (call.resources != null) {
            record.set("resources", call.resources);
        }
        record.put("eventType", call.eventType);
        record.put("managementEvent", true);
        record.put("recipientAccountId", p.accountId());
        if (call.vpcEndpointId != null) {
            record.put("vpcEndpointId", call.vpcEndpointId);
            record.put("vpcEndpointAccountId", p.accountId());
        }
        record.put("eventCategory", "Management");
        if (!serviceEvent && p.invokedBy() == null && call.vpcEndpointId == null) {
            String host = signIn ? region + ".signin.aws.amazon.com"
                    : call.eventSource.replace(".amazonaws.com", "") + "." + region + ".amazonaws.com";
            record.set("tlsDetails", Json.obj("tlsVersion", "TLSv1.3", "cipherSuite", "TLS_AES_128_GCM_SHA256",
                    "clientProvidedHostHeader", host));
        }
        if (call.consoleSession && !signIn) {
            record.put("sessionCredentialFromConsole", "true");
        }
        return record;
    }

    private static ObjectNode identity(ApiCall call, boolean signIn) {
        Principal p = call.principal;
        long sessionStart = call.time - Math.floorMod(call.time, 3600) - 600;
        return switch (p.type()) {
            case "AWSService" -> Json.obj("type", "AWSService", "invokedBy", p.invokedBy());
            case "Root", "IAMUser" -> {
                ObjectNode id = Json.obj("type", p.type(), "principalId", p.principalId(), "arn", p.arn(),
                        "accountId", p.accountId());
                if (signIn) {
                    if (p.type().equals("Root")) {
                        id.put("accessKeyId", "");
                    } else {
                        id.put("userName", p.name());
                    }
                    yield id;
                }
                if (call.consoleSession) {
                    id.put("accessKeyId", temporaryKey(p, call.sessionName, sessionStart));
                } else {
                    id.put("accessKeyId", p.accessKeyId());
                }
                if (p.type().equals("IAMUser")) {
                    id.put("userName", p.name());
                }
                if (call.consoleSession) {
                    id.set("sessionContext", Json.obj("sessionIssuer", Json.empty(), "webIdFederationData",
                            Json.empty(), "attributes", Json.obj("creationDate", Json.iso(sessionStart),
                                    "mfaAuthenticated", String.valueOf(call.mfaAuthenticated))));
                }
                yield id;
            }
            default -> {
                ObjectNode id = Json.obj("type", "AssumedRole",
                        "principalId", p.principalId() + ":" + call.sessionName,
                        "arn", "arn:aws:sts::" + p.accountId() + ":assumed-role/" + p.name() + "/" + call.sessionName,
                        "accountId", p.accountId(),
                        "accessKeyId", temporaryKey(p, call.sessionName, sessionStart),
                        "sessionContext", Json.obj(
                                "sessionIssuer", Json.obj("type", "Role", "principalId", p.principalId(),
                                        "arn", p.roleArn(), "accountId", p.accountId(), "userName", p.name()),
                                "webIdFederationData", Json.empty(),
                                "attributes", Json.obj("creationDate", Json.iso(sessionStart),
                                        "mfaAuthenticated", "false")));
                if (p.invokedBy() != null) {
                    id.put("invokedBy", p.invokedBy());
                }
                yield id;
            }
        };
    }

    /** A session's temporary key: the same for every call of one session. */
    static String temporaryKey(Principal p, String session, long sessionStart) {
        return "ASIA" + KEYS.id(RandomText.UPPER_ALNUM, 16, p.accountId(), p.name(), session, sessionStart);
    }
}
