package jp.govcloudops.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * Writes files below the output directory and counts them per kind. A file is written once: a second write to the
 * same path is a bug in a writer and fails, instead of silently replacing data that labels may point at.
 */
public final class ObjectSink {

    /** Files, bytes and records written for one kind of output. */
    public static final class Tally {
        long files;
        long bytes;
        long records;

        public long files() {
            return files;
        }

        public long bytes() {
            return bytes;
        }

        public long records() {
            return records;
        }
    }

    private final Path root;
    private final Map<String, Tally> tallies = new TreeMap<>();

    public ObjectSink(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** Writes {@code bytes} to {@code relativePath}; returns the path written. */
    public Path write(String kind, String relativePath, byte[] bytes, long records) {
        Path file = root.resolve(relativePath);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException("two sample objects at the same path " + relativePath, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        count(kind, bytes.length, records);
        return file;
    }

    /** Counts a file a writer produced itself (e.g. with a library that writes to a path). */
    public void count(String kind, long bytes, long records) {
        Tally tally = tallies.computeIfAbsent(kind, k -> new Tally());
        tally.files++;
        tally.bytes += bytes;
        tally.records += records;
    }

    public Map<String, Tally> tallies() {
        return tallies;
    }

    /** Gzip with the fixed header Java writes (modification time 0), so equal input gives equal bytes. */
    public static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(plain.length / 6 + 64);
        try (OutputStream gzip = new GZIPOutputStream(buffer, 8192)) {
            gzip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }
}
