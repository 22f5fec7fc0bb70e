package org.clinicaloutcomes.analysis;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One LocalDate object per day, for rows that stay in memory until they are written (the alerts):
 * many rows, only a few thousand distinct days.
 * Not thread-safe: only {@link TableAccumulator#add} asks for dates.
 */
final class DayDates implements Serializable {

    private LocalDate[] dates = new LocalDate[0];
    private int firstCachedDay;

    /** The date of {@code epochDay} ({@link LocalDate#ofEpochDay}). */
    LocalDate of(int epochDay) {
        int index = epochDay - firstCachedDay;
        if (index < 0 || index >= dates.length) {
            boolean empty = dates.length == 0;
            int first = empty ? epochDay - 366 : Math.min(firstCachedDay, epochDay - 366);
            int last = empty ? epochDay + 366 : Math.max(firstCachedDay + dates.length - 1, epochDay + 366);
            LocalDate[] grown = new LocalDate[last - first + 1];
            if (!empty) {
                System.arraycopy(dates, 0, grown, firstCachedDay - first, dates.length);
            }
            dates = grown;
            firstCachedDay = first;
            index = epochDay - first;
        }
        LocalDate date = dates[index];
        if (date == null) {
            date = LocalDate.ofEpochDay(epochDay);
            dates[index] = date;
        }
        return date;
    }
}
