package org.clinicaloutcomes.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.clinicaloutcomes.metrics.Instrument;

/**
 * {@code run.json} (REPORTS.md): tool version, the exact command and parameters, start and end
 * time, SHA-256 and row count of every input, accepted / rejected / duplicate rows per file, the
 * instrument configuration in force, and every file written with its SHA-256. Nothing else
 * varies between two identical runs but the times and the workbook's hash.
 */
public final class Provenance {

    public static final String FILE_NAME = "run.json";

    private Provenance() {
    }

    public static void write(Path reportFolder, RunDescription run, DataQuality quality, String startTime,
                             String endTime) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("tool", "clinical-outcomes");
        json.put("version", run.toolVersion());
        json.put("job", run.job());
        json.put("command", run.commandLine());
        json.put("parameters", new LinkedHashMap<>(run.parameters()));
        json.put("window", window(run));
        json.put("label", run.window().label());
        json.put("start_time", startTime);
        json.put("end_time", endTime);
        json.put("suppression", run.suppression()
                ? "on: counts from 1 to 10 are shown as <11 and statistics of groups of 1 to 10 are left empty; "
                + "episode-level files are not written"
                : "off");
        List<Object> inputs = new ArrayList<>();
        for (DataQuality.FileCounts file : quality.files()) {
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("file", file.file());
            input.put("sha256", file.sha256());
            input.put("bytes", file.bytes());
            input.put("rows_read", file.read());
            input.put("rows_accepted", file.accepted());
            input.put("rows_rejected", file.rejected());
            input.put("rows_duplicate", file.duplicates());
            if (run.byWave()) {
                input.put("rows_skipped", file.skipped());
            }
            inputs.add(input);
        }
        json.put("inputs", inputs);
        Map<String, Object> instruments = new LinkedHashMap<>();
        instruments.put("source", run.instrumentSource());
        List<Object> list = new ArrayList<>();
        for (Instrument instrument : run.instruments()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("key", instrument.key());
            entry.put("name", instrument.name());
            entry.put("min", instrument.min());
            entry.put("max", instrument.max());
            entry.put("higher_is_better", instrument.higherIsBetter());
            entry.put("integer", instrument.integer());
            entry.put("cutoff", instrument.cutoff());
            entry.put("reliable_change", instrument.reliableChange());
            list.add(entry);
        }
        instruments.put("instruments", list);
        json.put("instrument_configuration", instruments);
        json.put("approaches", run.approaches());
        json.put("primary_instrument", run.primaryInstrument());
        json.put("outputs", outputs(reportFolder));
        try {
            Path temporary = reportFolder.resolve(FILE_NAME + ".tmp");
            Files.writeString(temporary, Json.write(json), StandardCharsets.UTF_8);
            Files.move(temporary, reportFolder.resolve(FILE_NAME), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + FILE_NAME, e);
        }
    }

    /**
     * The window of a run: its {@code from} and {@code to} dates; for an analysis by wave, which
     * has no dates, its {@code waves} (the labels in order) and the {@code baseline_wave} and
     * {@code final_wave} the job file sets.
     */
    static Map<String, Object> window(RunDescription run) {
        Map<String, Object> window = new LinkedHashMap<>();
        if (run.byWave()) {
            window.put("waves", run.waveLabels());
            String baseline = run.parameters().get("baseline.wave");
            if (baseline != null) {
                window.put("baseline_wave", baseline);
            }
            String last = run.parameters().get("final.wave");
            if (last != null) {
                window.put("final_wave", last);
            }
            return window;
        }
        window.put("from", run.window().from().toString());
        window.put("to", run.window().to().toString());
        return window;
    }

    /**
     * The files a {@code run.json} lists under {@code outputs}, with their sizes in bytes: what
     * that report wrote. Read back with a pattern of the layout {@link Json} writes; a file that
     * does not have it lists nothing.
     */
    static Map<String, Long> listedOutputs(String runJson) {
        Map<String, Long> listed = new LinkedHashMap<>();
        int outputs = runJson.indexOf("\"outputs\": [");
        if (outputs < 0) {
            return listed;
        }
        Matcher entry = LISTED_OUTPUT.matcher(runJson);
        entry.region(outputs, runJson.length());
        while (entry.find()) {
            listed.put(entry.group(1), Long.parseLong(entry.group(2)));
        }
        return listed;
    }

    private static final Pattern LISTED_OUTPUT = Pattern.compile(
            "\\{\\s*\"file\": \"([A-Za-z0-9_./-]+)\",\\s*\"sha256\": \"[0-9a-f]{64}\",\\s*\"bytes\": ([0-9]{1,18})\\s*}");

    private static List<Object> outputs(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            List<Object> outputs = new ArrayList<>();
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String relative = folder.relativize(file).toString().replace('\\', '/');
                if (relative.startsWith(FILE_NAME)) {
                    continue;
                }
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("file", relative);
                entry.put("sha256", sha256(file));
                entry.put("bytes", Files.size(file));
                outputs.add(entry);
            }
            return outputs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the report's files", e);
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
