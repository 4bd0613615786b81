package org.topograd.shard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.topograd.report.AtomicFiles;
import org.topograd.report.ReportFolder;

/**
 * Combines the reports folders of every shard of a class into one: each shard's students'
 * scorecards, logs and state files are copied, then {@code summary.csv} is rebuilt from them for
 * the whole class, exactly as a single run would. The scorecards, state files and summary are then
 * byte for byte those of a single-machine run; the logs hold each machine's timings.
 */
public final class ReportMerge {
    private ReportMerge() {}

    /** The shards do not fit together, or a file is missing; every reason is listed, with what to do. */
    public static final class MergeException extends Exception {
        private static final long serialVersionUID = 1L;
        private final List<String> problems;

        MergeException(List<String> problems) {
            super(String.join("\n", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /** What a merge did. */
    public record Merged(List<String> students, List<String> specs) {}

    public static Merged merge(List<Path> shardFolders, Path out) throws MergeException, IOException {
        List<String> problems = new ArrayList<>();
        Map<Integer, ShardManifest> byIndex = new TreeMap<>();
        Map<Integer, Path> folders = new TreeMap<>();
        Path target = out.toAbsolutePath().normalize();
        for (Path folder : shardFolders) {
            if (folder.toAbsolutePath().normalize().equals(target)) {
                problems.add(folder + " is both a shard and the output: merge into a new folder with --reports");
                continue;
            }
            ShardManifest m;
            try {
                m = ShardManifest.read(folder);
            } catch (IOException e) {
                problems.add(e.getMessage());
                continue;
            }
            Path earlier = folders.putIfAbsent(m.shard().index(), folder);
            if (earlier != null) {
                problems.add(folder + " and " + earlier + " are both shard " + m.shard() + ": give each shard once");
                continue;
            }
            byIndex.put(m.shard().index(), m);
        }
        if (byIndex.isEmpty()) {
            if (problems.isEmpty()) {
                problems.add("no shard folders given");
            }
            throw new MergeException(problems);
        }
        ShardManifest first = byIndex.values().iterator().next();
        Path firstFolder = folders.get(first.shard().index());
        int count = first.shard().count();
        for (Map.Entry<Integer, ShardManifest> e : byIndex.entrySet()) {
            ShardManifest m = e.getValue();
            Path folder = folders.get(e.getKey());
            if (m.shard().count() != count) {
                problems.add(folder + " is shard " + m.shard() + " but " + firstFolder + " is shard " + first.shard()
                        + ": merge the shards of one run");
            } else if (!m.students().equals(first.students())) {
                problems.add(folder + " (shard " + m.shard() + ") graded a different class from " + firstFolder
                        + " (shard " + first.shard() + "): run every shard on the same submissions folder");
            } else if (!m.specs().equals(first.specs())) {
                problems.add(folder + " (shard " + m.shard() + ") used different specs from " + firstFolder
                        + " (shard " + first.shard() + "): run every shard with the same specs");
            } else if (!m.version().equals(first.version())) {
                problems.add(folder + " was graded by topograd " + m.version() + ", " + firstFolder + " by "
                        + first.version() + ": grade every shard with the same version");
            }
        }
        for (int k = 1; k <= count; k++) {
            if (!byIndex.containsKey(k)) {
                problems.add("shard " + k + "/" + count + " is missing: give the folder of every shard");
            }
        }
        for (Map.Entry<Integer, ShardManifest> e : byIndex.entrySet()) {
            ShardManifest m = e.getValue();
            ReportFolder from = new ReportFolder(folders.get(e.getKey()));
            if (!m.graded().equals(m.shard().select(m.students()))) {
                problems.add(folders.get(e.getKey()) + ": shard.json says shard " + m.shard() + " graded "
                        + m.graded() + ", not its share of the class: grade that shard again");
            }
            for (String student : m.graded()) {
                for (Path file : List.of(from.scorecard(student), from.state(student))) {
                    if (!Files.isRegularFile(file)) {
                        problems.add(file + " is missing: shard " + m.shard() + " did not finish; grade it again");
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new MergeException(problems);
        }
        ReportFolder to = new ReportFolder(out);
        for (Map.Entry<Integer, ShardManifest> e : byIndex.entrySet()) {
            ReportFolder from = new ReportFolder(folders.get(e.getKey()));
            for (String student : e.getValue().graded()) {
                copy(from.scorecard(student), to.scorecard(student));
                copy(from.state(student), to.state(student));
                if (Files.isRegularFile(from.log(student))) {
                    copy(from.log(student), to.log(student));
                }
            }
        }
        to.writeSummary(first.specs(), first.students());
        Files.deleteIfExists(ShardManifest.in(out)); // the merged folder is a whole class, not a shard
        return new Merged(first.students(), first.specs());
    }

    private static void copy(Path from, Path to) throws IOException {
        AtomicFiles.write(to, Files.readAllBytes(from));
    }
}
