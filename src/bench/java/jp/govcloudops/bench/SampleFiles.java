package jp.govcloudops.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The generated files by kind, as the benchmark's peers read them, and the accounts that hold each kind. */
record SampleFiles(List<String> flowText, List<String> flowParquet, List<String> cloudTrail,
        Set<String> flowTextAccounts, Set<String> flowParquetAccounts) {

    private static final Pattern ACCOUNT = Pattern.compile("AWSLogs/(o-[^/]+/)?(aws-account-id=)?([0-9]{12})/");

    static SampleFiles scan(Path logs) throws IOException {
        List<String> text = new ArrayList<>();
        List<String> parquet = new ArrayList<>();
        List<String> trail = new ArrayList<>();
        Set<String> textAccounts = new TreeSet<>();
        Set<String> parquetAccounts = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(logs)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                String s = p.toString();
                if (s.contains("vpcflowlogs/") && s.endsWith(".log.gz")) {
                    text.add(s);
                    textAccounts.add(account(s));
                } else if (s.contains("vpcflowlogs/") && s.endsWith(".parquet")) {
                    parquet.add(s);
                    parquetAccounts.add(account(s));
                } else if (s.contains("/CloudTrail/") && s.endsWith(".json.gz")) {
                    trail.add(s);
                }
            }
        }
        return new SampleFiles(text, parquet, trail, textAccounts, parquetAccounts);
    }

    static String account(String path) {
        Matcher m = ACCOUNT.matcher(path);
        if (!m.find()) {
            throw new IllegalArgumentException("no account in " + path);
        }
        return m.group(3);
    }

    /** {@code path} with its account (in the key's account segment) replaced. */
    static Path withAccount(Path path, UnaryOperator<String> change) {
        String s = path.toString();
        Matcher m = ACCOUNT.matcher(s);
        if (!m.find()) {
            throw new IllegalArgumentException("no account in " + path);
        }
        return Path.of(s.substring(0, m.start(3)) + change.apply(m.group(3)) + s.substring(m.end(3)));
    }

    long bytes(List<String> files) throws IOException {
        long sum = 0;
        for (String f : files) {
            sum += Files.size(Path.of(f));
        }
        return sum;
    }
}
