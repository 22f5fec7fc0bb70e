package org.clinicaloutcomes.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The folders of inputs and reports that the ITs copy and compare. */
final class TestFolders {

    private TestFolders() {
    }

    /** Creates {@code folder} with copies of the two input files of {@code from}, intake.csv and sessions.csv. */
    static Path copyOfInput(Path from, Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.copy(from.resolve("intake.csv"), folder.resolve("intake.csv"));
        Files.copy(from.resolve("sessions.csv"), folder.resolve("sessions.csv"));
        return folder;
    }

    /** Copies a folder and everything in it to {@code to}. */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    /** Deletes {@code folder} and everything in it, if it exists. */
    static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /**
     * The hashes of a report's CSVs, charts and summary page: what must be the same byte for byte
     * however the run was split (run.json names the command line, the workbook its time).
     */
    static Map<String, String> reportOutputs(Path report) throws Exception {
        Map<String, String> outputs = new TreeMap<>();
        hashes(report).forEach((file, hash) -> {
            if (file.endsWith(".csv") || file.endsWith(".png") || file.endsWith(".html")) {
                outputs.put(file, hash);
            }
        });
        return outputs;
    }

    /** SHA-256 of every file under a folder, by its path relative to the folder. */
    static Map<String, String> hashes(Path folder) throws Exception {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
                hashes.put(folder.relativize(file).toString(), HexFormat.of().formatHex(digest));
            }
        }
        return hashes;
    }
}
