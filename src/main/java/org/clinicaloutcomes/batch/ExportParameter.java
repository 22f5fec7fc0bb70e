package org.clinicaloutcomes.batch;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.clinicaloutcomes.ingest.ExportMapping;
import org.clinicaloutcomes.ingest.ExportMapping.Layout;

/**
 * An {@link ExportMapping} as the text of a job parameter: {@code key=value} lines, sorted by key,
 * so that the same job file gives the same parameter (and so the same job instance). Every name
 * and value in it is URL-encoded (UTF-8), so no {@code = , :} or line break of the job file
 * gets in the way; lists keep their order ({@code columns}, {@code waves}, {@code missing}, the
 * entries of each code map and wave), and {@link #decode} gives back an equal mapping.
 *
 * <pre>
 * approach=TAU
 * baseline.wave=0
 * code.approach=treatment+as+usual:TAU,cbt:CPT
 * columns=client_id:ID,approach:Arm
 * delimiter=%3B
 * encoding=windows-1252
 * file=%2Fdata%2Fexport.csv
 * final.wave=12
 * layout=wide
 * missing=-99,.
 * randomised=true
 * wave.0=pcl5:PCL_T0,phq9:PHQ_T0
 * waves=0,6,12
 * </pre>
 */
final class ExportParameter {

    private ExportParameter() {
    }

    static String encode(ExportMapping export) {
        Map<String, String> lines = new TreeMap<>();
        lines.put("layout", export.layout().key());
        lines.put("randomised", Boolean.toString(export.randomised()));
        lines.put("encoding", export.encoding().name());
        lines.put("delimiter", enc(String.valueOf(export.delimiter())));
        if (export.file() != null) {
            lines.put("file", enc(export.file().toString()));
        }
        lines.put("columns", pairs(export.columns()));
        export.codes().forEach((column, map) -> lines.put("code." + enc(column), pairs(map)));
        lines.put("waves", list(export.waves()));
        export.waveColumns().forEach((wave, map) -> lines.put("wave." + enc(wave), pairs(map)));
        if (export.baselineWave() != null) {
            lines.put("baseline.wave", enc(export.baselineWave()));
        }
        if (export.finalWave() != null) {
            lines.put("final.wave", enc(export.finalWave()));
        }
        if (export.approach() != null) {
            lines.put("approach", enc(export.approach()));
        }
        lines.put("missing", list(export.missing()));
        StringBuilder text = new StringBuilder();
        lines.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }

    static ExportMapping decode(String text) {
        Map<String, String> lines = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            lines.put(line.substring(0, eq), line.substring(eq + 1));
        }
        Map<String, Map<String, String>> codes = new LinkedHashMap<>();
        Map<String, Map<String, String>> byWave = new LinkedHashMap<>();
        lines.forEach((key, value) -> {
            if (key.startsWith("code.")) {
                codes.put(dec(key.substring("code.".length())), pairs(value));
            } else if (key.startsWith("wave.")) {
                byWave.put(dec(key.substring("wave.".length())), pairs(value));
            }
        });
        List<String> waves = list(lines.get("waves"));
        Map<String, Map<String, String>> waveColumns = new LinkedHashMap<>();
        for (String wave : waves) {
            if (byWave.containsKey(wave)) {
                waveColumns.put(wave, byWave.get(wave));
            }
        }
        String file = lines.get("file");
        return new ExportMapping(
                Layout.valueOf(lines.get("layout").toUpperCase(Locale.ROOT)),
                file == null ? null : Path.of(dec(file)),
                pairs(lines.get("columns")),
                codes,
                waves,
                waveColumns,
                optional(lines.get("baseline.wave")),
                optional(lines.get("final.wave")),
                Boolean.parseBoolean(lines.get("randomised")),
                optional(lines.get("approach")),
                list(lines.get("missing")),
                dec(lines.get("delimiter")).charAt(0),
                Charset.forName(lines.get("encoding")));
    }

    private static String pairs(Map<String, String> map) {
        List<String> pairs = new ArrayList<>();
        map.forEach((k, v) -> pairs.add(enc(k) + ":" + enc(v)));
        return String.join(",", pairs);
    }

    private static Map<String, String> pairs(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        if (text != null && !text.isEmpty()) {
            for (String pair : text.split(",")) {
                int colon = pair.indexOf(':');
                map.put(dec(pair.substring(0, colon)), dec(pair.substring(colon + 1)));
            }
        }
        return map;
    }

    private static String list(List<String> values) {
        return String.join(",", values.stream().map(ExportParameter::enc).toList());
    }

    private static List<String> list(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(ExportParameter::dec).toList();
    }

    private static String optional(String text) {
        return text == null ? null : dec(text);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String dec(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
