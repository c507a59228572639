package jp.govcloudops.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Package dependencies as the source text makes them: imports and fully qualified names anywhere, comments and
 * Javadoc links included (which the bytecode that {@link ArchitectureTest} reads does not show). No package
 * cycles, and no reference up the documented direction.
 */
class SourceDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    /** A qualified name: lower-case segments, then a class name. */
    private static final Pattern QUALIFIED = Pattern.compile("\\b((?:[a-z_]\\w*\\.)+)([A-Z]\\w*)");
    private static final Pattern WILDCARD = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)\\.\\*\\s*;",
            Pattern.MULTILINE);

    /** Package -> packages its files name, with the files that name each. */
    private static final Map<String, Map<String, Set<String>>> DEPENDENCIES = new TreeMap<>();

    @BeforeAll
    static void readSources() throws IOException {
        Map<Path, String> texts = new HashMap<>();
        Map<String, String> packageOfFile = new HashMap<>();
        Set<String> classes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Matcher p = PACKAGE.matcher(text);
                if (!p.find()) {
                    continue;
                }
                texts.put(file, text);
                packageOfFile.put(file.toString(), p.group(1));
                String simple = file.getFileName().toString().replace(".java", "");
                classes.add(p.group(1) + "." + simple);
                DEPENDENCIES.computeIfAbsent(p.group(1), k -> new TreeMap<>());
            }
        }
        for (Map.Entry<Path, String> file : texts.entrySet()) {
            String from = packageOfFile.get(file.getKey().toString());
            String name = file.getKey().getFileName().toString();
            Matcher q = QUALIFIED.matcher(file.getValue());
            while (q.find()) {
                String to = q.group(1).substring(0, q.group(1).length() - 1);
                if (!to.equals(from) && classes.contains(to + "." + q.group(2))) {
                    DEPENDENCIES.get(from).computeIfAbsent(to, k -> new TreeSet<>()).add(name);
                }
            }
            Matcher w = WILDCARD.matcher(file.getValue());
            while (w.find()) {
                String to = w.group(1);
                if (!to.equals(from) && DEPENDENCIES.containsKey(to)) {
                    DEPENDENCIES.get(from).computeIfAbsent(to, k -> new TreeSet<>()).add(name);
                }
            }
        }
    }

    @Test
    void theSourcesAreRead() {
        assertThat(DEPENDENCIES).containsKeys(Layers.ROOT, Layers.ROOT + ".cli", Layers.ROOT + ".pipeline",
                Layers.ROOT + ".detect.flow.portscan", Layers.ROOT + ".store");
        assertThat(DEPENDENCIES.get(Layers.ROOT + ".pipeline")).containsKey(Layers.ROOT + ".detect");
    }

    @Test
    void noPackageCycles() {
        List<String> cycles = new ArrayList<>();
        for (Set<String> group : stronglyConnected()) {
            if (group.size() > 1) {
                StringBuilder why = new StringBuilder(group.toString());
                for (String from : group) {
                    DEPENDENCIES.get(from).forEach((to, files) -> {
                        if (group.contains(to)) {
                            why.append("\n  ").append(from).append(" -> ").append(to).append(": ").append(files);
                        }
                    });
                }
                cycles.add(why.toString());
            }
        }
        assertThat(cycles).as("packages that depend on each other in a loop").isEmpty();
    }

    @Test
    void noReferenceUpTheDocumentedDirection() {
        List<String> upward = new ArrayList<>();
        DEPENDENCIES.forEach((from, targets) -> targets.forEach((to, files) -> {
            int fromLevel = Layers.levelOf(from);
            int toLevel = Layers.levelOf(to);
            if (fromLevel < 0 || toLevel < 0) {
                upward.add(from + " or " + to + ": a package in no level of the documented direction");
            } else if (toLevel < fromLevel || (toLevel == 1 && fromLevel > 1)) {
                upward.add(from + " -> " + to + ": " + files);
            }
        }));
        assertThat(upward).isEmpty();
    }

    /** Tarjan's strongly connected components (recursive: a few dozen packages) */
    private static List<Set<String>> stronglyConnected() {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> groups = new ArrayList<>();
        int[] counter = {0};
        for (String start : DEPENDENCIES.keySet()) {
            if (!index.containsKey(start)) {
                connect(start, index, low, stack, onStack, groups, counter);
            }
        }
        return groups;
    }

    private static void connect(String v, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
            Set<String> onStack, List<Set<String>> groups, int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]++);
        stack.push(v);
        onStack.add(v);
        for (String w : DEPENDENCIES.get(v).keySet()) {
            if (!index.containsKey(w)) {
                connect(w, index, low, stack, onStack, groups, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> group = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                group.add(w);
            } while (!w.equals(v));
            groups.add(group);
        }
    }
}
