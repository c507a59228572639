package jp.govcloudops.integrity.digest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads the uncompressed JSON of a digest file. Digest files are small (one hour's file list), so a tree is fine
 * here. Fields AWS may add later are ignored; the fields the check needs must be there.
 */
public final class DigestParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DigestParser() {
    }

    public static DigestFile parse(byte[] json) throws DigestFormatException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new DigestFormatException("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new DigestFormatException("not a JSON object");
        }
        List<DigestFile.LogFile> files = new ArrayList<>();
        JsonNode list = root.path("logFiles");
        if (!list.isArray()) {
            throw new DigestFormatException("logFiles: missing or not a list");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode file = list.get(i);
            files.add(new DigestFile.LogFile(text(file, "s3Bucket"), required(file, "s3Object", "logFiles[" + i + "]."),
                    required(file, "hashValue", "logFiles[" + i + "]."), text(file, "hashAlgorithm")));
        }
        String end = required(root, "digestEndTime", "");
        return new DigestFile(required(root, "awsAccountId", ""), time(root, "digestStartTime"), time(root, "digestEndTime"),
                end, required(root, "digestS3Bucket", ""), required(root, "digestS3Object", ""),
                required(root, "digestPublicKeyFingerprint", ""), required(root, "digestSignatureAlgorithm", ""),
                text(root, "previousDigestS3Bucket"), text(root, "previousDigestS3Object"),
                text(root, "previousDigestHashValue"), text(root, "previousDigestHashAlgorithm"),
                text(root, "previousDigestSignature"), files);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() || value.isContainer() ? null : value.asString();
    }

    private static String required(JsonNode node, String field, String where) throws DigestFormatException {
        String value = text(node, field);
        if (value == null || value.isEmpty()) {
            throw new DigestFormatException(where + field + ": missing");
        }
        return value;
    }

    private static Instant time(JsonNode node, String field) throws DigestFormatException {
        String value = required(node, field, "");
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new DigestFormatException(field + ": not a UTC time: " + value);
        }
    }
}
