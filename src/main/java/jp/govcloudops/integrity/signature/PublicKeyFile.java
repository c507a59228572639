package jp.govcloudops.integrity.signature;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A file holding the output of {@code aws cloudtrail list-public-keys} (the {@code ListPublicKeys} response:
 * {@code PublicKeyList[]} with {@code Fingerprint}, {@code Value} in base64, {@code ValidityStartTime},
 * {@code ValidityEndTime}), so that a host without access to AWS can check signatures. Times may be epoch seconds
 * (as the API returns them) or ISO-8601 (as the CLI prints them). An entry whose fingerprint is not the MD5 of its
 * key is refused, so a key cannot be passed off under another key's fingerprint.
 */
public final class PublicKeyFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The keys read, and what was wrong with the entries that were not. */
    public record Contents(List<PublicKeyEntry> keys, List<String> refused) {
    }

    private PublicKeyFile() {
    }

    public static Contents read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (JacksonException e) {
            throw new IOException(file + ": not JSON: " + e.getOriginalMessage());
        }
        JsonNode list = root == null ? null : field(root, "PublicKeyList");
        if (list == null || !list.isArray()) {
            throw new IOException(file + ": no PublicKeyList (expected the output of aws cloudtrail list-public-keys)");
        }
        List<PublicKeyEntry> keys = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            String where = file + ": PublicKeyList[" + i + "]";
            JsonNode fingerprint = field(entry, "Fingerprint");
            JsonNode value = field(entry, "Value");
            if (fingerprint == null || value == null || !fingerprint.isString() || !value.isString()) {
                refused.add(where + ": Fingerprint and Value are required");
                continue;
            }
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(value.asString());
            } catch (IllegalArgumentException e) {
                refused.add(where + ": Value is not base64");
                continue;
            }
            String actual = RsaKeys.fingerprint(der);
            if (!actual.equalsIgnoreCase(fingerprint.asString().strip())) {
                refused.add(where + ": Fingerprint " + fingerprint.asString() + " is not the key's (MD5 " + actual + ")");
                continue;
            }
            try {
                keys.add(new PublicKeyEntry(actual, der, time(field(entry, "ValidityStartTime")),
                        time(field(entry, "ValidityEndTime")), file.toString()));
            } catch (DateTimeParseException | NumberFormatException e) {
                refused.add(where + ": validity time not understood: " + e.getMessage());
            }
        }
        return new Contents(keys, refused);
    }

    /** A field by name, whatever the case of its first letter (the API says PublicKeyList, old docs publicKeyList). */
    private static JsonNode field(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null) {
            value = node.get(Character.toLowerCase(name.charAt(0)) + name.substring(1));
        }
        return value == null || value.isNull() ? null : value;
    }

    private static Instant time(JsonNode node) {
        if (node == null) {
            return null;
        }
        String text = node.asString().strip();
        if (node.isNumber() || text.matches("\\d+(\\.\\d+)?")) {
            BigDecimal seconds = new BigDecimal(text);
            return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
        }
        return OffsetDateTime.parse(text.replace(' ', 'T')).toInstant();
    }
}
