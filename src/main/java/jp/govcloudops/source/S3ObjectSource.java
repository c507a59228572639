package jp.govcloudops.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * An S3 bucket prefix. Listing is paginated and never assumes the bucket belongs to the accounts it holds, so a
 * central log bucket for many accounts works as well as a per-account one.
 */
public final class S3ObjectSource implements ObjectSource {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    public S3ObjectSource(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
    }

    @Override
    public String location() {
        return "s3://" + bucket + "/" + prefix;
    }

    @Override
    public boolean remote() {
        return true;
    }

    @Override
    public String rootPrefix() {
        return prefix;
    }

    /** One listing of at most one key: the same permission (s3:ListBucket) every run needs anyway. */
    @Override
    public void checkReadable() {
        try {
            s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix).maxKeys(1));
        } catch (SdkException e) {
            throw new SourceUnavailableException(location(), e);
        }
    }

    @Override
    public List<String> listFolders(String folder) {
        List<String> folders = new ArrayList<>();
        ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(bucket).prefix(folder).delimiter("/").build();
        for (ListObjectsV2Response page : s3.listObjectsV2Paginator(request)) {
            for (CommonPrefix common : page.commonPrefixes()) {
                folders.add(common.prefix());
            }
        }
        folders.sort(Comparator.naturalOrder());
        return folders;
    }

    @Override
    public List<SourceObject> listObjects(String folder) {
        List<SourceObject> objects = new ArrayList<>();
        ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(bucket).prefix(folder).build();
        for (ListObjectsV2Response page : s3.listObjectsV2Paginator(request)) {
            for (S3Object object : page.contents()) {
                if (!object.key().endsWith("/")) {
                    objects.add(new SourceObject(object.key(), stripQuotes(object.eTag()), object.size(),
                            object.lastModified()));
                }
            }
        }
        objects.sort(Comparator.comparing(SourceObject::key));
        return objects;
    }

    @Override
    public InputStream open(SourceObject object) throws IOException {
        // If-Match pins the version that was listed: a rewrite in between fails the read instead of mixing versions.
        ResponseInputStream<GetObjectResponse> body = s3.getObject(b -> b.bucket(bucket).key(object.key())
                .ifMatch(quoted(object.etag())));
        return new AbortOnCloseInputStream(body);
    }

    @Override
    public Map<String, String> userMetadata(SourceObject object) {
        Map<String, String> metadata = new TreeMap<>();
        s3.headObject(b -> b.bucket(bucket).key(object.key()).ifMatch(quoted(object.etag()))).metadata()
                .forEach((name, value) -> metadata.put(name.toLowerCase(Locale.ROOT), value));
        return metadata;
    }

    private static String stripQuotes(String etag) {
        if (etag == null) {
            return "";
        }
        return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"") ? etag.substring(1, etag.length() - 1) : etag;
    }

    private static String quoted(String etag) {
        return "\"" + etag + "\"";
    }

    /** Closing before the end aborts the connection instead of draining the rest of a large body. */
    private static final class AbortOnCloseInputStream extends java.io.FilterInputStream {
        private final ResponseInputStream<GetObjectResponse> body;
        private boolean finished;

        AbortOnCloseInputStream(ResponseInputStream<GetObjectResponse> body) {
            super(body);
            this.body = body;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            finished |= b < 0;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            finished |= n < 0;
            return n;
        }

        @Override
        public void close() throws IOException {
            if (!finished) {
                body.abort();
            }
            super.close();
        }
    }
}
