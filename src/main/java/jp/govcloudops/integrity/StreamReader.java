package jp.govcloudops.integrity;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipException;

import jp.govcloudops.format.Decompression;
import jp.govcloudops.integrity.check.StreamInputs;
import jp.govcloudops.integrity.digest.DigestFile;
import jp.govcloudops.integrity.digest.DigestFormatException;
import jp.govcloudops.integrity.digest.DigestNames;
import jp.govcloudops.integrity.digest.DigestParser;
import jp.govcloudops.source.ObjectSource;
import jp.govcloudops.source.SourceObject;

/**
 * Reads a stream's objects for the check: digests with their signatures (S3 metadata, else the sidecar), and the
 * SHA-256 of a log file's uncompressed content, streamed. Content that is not gzip where gzip was promised is a
 * finding about the object, not a failure of the run.
 */
final class StreamReader {

    private static final String SIGNATURE_METADATA = "signature";

    private StreamReader() {
    }

    /** The digests of one folder, each with its signature: S3 metadata first, else the sidecar file beside it. */
    static List<StreamInputs.Digest> digests(ObjectSource source, List<SourceObject> folder)
            throws IOException {
        Map<String, SourceObject> sidecars = new HashMap<>();
        for (SourceObject object : folder) {
            if (object.key().endsWith(DigestNames.SIGNATURE_SUFFIX)) {
                sidecars.put(object.key().substring(0, object.key().length() - DigestNames.SIGNATURE_SUFFIX.length()),
                        object);
            }
        }
        List<StreamInputs.Digest> digests = new ArrayList<>();
        for (SourceObject object : folder) {
            if (!DigestNames.isDigest(object.key())) {
                continue;
            }
            byte[] content;
            try (InputStream in = Decompression.open(source.open(object))) {
                content = in.readAllBytes();
            } catch (ZipException | EOFException e) {
                digests.add(new StreamInputs.Digest(object.key(), null, "not readable as gzip: " + e.getMessage(), null,
                        null));
                continue;
            }
            String sha256 = HexFormat.of().formatHex(sha256().digest(content));
            String signature = source.userMetadata(object).get(SIGNATURE_METADATA);
            SourceObject sidecar = sidecars.get(object.key());
            if (signature == null && sidecar != null) {
                try (InputStream in = source.open(sidecar)) {
                    signature = new String(in.readNBytes(8192), StandardCharsets.US_ASCII).strip();
                }
            }
            try {
                DigestFile file = DigestParser.parse(content);
                digests.add(new StreamInputs.Digest(object.key(), file, null, sha256, signature));
            } catch (DigestFormatException e) {
                digests.add(new StreamInputs.Digest(object.key(), null, e.getMessage(), sha256, signature));
            }
        }
        return digests;
    }

    static String sha256Uncompressed(ObjectSource source, SourceObject object) throws IOException {
        MessageDigest sha256 = sha256();
        try (InputStream in = new DigestInputStream(Decompression.open(source.open(object)), sha256)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (ZipException | EOFException e) {
            throw new StreamInputs.UnreadableContentException("not readable as gzip: " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

}
