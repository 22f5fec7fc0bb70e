package org.clinicaloutcomes.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where each known column sits in a file's header, and which columns are unknown. Building one
 * applies the header rules of DATA.md ("Files", "De-identification gate"): a header that breaks
 * them refuses the file.
 */
public final class HeaderLayout {

    private final String fileName;
    private final List<String> columns;
    private final Map<String, Integer> indexByName;
    private final List<String> unknownColumns;

    private HeaderLayout(String fileName, List<String> columns, Map<String, Integer> indexByName,
                         List<String> unknownColumns) {
        this.fileName = fileName;
        this.columns = columns;
        this.indexByName = indexByName;
        this.unknownColumns = unknownColumns;
    }

    /**
     * Checks a header against the file's schema.
     *
     * @param fileName  for messages
     * @param header    the raw header cells
     * @param known     the columns the pipeline reads, lower case
     * @param required  the columns that must be present
     * @param itemGroup columns that come all together or not at all (PCL-5 items); may be empty
     */
    public static HeaderLayout of(String fileName, String[] header, List<String> known,
                                  List<String> required, List<String> itemGroup)
            throws RefusedFileException {
        List<String> names = matchedNames(fileName, header);
        Map<String, Integer> indexByName = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            indexByName.put(names.get(i), i);
        }
        for (String column : required) {
            if (!indexByName.containsKey(column)) {
                throw new RefusedFileException(fileName + ": required column '" + column + "' is missing");
            }
        }
        long itemsPresent = itemGroup.stream().filter(indexByName::containsKey).count();
        if (itemsPresent > 0 && itemsPresent < itemGroup.size()) {
            String missing = itemGroup.stream().filter(c -> !indexByName.containsKey(c)).findFirst().orElseThrow();
            throw new RefusedFileException(fileName + ": only " + itemsPresent + " of the "
                    + itemGroup.size() + " PCL-5 item columns are present (for example '" + missing
                    + "' is missing); give all of pcl5_1 … pcl5_20 or none");
        }
        List<String> unknown = new ArrayList<>();
        List<String> displayNames = new ArrayList<>(names);
        for (int i = 0; i < header.length; i++) {
            if (!known.contains(names.get(i)) && !itemGroup.contains(names.get(i))) {
                unknown.add(Values.clean(header[i]));
                displayNames.set(i, Values.clean(header[i]));
            }
        }
        return new HeaderLayout(fileName, List.copyOf(displayNames), Map.copyOf(indexByName),
                Collections.unmodifiableList(unknown));
    }

    /**
     * The header's names as DATA.md matches them (trimmed, lower case), after the header rules of
     * the de-identification gate and the rule against a column named twice: shared by the
     * pipeline's files and a researcher's export.
     */
    static List<String> matchedNames(String fileName, String[] header) throws RefusedFileException {
        List<String> names = new ArrayList<>(header.length);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            String name = Values.clean(header[i]).toLowerCase(Locale.ROOT);
            if (IdentifierDetector.containsIdentifier(header[i])) {
                throw new RefusedFileException(fileName + ": column " + (i + 1)
                        + " has a name that looks like an identifier; remove it from the export");
            }
            // The gate normalises the name as written (NFKC first), not the lower-cased one.
            if (IdentifierDetector.isIdentifierHeader(Values.clean(header[i]))) {
                throw new RefusedFileException(fileName + ": column '" + name
                        + "' names a direct identifier; remove it from the export (de-identification gate)");
            }
            names.add(name);
        }
        for (int i = 0; i < names.size(); i++) {
            if (seen.putIfAbsent(names.get(i), i) != null) {
                throw new RefusedFileException(fileName + ": column '" + names.get(i) + "' appears twice in the header");
            }
        }
        return names;
    }

    /**
     * The layout of a researcher's export: {@code indexByName} says where each pipeline column
     * is read (mapped or by its own name); every column shows as written in the header.
     */
    static HeaderLayout ofExport(String fileName, String[] header, Map<String, Integer> indexByName,
                                 List<String> unknownColumns) {
        List<String> displayNames = new ArrayList<>(header.length);
        for (String cell : header) {
            displayNames.add(Values.clean(cell));
        }
        return new HeaderLayout(fileName, List.copyOf(displayNames), Map.copyOf(indexByName),
                List.copyOf(unknownColumns));
    }

    /** Index of a column, or -1 when the file does not have it. */
    public int indexOf(String column) {
        Integer index = indexByName.get(column);
        return index == null ? -1 : index;
    }

    public int size() {
        return columns.size();
    }

    /**
     * Name of the column at an index, for messages and rejects: the pipeline's lower-case name
     * of a known column, an unknown column's name as written (trimmed).
     */
    public String columnName(int index) {
        return columns.get(index);
    }

    /** Unknown columns as written in the header (trimmed), in header order. */
    public List<String> unknownColumns() {
        return unknownColumns;
    }

    public String fileName() {
        return fileName;
    }
}
