package org.clinicaloutcomes.cli;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The entries of a job file with the line each starts on. {@link Properties} gives no line
 * numbers, so the text is split into logical lines here by Properties' own rules (blank lines and
 * comment lines, whose first non-blank character is {@code #} or {@code !}, are skipped; a line
 * ending in an odd number of backslashes continues on the next one), and each logical line is
 * then loaded through {@link Properties} itself, so keys and values (escapes, separators, a
 * {@code \ } in a key) are exactly what Properties reads.
 */
final class JobFileLines {

    /**
     * One key of the job file.
     *
     * @param key   the key as Properties reads it
     * @param value the value as Properties reads it, trimmed
     * @param line  the physical line (from 1) on which the entry starts
     */
    record Entry(String key, String value, int line) {
    }

    private JobFileLines() {
    }

    /** The entries of {@code text} in file order, keys given twice included. */
    static List<Entry> read(Path file, String text) throws UsageException {
        String[] lines = text.split("\r\n|\r|\n", -1);
        List<Entry> entries = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            String first = lines[i];
            int start = i;
            i++;
            String stripped = stripLeading(first);
            if (stripped.isEmpty() || stripped.charAt(0) == '#' || stripped.charAt(0) == '!') {
                continue;
            }
            StringBuilder logical = new StringBuilder(first);
            String last = first;
            while (continues(last) && i < lines.length) {
                last = lines[i];
                logical.append('\n').append(last);
                i++;
            }
            Entry entry = load(file, logical.toString(), start + 1);
            if (entry != null) {
                entries.add(entry);
            }
        }
        return entries;
    }

    private static Entry load(Path file, String logicalLine, int line) throws UsageException {
        Properties one = new Properties();
        try {
            one.load(new StringReader(logicalLine));
        } catch (IllegalArgumentException e) {
            throw new UsageException("job file " + file + ", line " + line + ": not valid properties syntax ("
                    + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UsageException("job file " + file + " could not be read (" + e.getClass().getSimpleName() + ")");
        }
        if (one.isEmpty()) {
            return null; // only a line continuation: Properties reads nothing either
        }
        String key = one.stringPropertyNames().iterator().next();
        return new Entry(key, one.getProperty(key).trim(), line);
    }

    /** Properties' white space at the start of a line: space, tab and form feed. */
    private static String stripLeading(String line) {
        int at = 0;
        while (at < line.length() && (line.charAt(at) == ' ' || line.charAt(at) == '\t' || line.charAt(at) == '\f')) {
            at++;
        }
        return line.substring(at);
    }

    /** Whether a physical line ends in an odd number of backslashes. */
    private static boolean continues(String line) {
        int backslashes = 0;
        for (int at = line.length() - 1; at >= 0 && line.charAt(at) == '\\'; at--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }
}
