package jp.govcloudops.integrity.check;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jp.govcloudops.integrity.check.StreamInputs.Digest;
import jp.govcloudops.integrity.check.StreamInputs.LogObject;
import jp.govcloudops.integrity.digest.DigestFile;
import jp.govcloudops.integrity.digest.DigestNames;
import jp.govcloudops.integrity.signature.DigestSignatures;

/**
 * Checks one CloudTrail stream (account and region) over the hours [{@code from}, {@code to}), as AWS documents the
 * validation: each digest of those hours must carry CloudTrail's signature and continue the chain from the digest
 * before it (its hash and signature); each log file it lists must be there with the SHA-256 it states; and each
 * log object delivered in those hours must be listed by some digest.
 *
 * <p>Digests and log files from just outside the hours may be given: they vouch for files at the edges and serve
 * as chain neighbours, but are not judged. A chain that continues from a digest before {@code from} is not
 * followed further back. Files delivered after the newest digest's end are "not yet covered" while they are
 * younger than {@link #COVERAGE_DELAY}; older ones are "added", because CloudTrail delivers each hour's digest
 * within the next hour.
 */
public final class StreamCheck {

    public static final Duration COVERAGE_DELAY = Duration.ofHours(2);

    private final String accountId;
    private final String region;
    private final Instant from;
    private final Instant to;
    private final Instant now;
    private final StreamInputs.Hasher hasher;
    private final StreamInputs.Keys keys;
    private final Map<Instant, Hour> hours = new TreeMap<>();

    public StreamCheck(String accountId, String region, Instant from, Instant to, Instant now,
            StreamInputs.Hasher hasher, StreamInputs.Keys keys) {
        this.accountId = accountId;
        this.region = region;
        this.from = from;
        this.to = to;
        this.now = now;
        this.hasher = hasher;
        this.keys = keys;
    }

    private static final class Hour {
        IntegrityStatus status;
        String digestKey;
        int logFiles;
        int validFiles;
        final List<Problem> problems = new ArrayList<>();

        void problem(IntegrityStatus s, String key, String detail) {
            problems.add(new Problem(s, key, detail));
        }
    }

    public List<HourResult> run(List<Digest> digests, List<LogObject> logs) throws IOException {
        Map<String, LogObject> logsByName = new HashMap<>();
        logs.forEach(l -> logsByName.put(l.fileName(), l));
        Map<String, Digest> digestsByName = new HashMap<>();
        digests.forEach(d -> digestsByName.put(d.fileName(), d));
        Set<String> listed = new HashSet<>();
        Instant newestEnd = null;
        for (Digest d : digests) {
            if (d.file() != null) {
                d.file().logFiles().forEach(f -> listed.add(DigestNames.fileName(f.s3Object())));
                newestEnd = newestEnd == null || d.file().digestEndTime().isAfter(newestEnd)
                        ? d.file().digestEndTime() : newestEnd;
            }
        }
        for (Digest d : digests) {
            if (judged(d.hour())) {
                checkDigest(d, logsByName);
            }
        }
        checkChain(digests, digestsByName);
        for (LogObject log : logs) {
            Instant hour = log.deliveredAt().truncatedTo(ChronoUnit.HOURS);
            // A file of an hour whose digest is missing is unproven with its hour, not "added".
            if (!judged(hour) || listed.contains(log.fileName()) || digestMissing(hour)) {
                continue;
            }
            boolean uncovered = newestEnd == null || !log.deliveredAt().isBefore(newestEnd.truncatedTo(ChronoUnit.MINUTES));
            if (uncovered && Duration.between(log.deliveredAt(), now).compareTo(COVERAGE_DELAY) < 0) {
                hour(hour).problem(IntegrityStatus.NOT_YET_COVERED, log.key(), "no digest has covered its delivery"
                        + " time yet");
            } else {
                hour(hour).problem(IntegrityStatus.LOG_FILE_ADDED, log.key(), "listed by no digest"
                        + (newestEnd == null ? " (the stream has no digest files)" : ""));
            }
        }
        List<HourResult> results = new ArrayList<>();
        for (Map.Entry<Instant, Hour> e : hours.entrySet()) {
            Hour h = e.getValue();
            IntegrityStatus status = IntegrityStatus.VALID;
            for (Problem p : h.problems) {
                status = IntegrityStatus.worst(status, p.status());
            }
            results.add(new HourResult(accountId, region, e.getKey(), status, h.digestKey, h.logFiles, h.validFiles,
                    h.problems));
        }
        return results;
    }

    private boolean digestMissing(Instant hour) {
        Hour h = hours.get(hour);
        return h != null && h.problems.stream().anyMatch(p -> p.status() == IntegrityStatus.DIGEST_MISSING);
    }

    private boolean judged(Instant hour) {
        return hour != null && !hour.isBefore(from) && hour.isBefore(to);
    }

    private Hour hour(Instant hour) {
        return hours.computeIfAbsent(hour, h -> new Hour());
    }

    private void checkDigest(Digest d, Map<String, LogObject> logsByName) throws IOException {
        Hour hour = hour(d.hour());
        // The hour shows its own digest; a backfill digest only when it has no other.
        if (hour.digestKey == null || (!d.backfill() && DigestNames.isBackfill(hour.digestKey))) {
            hour.digestKey = d.key();
        }
        DigestFile file = d.file();
        if (file == null) {
            hour.problem(IntegrityStatus.DIGEST_UNREADABLE, d.key(), d.error());
            return;
        }
        if (!DigestNames.fileName(file.digestS3Object()).equals(d.fileName()) || !file.awsAccountId().equals(accountId)) {
            hour.problem(IntegrityStatus.DIGEST_SIGNATURE_INVALID, d.key(), "the digest names another place: account "
                    + file.awsAccountId() + ", " + file.digestS3Bucket() + "/" + file.digestS3Object());
        } else {
            checkSignature(d, hour);
        }
        for (DigestFile.LogFile entry : file.logFiles()) {
            hour.logFiles++;
            LogObject log = logsByName.get(DigestNames.fileName(entry.s3Object()));
            if (log == null) {
                hour.problem(IntegrityStatus.LOG_FILE_MISSING, entry.s3Object(), "listed by " + d.fileName()
                        + ", not found");
                continue;
            }
            if (entry.hashAlgorithm() != null && !"SHA-256".equalsIgnoreCase(entry.hashAlgorithm())) {
                hour.problem(IntegrityStatus.DIGEST_UNREADABLE, d.key(), "unknown hash algorithm "
                        + entry.hashAlgorithm() + " for " + entry.s3Object());
                continue;
            }
            String actual;
            try {
                actual = hasher.sha256(log);
            } catch (StreamInputs.UnreadableContentException e) {
                hour.problem(IntegrityStatus.LOG_FILE_CHANGED, log.key(), "cannot be read any more: " + e.getMessage());
                continue;
            }
            if (actual.equalsIgnoreCase(entry.hashValue())) {
                hour.validFiles++;
            } else {
                hour.problem(IntegrityStatus.LOG_FILE_CHANGED, log.key(), "SHA-256 of the uncompressed file is "
                        + actual + "; " + d.fileName() + " says " + entry.hashValue());
            }
        }
    }

    private void checkSignature(Digest d, Hour hour) {
        DigestFile file = d.file();
        if (!DigestSignatures.supported(file.signatureAlgorithm())) {
            hour.problem(IntegrityStatus.DIGEST_SIGNATURE_INVALID, d.key(), "unknown signature algorithm "
                    + file.signatureAlgorithm());
            return;
        }
        // Either missing piece means the signature cannot be checked; both are said, the key first, so that a
        // digest of a trail whose keys this host lacks reads "public key not available", never "invalid".
        Optional<PublicKey> key = keys.find(file.publicKeyFingerprint(), region);
        if (key.isEmpty()) {
            hour.problem(IntegrityStatus.PUBLIC_KEY_NOT_AVAILABLE, d.key(), "no public key with fingerprint "
                    + file.publicKeyFingerprint() + " in the key files or the store");
        }
        if (d.signature() == null) {
            hour.problem(IntegrityStatus.SIGNATURE_NOT_AVAILABLE, d.key(), "no signature in the object's metadata"
                    + " and no " + DigestNames.SIGNATURE_SUFFIX + " file beside it");
        }
        if (key.isEmpty() || d.signature() == null) {
            return;
        }
        try {
            if (!DigestSignatures.verify(file, d.sha256(), d.signature(), key.get())) {
                hour.problem(IntegrityStatus.DIGEST_SIGNATURE_INVALID, d.key(), "the signature does not verify with key "
                        + file.publicKeyFingerprint());
            }
        } catch (GeneralSecurityException e) {
            hour.problem(IntegrityStatus.DIGEST_SIGNATURE_INVALID, d.key(), "cannot verify: " + e.getMessage());
        }
    }

    /**
     * Each judged digest that continues a chain must continue it from the digest before it, whose hash and
     * signature it holds. A predecessor that is not there is a missing digest for the hours between (or, when there
     * are none, a broken chain), unless it lies before the checked hours.
     */
    private void checkChain(List<Digest> digests, Map<String, Digest> byName) {
        List<Digest> chain = digests.stream().filter(d -> d.file() != null && !d.backfill())
                .sorted(Comparator.comparing((Digest d) -> d.file().digestStartTime()).thenComparing(Digest::key))
                .toList();
        for (int i = 0; i < chain.size(); i++) {
            Digest b = chain.get(i);
            DigestFile file = b.file();
            if (!judged(b.hour()) || file.starting()) {
                continue;
            }
            Digest a = i > 0 ? chain.get(i - 1) : null;
            String previousName = DigestNames.fileName(file.previousDigestS3Object());
            Hour hour = hour(b.hour());
            if (a != null && a.fileName().equals(previousName)) {
                if (file.previousDigestHashValue() != null && !file.previousDigestHashValue().equalsIgnoreCase(a.sha256())) {
                    hour.problem(IntegrityStatus.CHAIN_BROKEN, a.key(), "changed after " + b.fileName()
                            + " was written: its SHA-256 is " + a.sha256() + ", " + b.fileName() + " says "
                            + file.previousDigestHashValue());
                } else if (a.signature() != null && file.previousDigestSignature() != null
                        && !a.signature().strip().equalsIgnoreCase(file.previousDigestSignature().strip())) {
                    hour.problem(IntegrityStatus.CHAIN_BROKEN, a.key(), "its signature is not the one "
                            + b.fileName() + " holds for it");
                }
                continue;
            }
            Digest previous = byName.get(previousName);
            if (previous != null) {
                hour.problem(IntegrityStatus.CHAIN_BROKEN, b.key(), "continues from " + previousName
                        + (a == null ? "" : ", not from " + a.fileName() + " before it"));
                continue;
            }
            Instant previousEnd = DigestNames.endTime(previousName);
            if (previousEnd != null && previousEnd.isBefore(from)) {
                continue; // the chain goes on before the checked hours
            }
            Instant firstMissing = a != null ? a.hour().plus(Duration.ofHours(1))
                    : previousEnd == null ? b.hour() : previousEnd.minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.HOURS);
            boolean marked = false;
            for (Instant h = firstMissing.isBefore(from) ? from : firstMissing; h.isBefore(b.hour());
                    h = h.plus(Duration.ofHours(1))) {
                hour(h).problem(IntegrityStatus.DIGEST_MISSING, file.previousDigestS3Object(), "not found; "
                        + b.fileName() + " continues from it");
                marked = true;
            }
            if (!marked) {
                hour.problem(IntegrityStatus.CHAIN_BROKEN, file.previousDigestS3Object(), b.fileName()
                        + " continues from it, and it is not there");
            }
        }
    }
}
