package org.clinicaloutcomes.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.clinicaloutcomes.metrics.Instrument;

/**
 * The row rules of DATA.md for {@code sessions.csv}, in their order, except the duplicate rule,
 * which is settled per episode once all rows are read.
 */
public final class SessionRowValidator {

    public static final List<String> FIXED_COLUMNS = List.of("client_id", "session_date", "session_number", "attended");
    public static final List<String> REQUIRED = List.of("client_id", "session_date");
    public static final List<String> ITEM_COLUMNS = IntStream.rangeClosed(1, 20).mapToObj(i -> "pcl5_" + i).toList();
    public static final String PCL5 = "pcl5";
    private static final int ITEM_MAX = 4;
    private static final long MISSING_ITEM = Long.MIN_VALUE;

    private final HeaderLayout layout;
    private final List<Instrument> instruments;
    private final EpisodeLookup episodes;
    private final String file;
    private final int clientColumn;
    private final int dateColumn;
    private final int numberColumn;
    private final int attendedColumn;
    private final int[] scoreColumns;
    private final int[] itemColumns;
    private final int pcl5Position;

    public SessionRowValidator(HeaderLayout layout, List<Instrument> instruments, EpisodeLookup episodes) {
        this.layout = layout;
        this.instruments = List.copyOf(instruments);
        this.episodes = episodes;
        this.file = layout.fileName();
        this.clientColumn = layout.indexOf("client_id");
        this.dateColumn = layout.indexOf("session_date");
        this.numberColumn = layout.indexOf("session_number");
        this.attendedColumn = layout.indexOf("attended");
        this.scoreColumns = instruments.stream().mapToInt(i -> layout.indexOf(i.key())).toArray();
        this.itemColumns = ITEM_COLUMNS.stream().mapToInt(layout::indexOf).toArray();
        int pcl5 = -1;
        for (int i = 0; i < instruments.size(); i++) {
            if (instruments.get(i).key().equals(PCL5)) {
                pcl5 = i;
            }
        }
        this.pcl5Position = pcl5;
    }

    /** The columns {@code sessions.csv} may have with this instrument configuration. */
    public static List<String> knownColumns(List<Instrument> instruments) {
        List<String> known = new ArrayList<>(FIXED_COLUMNS);
        instruments.forEach(i -> known.add(i.key()));
        return known;
    }

    public RowResult<SessionRecord> validate(RawRow row) {
        String[] fields = row.fields();
        long line = row.line();
        RowResult<SessionRecord> gate = RowGate.check(layout, row);
        if (gate != null) {
            return gate;
        }
        // Level 3: presence and types, column by column in the order of DATA.md.
        String clientId = Values.clean(fields[clientColumn]);
        RowResult<SessionRecord> badId = RowGate.checkId(file, line, "client_id", clientId);
        if (badId != null) {
            return badId;
        }
        String dateCell = Values.clean(fields[dateColumn]);
        if (dateCell.isEmpty()) {
            return RowResult.rejected(file, line, "session_date", Reject.MISSING_VALUE);
        }
        int day = Values.parseDate(dateCell);
        if (day == Values.BAD_DATE) {
            return RowResult.rejected(file, line, "session_date", Reject.BAD_DATE);
        }
        String numberCell = optional(fields, numberColumn);
        long number = SessionRecord.NO_NUMBER;
        String bigNumber = null;
        boolean numberOutOfRange = false;
        if (numberCell != null) {
            // Digits only (MONITORING.md, reading 3): 3.0, -1 or +3 are not integers here.
            if (!Values.isDigits(numberCell)) {
                return RowResult.rejected(file, line, "session_number", Reject.NOT_AN_INTEGER);
            }
            // Any integer >= 1, with no upper bound: up to 18 digits as a long, more as its digits.
            int start = 0;
            int end = numberCell.length();
            while (start < end && numberCell.charAt(start) == '0') {
                start++;
            }
            int digits = end - start;
            if (digits == 0 || digits > SessionSpill.MAX_NUMBER_DIGITS) {
                numberOutOfRange = true; // zero, or too long to stage
            } else if (digits <= SessionRecord.MAX_SMALL_DIGITS) {
                number = Values.parseSmallInteger(numberCell);
            } else {
                number = SessionRecord.BIG_NUMBER;
                bigNumber = numberCell.substring(start, end);
            }
        }
        Values.Flag attendedFlag = Values.parseFlag(attendedColumn < 0 ? "" : Values.clean(fields[attendedColumn]));
        if (attendedFlag == Values.Flag.BAD) {
            return RowResult.rejected(file, line, "attended", Reject.BAD_FLAG);
        }
        boolean attended = attendedFlag != Values.Flag.NO;
        int instrumentCount = instruments.size();
        double[] scores = new double[instrumentCount];
        for (int i = 0; i < instrumentCount; i++) {
            scores[i] = Double.NaN;
            String cell = optional(fields, scoreColumns[i]);
            if (cell == null) {
                continue;
            }
            Instrument instrument = instruments.get(i);
            String badType = typeReason(instrument, cell);
            if (badType != null) {
                return RowResult.rejected(file, line, instrument.key(), badType);
            }
            scores[i] = value(instrument, cell);
        }
        int itemsPresent = 0;
        int firstMissingItem = -1;
        long[] itemValues = new long[20];
        java.util.Arrays.fill(itemValues, MISSING_ITEM);
        if (itemColumns[0] >= 0) {
            for (int i = 0; i < 20; i++) {
                String cell = optional(fields, itemColumns[i]);
                if (cell == null) {
                    if (firstMissingItem < 0) {
                        firstMissingItem = i;
                    }
                    itemValues[i] = MISSING_ITEM;
                    continue;
                }
                if (!Values.isInteger(cell)) {
                    return RowResult.rejected(file, line, ITEM_COLUMNS.get(i), Reject.NOT_AN_INTEGER);
                }
                itemValues[i] = Values.parseSmallInteger(cell);
                itemsPresent++;
            }
        }
        // Level 4: ranges, item completeness and the item sum.
        if (numberOutOfRange) {
            return RowResult.rejected(file, line, "session_number", Reject.OUT_OF_RANGE);
        }
        for (int i = 0; i < instrumentCount; i++) {
            if (!Double.isNaN(scores[i]) && !instruments.get(i).inRange(scores[i])) {
                return RowResult.rejected(file, line, instruments.get(i).key(), Reject.OUT_OF_RANGE);
            }
        }
        for (int i = 0; i < 20; i++) {
            if (itemValues[i] != MISSING_ITEM && (itemValues[i] < 0 || itemValues[i] > ITEM_MAX)) {
                return RowResult.rejected(file, line, ITEM_COLUMNS.get(i), Reject.OUT_OF_RANGE);
            }
        }
        if (itemsPresent > 0 && itemsPresent < 20) {
            return RowResult.rejected(file, line, ITEM_COLUMNS.get(firstMissingItem), Reject.INCOMPLETE_ITEMS);
        }
        byte[] items = null;
        if (itemsPresent == 20) {
            items = new byte[20];
            int sum = 0;
            for (int i = 0; i < 20; i++) {
                items[i] = (byte) itemValues[i];
                sum += items[i];
            }
            if (pcl5Position >= 0) {
                if (Double.isNaN(scores[pcl5Position])) {
                    scores[pcl5Position] = sum;
                } else if (scores[pcl5Position] != sum) {
                    return RowResult.rejected(file, line, PCL5, Reject.ITEM_SUM_MISMATCH);
                }
            }
        }
        // Level 6: the episode the session belongs to.
        int episode = episodes.indexOf(clientId);
        if (episode < 0) {
            return RowResult.rejected(file, line, "client_id", Reject.UNKNOWN_CLIENT);
        }
        if (day < episodes.intakeDay(episode)) {
            return RowResult.rejected(file, line, "session_date", Reject.SESSION_BEFORE_INTAKE);
        }
        if (day > episodes.dischargeDay(episode)) {
            return RowResult.rejected(file, line, "session_date", Reject.SESSION_AFTER_DISCHARGE);
        }
        if (!attended && (items != null || hasAnyScore(fields))) {
            return RowResult.rejected(file, line, "attended", Reject.SCORES_ON_MISSED_SESSION);
        }
        long[] hash = row.hash();
        return new RowResult.Accepted<>(new SessionRecord(episode, day, number, bigNumber, attended, scores, items,
                line, hash[0], hash[1]));
    }

    /**
     * The reason a score cell (trimmed, with a value) is not a score of {@code instrument}'s type
     * (DATA.md: an integer, or a number when the instrument allows decimals), or null.
     */
    static String typeReason(Instrument instrument, String cell) {
        if (instrument.integer() ? !Values.isInteger(cell) : !Values.isDecimal(cell)) {
            return instrument.integer() ? Reject.NOT_AN_INTEGER : Reject.NOT_A_NUMBER;
        }
        return null;
    }

    /** The value of a score cell of the right type. */
    static double value(Instrument instrument, String cell) {
        return instrument.integer() ? Values.parseIntegerValue(cell) : Values.parseNumber(cell);
    }

    /** The largest PCL-5 item score (items are 0–4). */
    static final int MAX_ITEM = ITEM_MAX;

    private boolean hasAnyScore(String[] fields) {
        for (int column : scoreColumns) {
            if (optional(fields, column) != null) {
                return true;
            }
        }
        return false;
    }

    private static String optional(String[] fields, int column) {
        if (column < 0) {
            return null;
        }
        String value = Values.clean(fields[column]);
        return Values.isNoValue(value) ? null : value;
    }
}
