package jp.govcloudops.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Walks the {@code AWSLogs/} tree of a source with delimiter listings and returns the partitions in a date range.
 *
 * <p>Accepted layouts: {@code AWSLogs/[o-org/]<account>/<Service>/<region>/YYYY/MM/DD/[HH/]} and the Hive-style
 * {@code AWSLogs/aws-account-id=<account>/aws-service=<service>/aws-region=<region>/year=/month=/day=/[hour=/]},
 * with any region name. Date folders are read numerically, so unpadded months and days work too.
 * {@code CloudTrail-Digest/} and services other than CloudTrail, CloudTrail-Insight and vpcflowlogs are skipped by
 * {@link #discover}; {@link #serviceDays} reads any one service's folders (the integrity check reads the digests).
 *
 * <p>Every (log type, account, region) stream that exists yields a partition for every date of the range, even a
 * date without a folder, so that an empty day can be judged a gap instead of silently vanishing; {@link #discover}
 * also says which dates had a folder.
 */
public final class AwsLogsLayout {

    private static final int MAX_SEARCH_DEPTH = 4;

    private final ObjectSource source;
    private final Executor listings;

    /** Lists one folder after the other. */
    public AwsLogsLayout(ObjectSource source) {
        this(source, Runnable::run);
    }

    /** Lists the accounts' and then the streams' folders in parallel on {@code listings}. */
    public AwsLogsLayout(ObjectSource source, Executor listings) {
        this.source = source;
        this.listings = listings;
    }

    /** A partition of the range, and whether its date folder was there when the tree was listed. */
    public record Discovered(LogPartition partition, boolean folderListed) {
    }

    public List<LogPartition> partitions(LocalDate from, LocalDate to, Set<LogType> logTypes, Predicate<String> account)
            throws IOException {
        return discover(from, to, logTypes, account).stream().map(Discovered::partition).toList();
    }

    public List<Discovered> discover(LocalDate from, LocalDate to, Set<LogType> logTypes, Predicate<String> account)
            throws IOException {
        List<Discovered> partitions = new ArrayList<>();
        walk(account, name -> LogType.fromFolder(name).filter(logTypes::contains), (type, accountId, region, days,
                folder) -> partitions.add(new Discovered(new LogPartition(type, accountId, region, days,
                        source.location(), folder.prefix()), folder.listed())), from, to);
        return partitions;
    }

    /**
     * The day folders of one service's streams in the range, found like {@link #discover}'s: for readers of folders
     * that ingestion skips ({@code CloudTrail-Digest}).
     */
    public List<ServiceDay> serviceDays(String serviceFolder, LocalDate from, LocalDate to, Predicate<String> account)
            throws IOException {
        List<ServiceDay> days = new ArrayList<>();
        walk(account, name -> name.equalsIgnoreCase(serviceFolder) ? Optional.of(name) : Optional.empty(),
                (service, accountId, region, day, folder) -> days.add(new ServiceDay(accountId, region, day,
                        folder.prefix(), folder.listed())), from, to);
        return days;
    }

    /** One date of one (account, region) stream of a service, and whether its folder was listed. */
    public record ServiceDay(String accountId, String region, LocalDate folderDate, String folderPrefix,
            boolean folderListed) {
    }

    private record DayFolder(String prefix, boolean listed) {
    }

    private interface DayVisitor<T> {
        void visit(T service, String accountId, String region, LocalDate day, DayFolder folder);
    }

    /** Visits every date of the range of every stream whose service folder {@code service} recognises. */
    private <T> void walk(Predicate<String> account, Function<String, Optional<T>> service, DayVisitor<T> visitor,
            LocalDate from, LocalDate to) throws IOException {
        List<AccountFolder> accounts = new ArrayList<>();
        for (String awsLogs : awsLogsFolders()) {
            List<String> children = source.listFolders(awsLogs);
            List<String> organizations = children.stream().filter(c -> lastSegment(c).matches("o-[a-z0-9]+")).toList();
            Map<String, List<String>> organizationAccounts = new HashMap<>();
            List<List<String>> listed = inParallel(organizations, source::listFolders);
            for (int i = 0; i < organizations.size(); i++) {
                organizationAccounts.put(organizations.get(i), listed.get(i));
            }
            for (String child : children) {
                String name = lastSegment(child);
                if (name.startsWith("aws-account-id=")) {
                    accounts.add(new AccountFolder(child, name.substring("aws-account-id=".length()), true));
                } else if (organizationAccounts.containsKey(child)) {
                    for (String accountFolder : organizationAccounts.get(child)) {
                        accounts.add(new AccountFolder(accountFolder, lastSegment(accountFolder), false));
                    }
                } else {
                    accounts.add(new AccountFolder(child, name, false));
                }
            }
        }
        List<StreamFolder<T>> streams = new ArrayList<>();
        for (List<StreamFolder<T>> ofAccount : inParallel(accounts.stream().filter(a -> account.test(a.accountId()))
                .toList(), a -> streams(a, service))) {
            streams.addAll(ofAccount);
        }
        List<Map<LocalDate, String>> days = inParallel(streams, s -> dateFolders(s.regionFolder(), from, to, s.hive()));
        for (int i = 0; i < streams.size(); i++) {
            StreamFolder<T> stream = streams.get(i);
            visitRange(stream.service(), stream.accountId(), stream.region(), stream.regionFolder(), days.get(i), from,
                    to, stream.hive(), visitor);
        }
    }

    private record AccountFolder(String prefix, String accountId, boolean hive) {
    }

    /** One (service, account, region) folder; {@code hive} is "=" for {@code year=} style date folders below it. */
    private record StreamFolder<T>(T service, String accountId, String region, String regionFolder, String hive) {
    }

    /** The region folders of an account's recognised services. */
    private <T> List<StreamFolder<T>> streams(AccountFolder account, Function<String, Optional<T>> service)
            throws IOException {
        List<StreamFolder<T>> streams = new ArrayList<>();
        String servicePrefix = account.hive() ? "aws-service=" : "";
        String regionPrefix = account.hive() ? "aws-region=" : "";
        for (String serviceFolder : source.listFolders(account.prefix())) {
            String serviceName = lastSegment(serviceFolder);
            if (!serviceName.startsWith(servicePrefix)) {
                continue;
            }
            Optional<T> type = service.apply(serviceName.substring(servicePrefix.length()));
            if (type.isEmpty()) {
                continue;
            }
            for (String regionFolder : source.listFolders(serviceFolder)) {
                String regionName = lastSegment(regionFolder);
                if (regionName.startsWith(regionPrefix)) {
                    streams.add(new StreamFolder<>(type.get(), account.accountId(),
                            regionName.substring(regionPrefix.length()), regionFolder, account.hive() ? "=" : ""));
                }
            }
        }
        return streams;
    }

    private interface Listing<T, R> {
        R list(T folder) throws IOException;
    }

    /**
     * Lists each folder on the listing executor and returns the results in the folders' order. The listings of one
     * level run together and nothing waits for the executor from inside it, so a bounded executor cannot deadlock.
     */
    private <T, R> List<R> inParallel(List<T> folders, Listing<T, R> listing) throws IOException {
        List<CompletableFuture<R>> running = new ArrayList<>(folders.size());
        for (T folder : folders) {
            running.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return listing.list(folder);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, listings));
        }
        List<R> results = new ArrayList<>(folders.size());
        try {
            for (CompletableFuture<R> result : running) {
                results.add(result.join());
            }
        } catch (CompletionException e) {
            running.forEach(r -> r.cancel(false));
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        return results;
    }

    /** The {@code AWSLogs/} folders at or below the source root, searched a few levels deep. */
    List<String> awsLogsFolders() throws IOException {
        String root = source.rootPrefix();
        if (lastSegment(root).equals("AWSLogs")) {
            return List.of(root);
        }
        List<String> found = new ArrayList<>();
        Deque<String> level = new ArrayDeque<>(List.of(root));
        for (int depth = 0; depth < MAX_SEARCH_DEPTH && !level.isEmpty() && found.isEmpty(); depth++) {
            Deque<String> next = new ArrayDeque<>();
            for (String folder : level) {
                for (String child : source.listFolders(folder)) {
                    if (lastSegment(child).equals("AWSLogs")) {
                        found.add(child);
                    } else {
                        next.add(child);
                    }
                }
            }
            level = next;
        }
        return found;
    }

    private static <T> void visitRange(T type, String accountId, String region, String regionFolder,
            Map<LocalDate, String> days, LocalDate from, LocalDate to, String hive, DayVisitor<T> visitor) {
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            String folder = days.get(day);
            boolean listed = folder != null;
            if (!listed) {
                folder = regionFolder + (hive.isEmpty()
                        ? "%04d/%02d/%02d/".formatted(day.getYear(), day.getMonthValue(), day.getDayOfMonth())
                        : "year=%04d/month=%02d/day=%02d/".formatted(day.getYear(), day.getMonthValue(), day.getDayOfMonth()));
            }
            visitor.visit(type, accountId, region, day, new DayFolder(folder, listed));
        }
    }

    /** Date folders in range below a region folder; {@code hive} is "=" for {@code year=} style names. */
    private Map<LocalDate, String> dateFolders(String regionFolder, LocalDate from, LocalDate to, String hive)
            throws IOException {
        Map<LocalDate, String> days = new LinkedHashMap<>();
        // A year folder has one possible name, so it is listed straight away: a stream with nothing in the range
        // costs one listing (often empty), not one more for its years.
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            String yearFolder = regionFolder + (hive.isEmpty() ? "" : "year=") + year + "/";
            for (String monthFolder : source.listFolders(yearFolder)) {
                Integer month = number(lastSegment(monthFolder), hive.isEmpty() ? "" : "month=");
                if (month == null || month < 1 || month > 12
                        || LocalDate.of(year, month, 1).plusMonths(1).isBefore(from.plusDays(1))
                        || LocalDate.of(year, month, 1).isAfter(to)) {
                    continue;
                }
                for (String dayFolder : source.listFolders(monthFolder)) {
                    Integer day = number(lastSegment(dayFolder), hive.isEmpty() ? "" : "day=");
                    if (day == null || day < 1 || day > LocalDate.of(year, month, 1).lengthOfMonth()) {
                        continue;
                    }
                    LocalDate date = LocalDate.of(year, month, day);
                    if (!date.isBefore(from) && !date.isAfter(to)) {
                        days.put(date, dayFolder);
                    }
                }
            }
        }
        return days;
    }

    private static Integer number(String segment, String label) {
        if (!segment.startsWith(label)) {
            return null;
        }
        String digits = segment.substring(label.length());
        if (digits.isEmpty() || digits.length() > 4 || !digits.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Integer.valueOf(digits);
    }

    static String lastSegment(String folder) {
        String trimmed = folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
